import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  StreamMessageWriter,
  TextDocuments,
  createConnection,
  type CancellationToken,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type MessageReader,
} from 'vscode-languageserver/node';
import { Console } from 'node:console';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import { AnalysisService } from './lsp/analysis-service';
import { clientFeaturesOf, serverCapabilities } from './lsp/capabilities';
import { provideCodeActions, resolveCodeAction, type CodeActionDeps } from './lsp/code-actions';
import {
  PREVIEW_POLICY_REQUEST,
  IMPORT_POLICY_REQUEST,
  type ImportPolicyParams,
  type ImportPolicyResult,
  REFRESH_POLICY_REQUEST,
  RULE_DOCS_REQUEST,
  RULE_SET_REQUEST,
  SCAN_WORKSPACE_REQUEST,
  STATUS_NOTIFICATION,
  type InitializationOptions,
  type PreviewPolicyParams,
  type PreviewPolicyResult,
  type RuleDocsParams,
  type RuleDocsResult,
  type RuleSetResult,
  type ScanWorkspaceParams,
  type ScanWorkspaceResult,
} from './protocol/custom-protocol';
import { DiagnosticDelivery } from './lsp/diagnostic-delivery';
import { PreparedDiagnosticsEncoder } from './lsp/diagnostic-json';
import { ExcludeMatcher } from './lsp/exclude';
import { guard, guardReport, runGuarded, type Log } from './lsp/guard';
import { EditableDocument } from './lsp/editable-document';
import { provideHover } from './lsp/hover';
import { provideImageCompletion } from './lsp/image-completion';
import { ImageService, editorResolver } from './lsp/image-service';
import { ruleDocsMarkdown } from './lsp/rule-docs';
import { describePackError, loadRuleSetService } from './lsp/rule-set-service';
import { SettingsCache } from './lsp/settings-cache';
import { WorkspaceFolders } from './lsp/workspace-folders';
import { WorkspaceScanner } from './lsp/workspace-scan';
import { WORKSPACE_FACT_GLOBS, WorkspaceIndexService } from './lsp/workspace-index-service';
import { PolicyService, parsePolicySettings } from './lsp/policy-service';
import { previewPolicy } from './lsp/policy-preview';
import { importPolicyArchive } from './lsp/policy-import';
import { PolicyCache, defaultCacheRoot } from './node/policy';
import { gitTrackedFile } from './node/git-tracked';
import { TrackedFileCache } from './lsp/gitignore-action';
import { IdleCollection } from './lsp/idle-collection';

// bulwark-server: the composition root. Everything is built here, once per connection, and passed in.

const HELP = `bulwark-server ${version}: the Bulwark language server (LSP over stdio or Node IPC).

Usage: bulwark-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>
       bulwark-server --version | --help

initializationOptions: { "settings": { …the "bulwark" settings section… }, "extraPackRoots": ["/path/to/pack"] }
Custom messages are described in docs/protocol.md.`;

/** Push mode waits this long after the last keystroke, so a burst of typing costs one analysis. */
const PUSH_DEBOUNCE_MS = 20;

function initialize(connection: Connection, documents: TextDocuments<TextDocument>, params: InitializeParams, encoder: PreparedDiagnosticsEncoder | undefined): InitializeResult {
  const log: Log = (message) => connection.console.error(message);
  const features = clientFeaturesOf(params.capabilities);
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  const extraPackRoots = Array.isArray(options.extraPackRoots) ? options.extraPackRoots.filter((r): r is string => typeof r === 'string') : [];
  const rules = loadRuleSetService(extraPackRoots);

  const folders = new WorkspaceFolders();
  if (params.workspaceFolders) folders.replace(params.workspaceFolders);
  else if (params.rootUri) folders.replace([{ uri: params.rootUri, name: 'root' }]);

  const settings = new SettingsCache(
    (uri) => (features.configuration ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'bulwark' }) : undefined),
    options.settings,
    log,
  );
  const now = () => new Date();
  // The user's approved-images file (initializationOptions only, like the policy: never a workspace's).
  const images = new ImageService(rules, editorResolver(options.policy), options.approvedImages);
  if (images.problem) log(images.problem);
  // Cross-file rules: facts of the workspace's manifests and Dockerfiles, kept current as files change.
  let onWorkspaceChanged = (): void => undefined;
  const workspace = new WorkspaceIndexService({ folders, rules, log, onChanged: () => onWorkspaceChanged() });
  const analysis = new AnalysisService({ rules, settings, exclude: new ExcludeMatcher(folders), log, now, workspace, approvedImages: () => images.fromSettings() });
  const scanner = new WorkspaceScanner({ connection, documents, folders, analysis, features, log });
  const delivery = new DiagnosticDelivery({ connection, documents, analysis, features, closedFiles: scanner, log, debounceMs: PUSH_DEBOUNCE_MS, encoder, idle: IdleCollection.fromProcess() });
  delivery.register();
  onWorkspaceChanged = () => delivery.revalidateAll();
  documents.onDidClose((e) => runGuarded(log, 'didClose (workspace index)', () => workspace.updateFromDisk(e.document.uri)));
  connection.onDidChangeWatchedFiles((e) => runGuarded(log, 'didChangeWatchedFiles', () => {
    for (const change of e.changes) workspace.updateFromDisk(change.uri);
  }));

  // The policy source comes from initializationOptions only (the client reads user/machine settings):
  // a workspace's configuration can never point the server at another registry or key.
  const policy = new PolicyService({
    settings: parsePolicySettings(options.policy),
    rules,
    cache: new PolicyCache(defaultCacheRoot()),
    engineVersion: version,
    now,
    log,
    onRulesChanged: () => {
      settings.clear();
      delivery.revalidateAll();
    },
    onStatus: (policyStatus) => void connection.sendNotification(STATUS_NOTIFICATION, { ...rules.status(), policy: policyStatus }).catch(() => undefined),
  });
  connection.onShutdown(() => policy.dispose());
  connection.onRequest(REFRESH_POLICY_REQUEST, guard(log, REFRESH_POLICY_REQUEST, () => policy.status(), () => policy.refresh()));
  connection.onRequest(
    IMPORT_POLICY_REQUEST,
    guard(log, IMPORT_POLICY_REQUEST, (): ImportPolicyResult => ({ status: policy.status(), error: 'the import failed unexpectedly' }), (p: ImportPolicyParams | undefined) => importPolicyArchive(p, policy)),
  );
  connection.onRequest(
    PREVIEW_POLICY_REQUEST,
    guard(
      log,
      PREVIEW_POLICY_REQUEST,
      (): PreviewPolicyResult => ({ ok: false, message: 'the preview failed: see the Bulwark output' }),
      (p: PreviewPolicyParams | undefined): PreviewPolicyResult => previewPolicy(p, { rules, folders: () => folders.all(), engineVersion: version, now }),
    ),
  );

  const trackedFiles = new TrackedFileCache((file) => gitTrackedFile(file));
  const actionDeps: CodeActionDeps = {
    documents,
    analysis,
    snippetEdits: features.snippetEdits,
    resolveEdits: features.resolveCodeActionEdits,
    now,
    images: { images, disabledSupport: features.disabledCodeActions },
    gitignore: { tracked: (file) => trackedFiles.tracked(file) },
    createFiles: features.createFiles,
    warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined),
  };
  connection.onCodeAction(guard(log, 'textDocument/codeAction', (): CodeAction[] => [], (p) => provideCodeActions(actionDeps, p)));
  connection.onCodeActionResolve(guard(log, 'codeAction/resolve', (...args) => args[0], (action: CodeAction) => resolveCodeAction(actionDeps, action)));
  connection.onHover(guard(log, 'textDocument/hover', () => null, (p) => provideHover(documents, analysis, p, images, now())));
  connection.onCompletion(guard(log, 'textDocument/completion', (): CompletionItem[] => [], (p) => provideImageCompletion(documents, images, p, now())));
  connection.onRequest(
    RULE_DOCS_REQUEST,
    guard(log, RULE_DOCS_REQUEST, (): RuleDocsResult => null, (p: RuleDocsParams): RuleDocsResult => {
      const meta = typeof p?.ruleId === 'string' ? rules.meta(p.ruleId) : undefined;
      return meta ? { title: meta.title, markdown: ruleDocsMarkdown(meta) } : null;
    }),
  );
  connection.onRequest(RULE_SET_REQUEST, guard(log, RULE_SET_REQUEST, (): RuleSetResult => ({ rules: [], packs: [] }), () => rules.summary()));
  connection.onRequest(
    SCAN_WORKSPACE_REQUEST,
    guardReport(log, SCAN_WORKSPACE_REQUEST, (p: ScanWorkspaceParams | undefined, token: CancellationToken): Promise<ScanWorkspaceResult> => scanner.scan(p ?? {}, token)),
  );
  connection.onDidChangeConfiguration((change) =>
    runGuarded(log, 'didChangeConfiguration', () => {
      const pushed = (change.settings as { bulwark?: unknown } | null | undefined)?.bulwark;
      settings.clear(features.configuration ? undefined : pushed);
      delivery.revalidateAll();
    }),
  );
  connection.onInitialized(() =>
    runGuarded(log, 'initialized', async () => {
      for (const error of rules.errors) connection.console.warn(`Rule pack problem: ${describePackError(error)}`);
      // The cached policy bundle applies before the first diagnostics, with no network call.
      policy.start();
      await connection.sendNotification(STATUS_NOTIFICATION, { ...rules.status(), policy: policy.status() });
      if (features.dynamicConfigurationRegistration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'bulwark' });
      if (features.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) =>
          runGuarded(log, 'didChangeWorkspaceFolders', () => {
            folders.remove(e.removed);
            folders.add(e.added);
            void workspace.build();
          }),
        );
      }
      // After the first diagnostics: the cross-file rules join in when the index is ready.
      void workspace.build();
      if (features.watchedFilesRegistration) {
        await connection.client
          .register(DidChangeWatchedFilesNotification.type, { watchers: WORKSPACE_FACT_GLOBS.map((globPattern) => ({ globPattern })) })
          .catch((err: unknown) => log(`File watching not available (the workspace index follows open documents only): ${String(err)}`));
      }
    }),
  );
  return { capabilities: serverCapabilities(features), serverInfo: { name: 'bulwark-server', version } };
}

function main(argv: readonly string[]): void {
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${version}\n`);
    return;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (!argv.some((a) => /^--(?:stdio|node-ipc|socket=|pipe=|clientProcessId=)/.test(a))) {
    process.stderr.write(`${HELP}\n`);
    process.exitCode = 2;
    return;
  }
  const { connection, encoder } = connect(argv);
  const documents: TextDocuments<TextDocument> = new TextDocuments<EditableDocument>({
    create: (uri, languageId, version, text) => EditableDocument.create(uri, languageId, version, text),
    update: (doc, changes, version) => {
      doc.update(changes, version);
      return doc;
    },
  });
  // A bug in one handler must not take the editor's diagnostics down with it.
  process.on('uncaughtException', (err) => connection.console.error(`Unexpected error: ${err.stack ?? err.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));
  connection.onInitialize((params) => initialize(connection, documents, params, encoder));
  documents.listen(connection);
  connection.listen();
}

/**
 * Over stdio the writer is the server's own, so that published diagnostics are serialised once
 * (diagnostic-json.ts). vscode-languageserver then no longer routes `console` to the client's log, as it
 * does for `--stdio`: it goes to stderr instead, never into the protocol's stdout.
 */
function connect(argv: readonly string[]): { connection: Connection; encoder?: PreparedDiagnosticsEncoder } {
  if (!argv.includes('--stdio')) return { connection: createConnection(ProposedFeatures.all) };
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  const encoder = new PreparedDiagnosticsEncoder();
  // A stream as the reader: the library then exits when stdin ends, as it does for --stdio.
  const connection = createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new StreamMessageWriter(process.stdout, { contentTypeEncoder: encoder }));
  return { connection, encoder };
}

main(process.argv.slice(2));
