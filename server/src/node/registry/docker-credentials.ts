import type * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RegistryError, printable } from './errors';
import type { RegistryCredentials } from './types';

// Credentials the way `docker login` left them (docker/cli docs, "login"): `$DOCKER_CONFIG/config.json`
// or `~/.docker/config.json`; `credHelpers[host]` wins for its host, then `credsStore`, then
// `auths[host]` (`auth` = base64 "user:password", or username/password, or an identity token).
// Helpers are `docker-credential-<name> get` with the server on stdin and JSON on stdout.

export interface DockerCredentialsOptions {
  /** The folder holding config.json; default `$DOCKER_CONFIG`, else `~/.docker`. */
  readonly configDir?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly helperTimeoutMs: number;
}

export interface FoundCredentials {
  readonly credentials: RegistryCredentials;
  /** Where they came from, for messages (never the secret itself). */
  readonly source: string;
}

interface DockerConfig {
  auths?: Record<string, { auth?: unknown; username?: unknown; password?: unknown; identitytoken?: unknown }>;
  credHelpers?: Record<string, unknown>;
  credsStore?: unknown;
}

const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const MAX_CONFIG_BYTES = 1024 * 1024;
const NOT_FOUND = /credentials not found/i;

export async function findDockerCredentials(registry: string, options: DockerCredentialsOptions): Promise<FoundCredentials | undefined> {
  const dir = options.configDir ?? options.env.DOCKER_CONFIG ?? path.join(options.env.HOME ?? os.homedir(), '.docker');
  const file = path.join(dir, 'config.json');
  const config = readConfig(file);
  if (!config) return undefined;
  const host = hostKey(registry);
  const helper = stringEntry(config.credHelpers, (key) => hostKey(key) === host);
  if (helper !== undefined) return runHelper(helper, registry, options);
  if (typeof config.credsStore === 'string' && config.credsStore !== '') {
    const fromStore = await runHelper(config.credsStore, registry, options);
    if (fromStore) return fromStore;
  }
  const entry = Object.entries(config.auths ?? {}).find(([key]) => hostKey(key) === host)?.[1];
  return entry ? fromAuthEntry(entry, `${file} (auths)`) : undefined;
}

/** `https://index.docker.io/v1/`, `docker.io`, `http://host:5000/v2/` → one comparable host key. */
export function hostKey(server: string): string {
  const host = withoutPath(server.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')).toLowerCase();
  return DOCKER_HUB_ALIASES.has(host) ? 'docker.io' : host;
}

function readConfig(file: string): DockerConfig | undefined {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_CONFIG_BYTES) throw new RegistryError('unauthorized', `Docker config ${file} is larger than 1 MiB: not read`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof RegistryError) throw error;
    return undefined; // no config: anonymous
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed;
  } catch (error) {
    throw new RegistryError('unauthorized', `cannot read credentials from ${file}: it is not valid JSON (${printable((error as Error).message, 80)}); fix or remove it`);
  }
}

function stringEntry(map: Record<string, unknown> | undefined, match: (key: string) => boolean): string | undefined {
  if (!map || typeof map !== 'object') return undefined;
  const found = Object.entries(map).find(([key, value]) => match(key) && typeof value === 'string' && value !== '');
  return found?.[1] as string | undefined;
}

function fromAuthEntry(entry: NonNullable<DockerConfig['auths']>[string], source: string): FoundCredentials | undefined {
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') return { credentials: { identityToken: entry.identitytoken }, source };
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) throw new RegistryError('unauthorized', `the "auth" entry in ${source} is not base64 of "user:password": run docker login again`);
    return { credentials: { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }, source };
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string' && entry.username !== '') {
    return { credentials: { username: entry.username, password: entry.password }, source };
  }
  return undefined;
}

async function runHelper(name: string, registry: string, options: DockerCredentialsOptions): Promise<FoundCredentials | undefined> {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) {
    throw new RegistryError('unauthorized', `Docker config names the credential helper "${printable(name, 60)}", which is not a valid helper name`);
  }
  const program = `docker-credential-${name}`;
  const server = hostKey(registry) === 'docker.io' ? DOCKER_HUB_KEY : registry;
  const { code, stdout, stderr, error } = await runProcess(program, ['get'], server, options);
  const source = `credential helper ${program}`;
  if (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is not on PATH' : (error as Error).message;
    throw new RegistryError('unauthorized', `Docker config names ${source}, but it cannot run: ${printable(why, 120)}`);
  }
  if (code !== 0) {
    if (NOT_FOUND.test(stdout) || NOT_FOUND.test(stderr)) return undefined;
    throw new RegistryError('unauthorized', `${source} failed for ${registry} (exit ${code}): ${printable(stderr || stdout, 160)}`);
  }
  let parsed: { Username?: unknown; Secret?: unknown };
  try {
    parsed = JSON.parse(stdout) as typeof parsed;
  } catch {
    throw new RegistryError('unauthorized', `${source} answered something that is not JSON for ${registry}`);
  }
  if (typeof parsed.Secret !== 'string' || parsed.Secret === '') return undefined;
  const username = typeof parsed.Username === 'string' ? parsed.Username : '';
  // Docker's convention: the user name "<token>" means the secret is an identity (refresh) token.
  if (username === '<token>') return { credentials: { identityToken: parsed.Secret }, source };
  return { credentials: { username, password: parsed.Secret }, source };
}

interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: unknown;
}

function runProcess(program: string, args: string[], input: string, options: DockerCredentialsOptions): Promise<ProcessResult> {
  return new Promise((resolve) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by the first helper run, not at start (start-up time)
    const child = (require('node:child_process') as typeof childProcess).spawn(program, args, { env: options.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: ProcessResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ code: null, stdout: '', stderr: '', error: new Error(`it did not answer within ${options.helperTimeoutMs / 1000} s`) });
    }, options.helperTimeoutMs);
    const collect = (into: Buffer[]) => (chunk: Buffer): void => {
      size += chunk.length;
      if (size > 64 * 1024) child.kill('SIGKILL');
      else into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', (error) => finish({ code: null, stdout: '', stderr: '', error }));
    child.on('close', (code) => finish({ code, stdout: Buffer.concat(out).toString('utf8').trim(), stderr: Buffer.concat(err).toString('utf8').trim() }));
    child.stdin.on('error', () => undefined); // a helper that exits without reading stdin
    child.stdin.end(input);
  });
}

/** `host:5000/v2/` -> `host:5000`: from the first `/` of the last line (as `/\/.*$/` removed, in linear time). */
function withoutPath(address: string): string {
  const lastLine = Math.max(...['\n', '\r', '\u2028', '\u2029'].map((t) => address.lastIndexOf(t)));
  const slash = address.indexOf('/', lastLine + 1);
  return slash < 0 ? address : address.slice(0, slash);
}
