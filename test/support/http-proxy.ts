import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './registry';

// Debian's real tinyproxy on a free loopback port (a corporate HTTP proxy in miniature): CONNECT only
// to the ports given, optional Basic proxy credentials, its own log to check what went through it.
// test/registry/setup.sh installs it.

export interface RunningProxy {
  /** `http://127.0.0.1:<port>` (with credentials when configured). */
  readonly url: string;
  readonly host: string;
  log(): string;
  stop(): Promise<void>;
}

export function proxyUnavailable(): string | undefined {
  try {
    execFileSync('sh', ['-c', 'command -v tinyproxy'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'tinyproxy is not installed (apt-get install -y tinyproxy)';
  }
}

export async function startProxy(options: { connectPorts: number[]; credentials?: { username: string; password: string } }): Promise<RunningProxy> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-proxy-'));
  const port = await freePort();
  const logFile = path.join(dir, 'tinyproxy.log');
  const config = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 30',
    `LogFile "${logFile}"`,
    'LogLevel Info',
    'MaxClients 20',
    'Allow 127.0.0.1',
    ...options.connectPorts.map((p) => `ConnectPort ${p}`),
    ...(options.credentials ? [`BasicAuth ${options.credentials.username} ${options.credentials.password}`] : []),
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'tinyproxy.conf'), `${config}\n`);
  const child: ChildProcess = spawn('tinyproxy', ['-d', '-c', path.join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(child.pid, 'SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      await stop();
      throw new Error(`tinyproxy did not start on 127.0.0.1:${port}\n${log.slice(-1500)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const auth = options.credentials ? `${encodeURIComponent(options.credentials.username)}:${encodeURIComponent(options.credentials.password)}@` : '';
  return {
    url: `http://${auth}127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
    stop,
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
