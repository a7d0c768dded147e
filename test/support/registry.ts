import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { skipUnlessRequired } from './real-client';
import { makeSigningCert, makeTestCa } from './test-pki';
import { startTokenIssuer, type TokenIssuer } from './token-issuer';

// Debian's real `docker-registry` (CNCF distribution 2.8) on a free loopback port, in the modes the
// issue asks for: open, htpasswd Basic, token auth (with a small token issuer from token-issuer.ts that
// the registry trusts through its rootcertbundle), and TLS with a test CA. Stopped by PID.
// .ci/run installs docker-registry, apache2-utils (htpasswd) and openssl.

export interface StartRegistryOptions {
  readonly auth?: 'basic' | 'token';
  readonly tls?: boolean;
  /** Serve blob GETs as redirects to this base URL (distribution's `redirect` storage middleware). */
  readonly redirectBlobsTo?: string;
  /** Token lifetime in seconds for token auth. */
  readonly tokenExpiresIn?: number;
  /** Answer relative Location headers (`http.relativeurls`), as registries behind some proxies do. */
  readonly relativeUrls?: boolean;
}

export interface RunningRegistry {
  /** `127.0.0.1:<port>` */
  readonly host: string;
  /** `http(s)://127.0.0.1:<port>` */
  readonly url: string;
  readonly caFile?: string;
  readonly username?: string;
  readonly password?: string;
  /** Docker-style identity (refresh) token the token issuer accepts (token mode). */
  readonly identityToken?: string;
  readonly tokenIssuer?: TokenIssuer;
  /** The registry's filesystem storage root (`<root>/docker/registry/v2/...`). */
  readonly storageDir: string;
  readonly workDir: string;
  /** The registry's own log, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

const TOKEN_SERVICE = 'bulwark-test-registry';
const TOKEN_ISSUER = 'bulwark-test-issuer';

/** Why the real registry cannot run here, or undefined when it can. */
export function registryUnavailable(): string | undefined {
  for (const [tool, pkg] of [['docker-registry', 'docker-registry'], ['htpasswd', 'apache2-utils'], ['openssl', 'openssl']]) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed (apt-get install -y ${pkg})`;
    }
  }
  return undefined;
}

/** For a mocha `before`: skips with the reason (fails under BULWARK_REQUIRE_REAL_CLIENTS=1) when the registry cannot run. */
export function requireRegistry(ctx: Mocha.Context): void {
  const missing = registryUnavailable();
  if (missing) skipUnlessRequired(ctx, missing);
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, host, () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export async function startRegistry(options: StartRegistryOptions = {}): Promise<RunningRegistry> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-registry-'));
  const storageDir = path.join(workDir, 'data');
  const logFile = path.join(workDir, 'registry.log');
  let tokenIssuer: TokenIssuer | undefined;
  let child: ChildProcess | undefined;
  try {
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    const config: Record<string, unknown> = {
      version: 0.1,
      log: { level: 'info', accesslog: { disabled: false } },
      storage: { filesystem: { rootdirectory: storageDir }, delete: { enabled: true }, maintenance: { uploadpurging: { enabled: false } } },
      http: { addr: host, secret: randomBytes(16).toString('hex'), relativeurls: options.relativeUrls === true },
    };
    const http_ = config.http as Record<string, unknown>;
    let caFile: string | undefined;
    if (options.tls) {
      const ca = makeTestCa(path.join(workDir, 'tls'));
      http_.tls = { certificate: ca.certFile, key: ca.keyFile };
      caFile = ca.caFile;
    }
    const username = options.auth ? 'bulwark-ci' : undefined;
    const password = options.auth ? `pw-${randomBytes(9).toString('base64url')}` : undefined;
    const identityToken = options.auth === 'token' ? `idt-${randomBytes(12).toString('hex')}` : undefined;
    if (options.auth === 'basic') {
      const htpasswd = path.join(workDir, 'htpasswd');
      fs.writeFileSync(htpasswd, execFileSync('htpasswd', ['-Bbn', username!, password!], { encoding: 'utf8' }));
      config.auth = { htpasswd: { realm: 'bulwark-test', path: htpasswd } };
    } else if (options.auth === 'token') {
      const signing = makeSigningCert(path.join(workDir, 'token'), TOKEN_ISSUER);
      tokenIssuer = await startTokenIssuer({
        issuer: TOKEN_ISSUER,
        service: TOKEN_SERVICE,
        signing,
        username: username!,
        password: password!,
        identityToken,
        expiresIn: options.tokenExpiresIn,
      });
      config.auth = { token: { realm: tokenIssuer.realm, service: TOKEN_SERVICE, issuer: TOKEN_ISSUER, rootcertbundle: signing.certFile } };
    }
    if (options.redirectBlobsTo) config.middleware = { storage: [{ name: 'redirect', options: { baseurl: options.redirectBlobsTo } }] };
    const configFile = path.join(workDir, 'config.yml');
    fs.writeFileSync(configFile, JSON.stringify(config, null, 2)); // JSON is YAML
    const log = fs.openSync(logFile, 'a');
    child = spawn('docker-registry', ['serve', configFile], { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const scheme = options.tls ? 'https' : 'http';
    await waitUntilUp(`${scheme}://${host}/v2/`, caFile, child, logFile);
    const proc = child;
    const issuer = tokenIssuer;
    return {
      host,
      url: `${scheme}://${host}`,
      caFile,
      username,
      password,
      identityToken,
      tokenIssuer,
      storageDir,
      workDir,
      log: () => readLog(logFile),
      stop: async () => {
        await stopProcess(proc);
        await issuer?.stop();
        fs.rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child) await stopProcess(child);
    await tokenIssuer?.stop();
    const log = readLog(logFile);
    fs.rmSync(workDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}${log ? `\nregistry log:\n${log.slice(-2000)}` : ''}`, { cause: error });
  }
}

function readLog(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function waitUntilUp(url: string, caFile: string | undefined, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode} before answering`);
    const status = await probe(url, caFile);
    if (status === 200 || status === 401) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer ${url} within 15 s (log: ${logFile})`);
}

function probe(url: string, caFile: string | undefined): Promise<number | undefined> {
  return new Promise((resolve) => {
    const options = caFile ? { ca: fs.readFileSync(caFile), agent: false } : { agent: false };
    const req = (url.startsWith('https:') ? https : http).get(url, options, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.setTimeout(1000, () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
