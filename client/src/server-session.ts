import { Disposable, EventEmitter, type Event } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export type SessionState = 'idle' | 'starting' | 'running' | 'failed';

/**
 * Owns the language client's lifecycle. The server is started lazily, the first time a relevant
 * document is open or a command needs it, so a window without files costs no process.
 */
export class ServerSession implements Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly stateEmitter = new EventEmitter<SessionState>();
  readonly onDidChangeState: Event<SessionState> = this.stateEmitter.event;

  /** `configure` runs once per client, before it starts: register notification handlers there. */
  constructor(
    private readonly create: () => LanguageClient,
    private readonly configure: (client: LanguageClient) => void,
  ) {}

  /** Starts the server if needed; concurrent callers share one start. */
  start(): Promise<LanguageClient> {
    if (this.starting) return this.starting;
    const client = this.client ?? this.createClient();
    this.stateEmitter.fire('starting');
    this.starting = client.start().then(
      () => {
        this.stateEmitter.fire('running');
        return client;
      },
      (err: unknown) => {
        // A client whose start failed stays failed; drop it so a later command or document starts afresh.
        this.starting = undefined;
        this.client = undefined;
        client.dispose().catch(() => undefined);
        this.stateEmitter.fire('failed');
        throw err;
      },
    );
    return this.starting;
  }

  async restart(): Promise<LanguageClient> {
    const client = this.client;
    if (!client || !client.isRunning()) return this.start();
    this.stateEmitter.fire('starting');
    await client.restart();
    this.stateEmitter.fire('running');
    return client;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.starting = undefined;
    if (client?.isRunning()) await client.stop();
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
  }

  private createClient(): LanguageClient {
    const client = this.create();
    this.configure(client);
    this.client = client;
    return client;
  }
}
