// The custom LSP methods the Bulwark server speaks beyond the standard protocol. Payloads are typed
// `unknown` here on purpose: server-payloads.ts keeps what is well-formed, so a server of another
// version degrades the UI instead of breaking it.
import { NotificationType, RequestType, type WorkDoneProgressParams } from 'vscode-languageclient/node';

export const StatusNotification = new NotificationType<unknown>('bulwark/status');
export const RuleDocsRequest = new RequestType<{ ruleId: string }, unknown, void>('bulwark/ruleDocs');
export const ScanWorkspaceRequest = new RequestType<WorkDoneProgressParams, unknown, void>('bulwark/scanWorkspace');
export const RuleSetRequest = new RequestType<Record<string, never>, unknown, void>('bulwark/ruleSet');
