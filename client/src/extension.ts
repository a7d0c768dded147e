import { commands, window, workspace, type ExtensionContext, type TextDocument } from 'vscode';
import { scanWorkspace } from './commands/scan-workspace';
import { selectSuppressionReason } from './commands/select-suppression-reason';
import { showRuleDocs } from './commands/show-rule-docs';
import { SELECT_SUPPRESSION_REASON_COMMAND } from '../../server/src/protocol/custom-protocol';
import { createLanguageClient } from './language-client';
import { importPolicy, refreshPolicy, signInToPolicyRegistry } from './commands/policy-commands';
import { previewPolicy } from './commands/preview-policy';
import { loadLogin, type RegistryLogin } from './policy-credentials';
import { readApprovedImagesOption, readPolicyOptions, readProxyOption } from './policy-settings';
import { RuleDocsRequest, StatusNotification } from './protocol';
import { RULE_DOCS_SCHEME, RuleDocsProvider } from './rule-docs-provider';
import { parseRuleDocs, parseStatus } from './server-payloads';
import { ServerSession } from './server-session';
import { RuleSetStatusItem } from './status-item';

// Thin client: everything Bulwark knows lives in the server. This file only wires the pieces; they are
// owned by the context's subscriptions, never kept in module state.

export async function activate(context: ExtensionContext): Promise<void> {
  const status = new RuleSetStatusItem();
  const previewOutput = window.createOutputChannel('Bulwark Policy Preview');
  // The registry login is read from secret storage before the server starts, and again after sign-in.
  const login: { current?: RegistryLogin } = {};
  const policyRef = () => workspace.getConfiguration('bulwark').inspect<string>('policy.ref')?.globalValue;
  const reloadLogin = async (): Promise<void> => {
    login.current = await loadLogin(context.secrets, policyRef());
  };
  await reloadLogin().catch(() => undefined);
  const initializationOptions = () => {
    const configuration = workspace.getConfiguration('bulwark');
    const http = workspace.getConfiguration('http');
    const policy = readPolicyOptions((key) => configuration.inspect(key), login.current, readProxyOption((key) => http.inspect(key)));
    const approvedImages = readApprovedImagesOption((key) => configuration.inspect(key));
    return { ...(policy ? { policy } : {}), ...(approvedImages ? { approvedImages } : {}) };
  };
  const session = new ServerSession(
    () => createLanguageClient(context, initializationOptions),
    (client) =>
      client.onNotification(StatusNotification, (raw) => {
        const parsed = parseStatus(raw);
        status.showStatus(parsed);
        // The status item's warning points here for the details.
        for (const error of parsed.errors) client.warn(`Rule pack error: ${error}`, undefined, false);
      }),
  );
  const docs = new RuleDocsProvider(async (ruleId) => {
    try {
      const client = await session.start();
      return parseRuleDocs(await client.sendRequest(RuleDocsRequest, { ruleId }), ruleId).markdown;
    } catch (err) {
      return `# ${ruleId}\n\nThe documentation could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
    }
  });
  const startIfRelevant = (document: TextDocument): void => {
    if (isAnalysable(document)) session.start().catch(() => undefined);
  };

  context.subscriptions.push(
    status,
    previewOutput,
    session,
    docs,
    session.onDidChangeState((state) => status.showState(state)),
    workspace.registerTextDocumentContentProvider(RULE_DOCS_SCHEME, docs),
    commands.registerCommand('bulwark.scanWorkspace', () => runCommand(() => scanWorkspace(session))),
    commands.registerCommand('bulwark.showRuleDocs', (ruleId: unknown) => runCommand(() => showRuleDocs(session, docs, ruleId))),
    commands.registerCommand('bulwark.restartServer', () => runCommand(() => session.restart())),
    commands.registerCommand('bulwark.refreshPolicy', () => runCommand(() => refreshPolicy(session))),
    commands.registerCommand('bulwark.importPolicy', () => runCommand(() => importPolicy(session))),
    commands.registerCommand('bulwark.previewPolicy', () => runCommand(() => previewPolicy(session, previewOutput))),
    commands.registerCommand('bulwark.signInToPolicyRegistry', () => runCommand(() => signInToPolicyRegistry(session, context.secrets, reloadLogin))),
    // The policy source is read once per server start: a change restarts the server to apply it.
    workspace.onDidChangeConfiguration((e) => {
      const proxyChanged = e.affectsConfiguration('http.proxy') || e.affectsConfiguration('http.noProxy');
      if (e.affectsConfiguration('bulwark.policy') || e.affectsConfiguration('bulwark.approvedImages') || (proxyChanged && policyRef())) void reloadLogin().then(() => session.restart()).catch(() => undefined);
    }),
    commands.registerCommand(SELECT_SUPPRESSION_REASON_COMMAND, (uri: unknown, anchor: unknown) => runCommand(() => selectSuppressionReason(uri, anchor))),
    workspace.onDidOpenTextDocument(startIfRelevant),
  );
  workspace.textDocuments.forEach(startIfRelevant);
}

export function deactivate(): void {
  // The session is in context.subscriptions; VS Code disposes it, which stops the server.
}

/** Documents the server analyses (the client's document selector): files on disk and untitled buffers. */
function isAnalysable(document: TextDocument): boolean {
  return document.uri.scheme === 'file' || document.uri.scheme === 'untitled';
}

/** A failing command shows its error once instead of surfacing as an unhandled rejection. */
async function runCommand(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    void window.showErrorMessage(`Bulwark: ${err instanceof Error ? err.message : String(err)}`);
  }
}
