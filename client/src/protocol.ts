// The custom LSP methods the Bulwark server speaks beyond the standard protocol. Method names come from
// the server's own protocol file (plain constants, no LSP imports). Payloads are typed `unknown` on
// purpose: server-payloads.ts keeps what is well-formed, so a server of another version degrades the
// UI instead of breaking it.
import { NotificationType, RequestType } from 'vscode-languageclient/node';
import {
  IMPORT_POLICY_REQUEST,
  PREVIEW_POLICY_REQUEST,
  REFRESH_POLICY_REQUEST,
  RULE_DOCS_REQUEST,
  RULE_SET_REQUEST,
  SCAN_WORKSPACE_REQUEST,
  STATUS_NOTIFICATION,
  type ImportPolicyParams,
  type PreviewPolicyParams,
  type RuleDocsParams,
  type ScanWorkspaceParams,
} from '../../server/src/protocol/custom-protocol';

export const StatusNotification = new NotificationType<unknown>(STATUS_NOTIFICATION);
export const RuleDocsRequest = new RequestType<RuleDocsParams, unknown, void>(RULE_DOCS_REQUEST);
export const ScanWorkspaceRequest = new RequestType<ScanWorkspaceParams, unknown, void>(SCAN_WORKSPACE_REQUEST);
export const RuleSetRequest = new RequestType<Record<string, never>, unknown, void>(RULE_SET_REQUEST);
export const RefreshPolicyRequest = new RequestType<Record<string, never>, unknown, void>(REFRESH_POLICY_REQUEST);
export const PreviewPolicyRequest = new RequestType<PreviewPolicyParams, unknown, void>(PREVIEW_POLICY_REQUEST);
export const ImportPolicyRequest = new RequestType<ImportPolicyParams, unknown, void>(IMPORT_POLICY_REQUEST);
