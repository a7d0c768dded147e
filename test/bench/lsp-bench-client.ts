import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import { EventWait } from '../support/event-wait';

// One LSP client for every server the bench measures (Bulwark and its peers), so they are timed the
// same way: pull as VS Code does (textDocument/diagnostic after each change, with the previous
// result id), or push as Neovim 0.7 sees it (the next publishDiagnostics for the document).

export interface ServerCommand {
  readonly argv: readonly string[];
  /** Set in the server's environment, beside this process's own. */
  readonly env?: Readonly<Record<string, string>>;
  /** The answer to one `workspace/configuration` item (VS Code answers every section it is asked). */
  configuration(section: string | undefined): unknown;
}

export type DiagnosticMode = 'pull' | 'push';

interface Publish {
  readonly version?: number;
  readonly at: bigint;
}

export class LspBenchClient {
  private readonly published = new Map<string, Publish[]>();
  private readonly versions = new Map<string, number>();
  private readonly resultIds = new Map<string, string>();
  private readonly events = new EventWait(500);
  private publishes = 0;
  /** hrtime when the process was spawned and when `initialize` was answered. */
  readonly spawnedAt: bigint;
  initializedAt = 0n;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    private readonly connection: MessageConnection,
    readonly mode: DiagnosticMode,
    spawnedAt: bigint,
  ) {
    this.spawnedAt = spawnedAt;
  }

  static async start(server: ServerCommand, mode: DiagnosticMode, rootUri: string): Promise<LspBenchClient> {
    const spawnedAt = process.hrtime.bigint();
    const child = spawn(server.argv[0], server.argv.slice(1), { stdio: 'pipe', env: { ...process.env, ...server.env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.stdin.on('error', () => undefined);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspBenchClient(child, connection, mode, spawnedAt);
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
      client.published.set(p.uri, [...(client.published.get(p.uri) ?? []).slice(-4), { version: p.version, at: process.hrtime.bigint() }]);
      client.publishes++;
      client.wake();
    });
    connection.onNotification(() => undefined);
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((item) => server.configuration(item.section)));
    connection.onRequest(() => null);
    connection.listen();
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${server.argv.join(' ')} exited (${String(code)}): ${stderr}`))));
    exited.catch(() => undefined);
    await Promise.race([client.initialize(rootUri), exited]);
    return client;
  }

  private async initialize(rootUri: string): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, ...(this.mode === 'pull' ? { diagnostics: { refreshSupport: true } } : {}) },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
          ...(this.mode === 'pull' ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
      },
    });
    this.initializedAt = process.hrtime.bigint();
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Opens a document and waits for its first diagnostics; returns when they arrived (hrtime). */
  async open(uri: string, languageId: string, text: string, timeoutMs: number): Promise<bigint> {
    this.versions.set(uri, 1);
    const since = process.hrtime.bigint();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await this.diagnostics(uri, since, timeoutMs);
    return process.hrtime.bigint();
  }

  /** Sends one incremental change and times it until the diagnostics for that version; in ms. */
  async timeChange(uri: string, change: { range: unknown; text: string }, timeoutMs: number): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const start = process.hrtime.bigint();
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await this.diagnostics(uri, start, timeoutMs);
    return Number(process.hrtime.bigint() - start) / 1e6;
  }

  private async diagnostics(uri: string, since: bigint, timeoutMs: number): Promise<void> {
    if (this.mode === 'pull') {
      const previousResultId = this.resultIds.get(uri);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out pulling diagnostics for ${uri}`)), timeoutMs)));
      const request = this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
      const report = (await Promise.race([request, timeout]).finally(() => clearTimeout(timer))) as { resultId?: string } | null;
      if (report?.resultId) this.resultIds.set(uri, report.resultId);
      return;
    }
    // The first publish for this document after the change: servers without version support send one
    // per change (those that debounce, after their delay), and the bench waits for each before the next.
    const version = this.versions.get(uri);
    await this.until(() => (this.published.get(uri) ?? []).some((p) => p.at >= since && (p.version === undefined || p.version === version)), timeoutMs, `diagnostics for ${uri} v${String(version)}`);
  }

  /** Waits until no diagnostics were published for `quietMs` (a server's late pushes must not be taken for the next edit's). */
  async settle(quietMs: number): Promise<void> {
    for (;;) {
      const before = this.publishes;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (this.publishes === before) return;
    }
  }

  private until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    return this.events.until(condition, timeoutMs, what);
  }

  private wake(): void {
    this.events.wake();
  }

  async stop(): Promise<void> {
    const alive = () => this.child.exitCode === null && this.child.signalCode === null;
    try {
      if (alive()) {
        await Promise.race([this.connection.sendRequest('shutdown', null), new Promise((resolve) => setTimeout(resolve, 2000))]);
        await this.connection.sendNotification('exit', null);
      }
    } catch {
      // Already gone; killed below if not.
    }
    if (alive()) await new Promise((resolve) => {
      const timer = setTimeout(resolve, 3000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
    this.connection.dispose();
    if (alive()) this.child.kill();
  }
}
