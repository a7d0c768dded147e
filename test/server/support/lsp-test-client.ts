import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ProgressType, StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ServerCapabilities } from 'vscode-languageserver/node';
import { ensureServerBuilt } from './build';
import { EventWait } from '../../support/event-wait';

// A minimal LSP client for the protocol tests: spawns `node dist/server.js --stdio` and speaks
// JSON-RPC to it, answering the server's requests (configuration, registrations, progress) itself.

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: unknown;
}
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface StartOptions {
  /** Pull (VS Code) or push (Neovim 0.7) diagnostics. */
  readonly mode: 'pull' | 'push';
  /** Answer `workspace/configuration`; when absent the client has no configuration capability. */
  readonly configuration?: (scopeUri: string | undefined) => unknown;
  readonly initializationOptions?: unknown;
  readonly snippetEdits?: boolean;
  /** `workspaceEdit.resourceOperations` the client applies (VS Code: create, rename, delete). */
  readonly resourceOperations?: readonly string[];
  readonly workspaceFolders?: readonly string[];
  readonly workDoneProgress?: boolean;
  /** The client resolves code actions lazily (VS Code does). */
  readonly resolveCodeActions?: boolean;
  /** The client shows disabled code actions with their reason (`codeAction.disabledSupport`). */
  readonly disabledCodeActions?: boolean;
  /** Extra node flags for the server process (the benchmark profiles with --cpu-prof). */
  readonly nodeArgs?: readonly string[];
  /** Extra environment for the server process (e.g. BULWARK_CACHE_DIR). */
  readonly env?: Readonly<Record<string, string>>;
  /** A command that runs node for us (`setpriv --reuid=nobody …`): the server runs as another user. */
  readonly launcher?: readonly string[];
}

export class LspTestClient {
  readonly published = new Map<string, { version?: number; diagnostics: Diagnostic[] }[]>();
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly logs: string[] = [];
  /** Everything the server wrote to stderr. */
  stderr = '';
  /** Work-done progress values the server reported, in order. */
  readonly progress: { kind: string }[] = [];
  refreshRequests = 0;
  /** What the server answered to `initialize`. */
  serverCapabilities: ServerCapabilities = {};
  private readonly versions = new Map<string, number>();
  private readonly events = new EventWait(200);

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    readonly options: StartOptions,
  ) {}

  static async start(options: StartOptions): Promise<LspTestClient> {
    const serverJs = ensureServerBuilt();
    const launcher = options.launcher ?? [];
    const command = [...launcher, process.execPath, ...(options.nodeArgs ?? []), serverJs, '--stdio'];
    const child = spawn(command[0], command.slice(1), { stdio: 'pipe', env: { ...process.env, ...options.env } });
    child.stderr.on('data', () => undefined);
    // Writes racing the server's exit at the end of a test must not crash mocha.
    child.stdin.on('error', () => undefined);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspTestClient(child, connection, options);
    client.wire();
    connection.listen();
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`bulwark-server exited (${String(code)}) during initialize: ${client.stderr}`))));
    await Promise.race([client.initialize(), exited]);
    return client;
  }

  private wire(): void {
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      this.published.set(p.uri, [...(this.published.get(p.uri) ?? []), { version: p.version, diagnostics: p.diagnostics }]);
      this.wake();
    });
    c.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    c.onNotification((method: string, params: unknown[] | object | undefined) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    c.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
      p.items.map((item) => this.options.configuration?.(item.scopeUri) ?? null),
    );
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      c.onProgress(new ProgressType<{ kind: string }>(), p.token, (value) => {
        this.progress.push(value);
        this.wake();
      });
      return null;
    });
    c.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      this.wake();
      return null;
    });
  }

  private async initialize(): Promise<void> {
    const o = this.options;
    const folders = (o.workspaceFolders ?? []).map((f) => ({ uri: pathToFileURL(f).href, name: f }));
    const result = await this.connection.sendRequest<{ capabilities: ServerCapabilities }>('initialize', {
      // A server run as another user (launcher) cannot signal us: vscode-languageserver's parent check,
      // kill(pid, 0) every 3 s, gets EPERM, takes the client for gone and exits mid-test. It gets no id.
      processId: o.launcher ? null : process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length > 0 ? folders : null,
      initializationOptions: o.initializationOptions,
      capabilities: {
        workspace: {
          configuration: o.configuration !== undefined,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: true,
          workspaceEdit: { documentChanges: true, snippetEditSupport: o.snippetEdits === true, ...(o.resourceOperations ? { resourceOperations: [...o.resourceOperations] } : {}) },
          diagnostics: o.mode === 'pull' ? { refreshSupport: true } : undefined,
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true },
          ...(o.mode === 'pull' ? { diagnostic: { dynamicRegistration: false } } : {}),
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            isPreferredSupport: true,
            ...(o.resolveCodeActions ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}),
            ...(o.disabledCodeActions ? { disabledSupport: true } : {}),
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        window: { workDoneProgress: o.workDoneProgress === true },
      },
    });
    this.serverCapabilities = result.capabilities;
    await this.connection.sendNotification('initialized', {});
  }

  open(uri: string, languageId: string, text: string): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental changes; returns the new version. */
  change(uri: string, changes: ({ range: Range; text: string } | { text: string })[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** Pulls diagnostics (pull mode). */
  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.request<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items ?? [];
  }

  /** The diagnostics of the current version: pulled, or the first push for that version (push mode). */
  async diagnostics(uri: string, timeoutMs = 10_000): Promise<Diagnostic[]> {
    if (this.options.mode === 'pull') return this.pull(uri);
    const version = this.version(uri);
    let found: Diagnostic[] | undefined;
    await this.until(() => {
      found = (this.published.get(uri) ?? []).find((p) => p.version === version)?.diagnostics;
      return found !== undefined;
    }, timeoutMs, `diagnostics for ${uri} v${version}`);
    return found ?? [];
  }

  /** Waits for an event-driven condition; rejects with `what` after the deadline. */
  until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    return this.events.until(condition, timeoutMs, what);
  }

  private wake(): void {
    this.events.wake();
  }

  async stop(): Promise<void> {
    try {
      if (this.alive) {
        await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 2000))]);
        await this.connection.sendNotification('exit', null);
      }
    } catch {
      // The process may already be gone; it is killed below either way.
    }
    // Let it exit on its own (a --cpu-prof profile is written then); kill it if it does not.
    await this.exited(3000);
    this.connection.dispose();
    if (this.alive) this.process.kill();
  }

  private exited(timeoutMs: number): Promise<void> {
    if (!this.alive) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }
}

/** Applies LSP text edits to a text (non-overlapping, any order), as an editor would. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const offsetAt = (p: Position): number => {
    let line = 0;
    let offset = 0;
    while (line < p.line) {
      const lf = text.indexOf('\n', offset);
      if (lf < 0) return text.length;
      offset = lf + 1;
      line++;
    }
    const lineEnd = text.indexOf('\n', offset);
    return Math.min(offset + p.character, lineEnd < 0 ? text.length : lineEnd);
  };
  const resolved = edits.map((e) => ({ start: offsetAt(e.range.start), end: offsetAt(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of resolved) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
