import * as fs from 'node:fs';
import { Module, createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as zlib from 'node:zlib';
import { platformCacheRoot } from './cache-root';

// The `bulwark` and `bulwark-server` bins run their esbuild bundle through a V8 code cache: compiling the
// 2 MB bundle, and then each function it calls, is about a third of a one-file scan's start-up. The cache
// holds what V8 compiled in an earlier run of the same bundle (vm.Script#createCachedData) and is kept in
// the user's cache folder, written by the first run that found none.
//
// V8 checks little of a code cache: its own version, its flags, and the LENGTH of the source. A bundle
// edited to the same length would run the bytecode of the old one, and a damaged cache is not detected
// (test/unit/node/code-cache.test.ts shows both). So a cache is used only when its header names this
// exact bundle (a checksum of its bytes), this node (version, arch, V8, flags), and the checksum of the
// cache's own payload; any other file is ignored and written again. The cache is trusted as the user's
// own files are (it is code): it is read only when it is a regular file owned by the user and writable
// by no one else. So the checksums guard against accidents (a rebuilt or patched bundle, a damaged
// file), not an attacker, and CRC-32 serves: sha256 cost a one-file scan ~10 ms of CPU (node:crypto
// loaded, 2.5 MB hashed). Nothing here changes what the bundle does: with or without a cache, the same code runs.

const MAGIC = 'bulwark-v8-cache';
const FORMAT = 2;
/**
 * Caches kept per bin: runs under a few node versions or flag sets (the editor's server flags, NODE_OPTIONS
 * in a test run) each keep theirs instead of replacing each other's; older builds' caches are removed.
 */
const KEPT_PER_BIN = 4;
/** A cache larger than this is not a cache this code wrote. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

export interface BundleRun {
  /** Cache file name prefix, one per bin: `cli`, `server`. */
  readonly name: string;
  /** The module running the bundle (the bin's `module`): the parent node would record. */
  readonly parent: NodeModule;
  /** For a long-lived process: also write a missing cache this long after start, not only at exit. */
  readonly writeAfterMs?: number;
  /**
   * Whether this run may write a missing cache. The cache holds what the writing run compiled, so a run
   * that compiles little (`bulwark --version`) would leave every later run a cache without the rest.
   */
  readonly mayWrite?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/** What happened to the cache in one run, for BULWARK_CODE_CACHE_TRACE and the tests. */
export type CodeCacheOutcome = 'off' | 'hit' | 'missing' | 'invalid' | 'rejected';

/**
 * The cache folder: BULWARK_CODE_CACHE_DIR, else `v8-cache` in the platform's per-user cache folder;
 * none when BULWARK_CODE_CACHE=off.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.BULWARK_CODE_CACHE === 'off') return undefined;
  if (env.BULWARK_CODE_CACHE_DIR) return path.resolve(env.BULWARK_CODE_CACHE_DIR);
  return path.join(platformCacheRoot(env), 'v8-cache');
}

/**
 * CRC-32 (zlib's, node 20.15+) and the length, in hex; sha256 on an older node (VS Code 1.91's Electron
 * runs the server on node 20.9), whose key differs anyway (process.version is part of it).
 */
function checksum(data: Uint8Array | string): string {
  const length = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (typeof zlib.crc32 === 'function') return `${zlib.crc32(data).toString(16).padStart(8, '0')}${length.toString(16).padStart(8, '0')}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Node options that only say where a profile or report is written. Kept in the key, each run of a
 * profiling bench (a new temporary --cpu-prof-dir every time) missed the cache, compiled everything,
 * wrote a cache no later run would read (its profile showing createCachedData) and pushed the user's
 * own caches out. Their flag stays in the key; V8 still checks its own flags when it reads a cache.
 */
const OUTPUT_PLACE_OPTIONS: ReadonlySet<string> = new Set(['--cpu-prof-dir', '--cpu-prof-name', '--heap-prof-dir', '--heap-prof-name', '--diagnostic-dir']);

function keyedExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const [name] = execArgv[i].split('=', 1);
    kept.push(OUTPUT_PLACE_OPTIONS.has(name) ? name : execArgv[i]);
    // `--cpu-prof-dir DIR`, the value as the next argument.
    if (OUTPUT_PLACE_OPTIONS.has(execArgv[i])) i++;
  }
  return kept;
}

/** Everything a cache must have been made with: the bundle's bytes and the V8 that will read it. */
export function codeCacheKey(source: Uint8Array, env: NodeJS.ProcessEnv, execArgv: readonly string[] = process.execArgv): string {
  const runtime = [FORMAT, process.version, process.arch, process.versions.v8, keyedExecArgv(execArgv), env.NODE_OPTIONS ?? ''];
  return `${checksum(JSON.stringify(runtime))}${checksum(source)}`;
}

export function codeCacheFile(dir: string, name: string, key: string): string {
  return path.join(dir, `${name}-${key.slice(0, 32)}.v8cache`);
}

/** The payload of a cache file made for `key`, or why there is none. */
export function readCodeCache(file: string, key: string): Buffer | 'missing' | 'invalid' {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'invalid';
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES || !ownedByUser(stat)) return 'invalid';
    const bytes = Buffer.alloc(stat.size);
    if (fs.readSync(fd, bytes, 0, stat.size, 0) !== stat.size) return 'invalid';
    const newline = bytes.indexOf(10);
    if (newline < 0 || newline > 512) return 'invalid';
    const [magic, format, fileKey, payloadHash, length] = bytes.toString('latin1', 0, newline).split(' ');
    const payload = bytes.subarray(newline + 1);
    if (magic !== MAGIC || format !== String(FORMAT) || fileKey !== key || length !== String(payload.length)) return 'invalid';
    return checksum(payload) === payloadHash ? payload : 'invalid';
  } catch {
    return 'invalid';
  } finally {
    fs.closeSync(fd);
  }
}

/** The user's own file, writable by no one else (where there are owners and modes). */
function ownedByUser(stat: fs.Stats): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

/**
 * Writes a cache through a new temporary file renamed into place (a reader sees the old file or the new
 * one), and removes this bin's least recently written caches. A cache is only a speed-up: any failure is ignored.
 */
export function writeCodeCache(dir: string, name: string, key: string, payload: Buffer): void {
  const file = codeCacheFile(dir, name, key);
  // Another run writing the same cache at once has another pid; O_EXCL refuses any name already taken.
  const temp = `${file}.${process.pid}-${Date.now().toString(36)}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const header = Buffer.from(`${MAGIC} ${FORMAT} ${key} ${checksum(payload)} ${payload.length}\n`, 'latin1');
    const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      fs.writeSync(fd, header);
      fs.writeSync(fd, payload);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
    const caches = fs.readdirSync(dir).filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.v8cache'));
    const newestFirst = caches.map((entry) => ({ file: path.join(dir, entry), mtime: fs.statSync(path.join(dir, entry)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
    for (const old of newestFirst.slice(KEPT_PER_BIN)) if (old.file !== file) fs.rmSync(old.file, { force: true });
  } catch {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Runs a CommonJS bundle as node's loader would (same wrapper arguments, same file name in stack traces),
 * compiled with the code cache when a valid one exists, and writes one when none was used.
 */
export function runBundle(bundle: string, run: BundleRun): void {
  const env = run.env ?? process.env;
  const source = fs.readFileSync(bundle);
  const dir = codeCacheDir(env);
  const key = dir === undefined ? '' : codeCacheKey(source, env);
  const cached = dir === undefined ? 'off' : readCodeCache(codeCacheFile(dir, run.name, key), key);
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source.toString('utf8')}\n})`;
  const script = new vm.Script(wrapped, { filename: bundle, ...(Buffer.isBuffer(cached) ? { cachedData: cached } : {}) });
  const outcome: CodeCacheOutcome = !Buffer.isBuffer(cached) ? cached : script.cachedDataRejected === true ? 'rejected' : 'hit';
  if (env.BULWARK_CODE_CACHE_TRACE === '1') process.stderr.write(`bulwark: code cache ${outcome}\n`);
  if (dir !== undefined && outcome !== 'hit' && run.mayWrite !== false) {
    // V8 rejects a cache made under other flags than its reader's: a run whose flags changed after this
    // compile (a long scan sets its throughput flags, cli/throughput-flags.ts) writes none.
    const flags = versionTag();
    scheduleWrite(() => {
      if (versionTag() === flags) writeCodeCache(dir, run.name, key, script.createCachedData());
    }, run.writeAfterMs);
  }
  const module = new Module(bundle, run.parent);
  module.filename = bundle;
  const main = script.runInThisContext() as (...args: unknown[]) => void;
  main.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
}

/** V8's version, flags and CPU features, as its code caches record them (node:v8 is loaded only by a run that writes one). */
function versionTag(): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:v8') as typeof import('node:v8')).cachedDataVersionTag();
}

/** At exit (by then the functions a run needed are compiled, and go into the cache), or earlier when asked. */
function scheduleWrite(write: () => void, afterMs: number | undefined): void {
  let written = false;
  const once = () => {
    if (written) return;
    written = true;
    write();
  };
  process.once('exit', once);
  if (afterMs !== undefined) setTimeout(once, afterMs).unref();
}
