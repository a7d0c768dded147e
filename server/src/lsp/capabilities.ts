import {
  CodeActionKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from '../protocol/custom-protocol';

/** The client features the server adapts to, read once from `initialize`. */
export interface ClientFeatures {
  /** `textDocument.diagnostic`: the client pulls diagnostics, so the server must not push them for open files. */
  readonly pullDiagnostics: boolean;
  readonly diagnosticRefresh: boolean;
  /** `workspace/configuration` requests are answered. */
  readonly configuration: boolean;
  readonly dynamicConfigurationRegistration: boolean;
  readonly workspaceFolders: boolean;
  /** LSP 3.18 snippet text edits inside workspace edits. */
  readonly snippetEdits: boolean;
  readonly workDoneProgress: boolean;
  readonly versionedDocumentChanges: boolean;
  /** Workspace edits may create files (`workspaceEdit.resourceOperations` includes `create`). */
  readonly createFiles: boolean;
  /**
   * The client can fill in a code action's edit later (`codeAction/resolve` with `data` and `edit`).
   * The server then advertises `resolveProvider` and leaves the fix-all edit to resolve; otherwise it
   * computes the edit up front. The two must agree: VS Code never resolves without `resolveProvider`.
   */
  readonly resolveCodeActionEdits: boolean;
  /** `CodeAction.disabled` is shown with its reason (a pin the registry could not answer says why). */
  readonly disabledCodeActions: boolean;
  /** The server may ask to be told of file changes on disk (the workspace index follows them). */
  readonly watchedFilesRegistration: boolean;
}

export function clientFeaturesOf(caps: ClientCapabilities): ClientFeatures {
  return {
    pullDiagnostics: caps.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: caps.workspace?.diagnostics?.refreshSupport === true,
    configuration: caps.workspace?.configuration === true,
    dynamicConfigurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolders: caps.workspace?.workspaceFolders === true,
    snippetEdits: caps.workspace?.workspaceEdit?.snippetEditSupport === true,
    workDoneProgress: caps.window?.workDoneProgress === true,
    versionedDocumentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    createFiles: caps.workspace?.workspaceEdit?.documentChanges === true && (caps.workspace.workspaceEdit.resourceOperations?.includes('create') ?? false),
    watchedFilesRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    resolveCodeActionEdits: caps.textDocument?.codeAction?.dataSupport === true && (caps.textDocument.codeAction.resolveSupport?.properties.includes('edit') ?? false),
    disabledCodeActions: caps.textDocument?.codeAction?.disabledSupport === true,
  };
}

export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    completionProvider: { triggerCharacters: [':', '/'] },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: features.resolveCodeActionEdits },
    ...(features.pullDiagnostics
      ? { diagnosticProvider: { identifier: 'bulwark', interFileDependencies: true, workspaceDiagnostics: false } }
      : {}),
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
