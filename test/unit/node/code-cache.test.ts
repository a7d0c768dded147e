import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { codeCacheFile, codeCacheKey, readCodeCache, writeCodeCache } from '../../../server/src/node/code-cache';
import { ensureBundle } from '../../support/bundles';

// The bins run their bundle through a V8 code cache (server/src/node/code-cache.ts). A cache may only
// make start-up faster: the same code runs, a cache of another bundle or a damaged one is ignored, and
// nothing crashes.

const REPO = path.join(__dirname, '../../..');
const EXAMPLES = path.join(REPO, 'examples');

describe('V8 code cache', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-code-cache-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is needed because V8 alone runs a stale cache for an edited source of the same length', () => {
    const run = (source: string, cachedData?: Buffer) => {
      const script = new vm.Script(source, { filename: 'same-length.js', ...(cachedData ? { cachedData } : {}) });
      return { value: script.runInThisContext() as string, rejected: script.cachedDataRejected, script };
    };
    const first = run('(function () { return "old"; })()');
    const data = first.script.createCachedData();
    // V8 accepts the cache and runs the old code: what readCodeCache's key (a checksum of the bytes) prevents.
    assert.deepEqual({ ...run('(function () { return "new"; })()', data), script: undefined }, { value: 'old', rejected: false, script: undefined });
    const damaged = Buffer.from(data);
    damaged[damaged.length - 8] ^= 0xff;
    assert.equal(run('(function () { return "old"; })()', damaged).rejected, false, 'V8 does not notice a damaged payload either');
  });

  it('reads back what it wrote, for that key only, and refuses a damaged, truncated, foreign or shared file', () => {
    const source = Buffer.from('"use strict"; module.exports = 1;');
    const key = codeCacheKey(source, {});
    const payload = Buffer.from('not really bytecode, but bytes the reader must return as written');
    writeCodeCache(dir, 'cli', key, payload);
    const file = codeCacheFile(dir, 'cli', key);
    assert.deepEqual(readCodeCache(file, key), payload);
    assert.equal(readCodeCache(file, codeCacheKey(Buffer.from('"use strict"; module.exports = 2;'), {})), 'invalid');
    assert.notEqual(codeCacheKey(source, { NODE_OPTIONS: '--max-semi-space-size=2' }), key, 'V8 flags are part of the key');
    // Where a profile goes is not: a profiling run reads the cache the last one wrote.
    const profiled = codeCacheKey(source, {}, ['--cpu-prof', '--cpu-prof-dir=/tmp/a']);
    assert.equal(codeCacheKey(source, {}, ['--cpu-prof', '--cpu-prof-dir', '/tmp/b']), profiled);
    assert.equal(codeCacheKey(source, {}, ['--cpu-prof', '--cpu-prof-dir=/tmp/c']), profiled);
    assert.notEqual(profiled, codeCacheKey(source, {}, []), 'profiling itself is part of the key');
    assert.notEqual(codeCacheKey(source, {}, ['--cpu-prof', '--cpu-prof-interval=50', '--cpu-prof-dir=/tmp/a']), profiled);
    assert.equal(readCodeCache(path.join(dir, 'absent.v8cache'), key), 'missing');
    const bytes = fs.readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 3] ^= 0x20;
    fs.writeFileSync(file, flipped);
    assert.equal(readCodeCache(file, key), 'invalid');
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 1));
    assert.equal(readCodeCache(file, key), 'invalid');
    fs.writeFileSync(file, 'garbage without a header');
    assert.equal(readCodeCache(file, key), 'invalid');
    fs.writeFileSync(file, bytes);
    fs.chmodSync(file, 0o666);
    if (typeof process.getuid === 'function') assert.equal(readCodeCache(file, key), 'invalid', 'a cache others may write is not trusted');
    fs.rmSync(file);
    fs.symlinkSync(path.join(dir, 'elsewhere'), file);
    fs.writeFileSync(path.join(dir, 'elsewhere'), bytes, { mode: 0o600 });
    assert.equal(readCodeCache(file, key), 'invalid', 'never through a link');
  });

  it('keeps the four newest caches of each bin: writing a fifth removes the oldest of that bin only', () => {
    const key = (source: string) => codeCacheKey(Buffer.from(source), {});
    writeCodeCache(dir, 'server', key('a'), Buffer.from('1'));
    const written = ['a', 'b', 'c', 'd', 'e'].map((source, i) => {
      writeCodeCache(dir, 'cli', key(source), Buffer.from(source));
      const file = codeCacheFile(dir, 'cli', key(source));
      // mtimes one second apart, oldest first, whatever the file system's timestamp resolution.
      const at = new Date(Date.now() - (10 - i) * 1000);
      fs.utimesSync(file, at, at);
      return path.basename(file);
    });
    writeCodeCache(dir, 'cli', key('f'), Buffer.from('f'));
    const kept = fs.readdirSync(dir).sort();
    const expected = [...written.slice(2), path.basename(codeCacheFile(dir, 'cli', key('f'))), path.basename(codeCacheFile(dir, 'server', key('a')))].sort();
    assert.deepEqual(kept, expected);
  });

  describe('through the built CLI', function () {
    this.timeout(120_000);
    let cli: string;
    before(() => (cli = ensureBundle('cli.js')));

    const scan = (env: NodeJS.ProcessEnv, args: readonly string[] = ['scan', EXAMPLES, '--format', 'json', '--fail-on', 'none']) => {
      const run = spawnSync(process.execPath, [cli, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, BULWARK_CODE_CACHE_TRACE: '1', ...env } });
      const trace = /^bulwark: code cache (\w+)$/m.exec(run.stderr)?.[1];
      return { status: run.status, trace, stdout: run.stdout, stderr: run.stderr.replace(/^bulwark: code cache \w+\n/m, '') };
    };

    it('gives the same report cold, warm and without a cache, and a damaged cache is ignored and rewritten', () => {
      const env = { BULWARK_CODE_CACHE_DIR: dir };
      const plain = scan({ BULWARK_CODE_CACHE: 'off' });
      assert.equal(plain.trace, 'off');
      assert.ok((JSON.parse(plain.stdout) as { findings: unknown[] }).findings.length > 10, 'the examples have findings');
      const cold = scan(env);
      assert.equal(cold.trace, 'missing');
      const [file] = fs.readdirSync(dir);
      assert.match(file, /^cli-[0-9a-f]{32}\.v8cache$/);
      const warm = scan(env);
      assert.equal(warm.trace, 'hit');
      for (const run of [cold, warm]) assert.deepEqual({ ...run, trace: undefined }, { ...plain, trace: undefined });

      const bytes = fs.readFileSync(path.join(dir, file));
      for (let i = bytes.length - 4096; i < bytes.length; i += 97) bytes[i] ^= 0x5a;
      fs.writeFileSync(path.join(dir, file), bytes);
      const damaged = scan(env);
      assert.equal(damaged.trace, 'invalid');
      assert.deepEqual({ ...damaged, trace: undefined }, { ...plain, trace: undefined });
      assert.equal(scan(env).trace, 'hit', 'the ignored cache was written again');
    });

    it('runs the bundle as it is on disk when the cache was made for another of the same length', () => {
      // A copy of the bins whose bundle says another version, in as many bytes.
      const dist = path.dirname(cli);
      const copy = path.join(dir, 'dist');
      fs.mkdirSync(copy);
      for (const f of ['cli.js', 'cli-bundle.js']) fs.copyFileSync(path.join(dist, f), path.join(copy, f));
      const version = scan({ BULWARK_CODE_CACHE: 'off' }, ['--version']).stdout.trim();
      const other = version.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
      const bundle = fs.readFileSync(path.join(copy, 'cli-bundle.js'), 'latin1');
      assert.ok(bundle.includes(`"${version}"`));
      fs.writeFileSync(path.join(copy, 'cli-bundle.js'), bundle.replace(`"${version}"`, `"${other}"`), 'latin1');
      const caches = path.join(dir, 'caches');
      cli = path.join(dist, 'cli.js');
      assert.equal(scan({ BULWARK_CODE_CACHE_DIR: caches }, ['--version']).trace, 'missing');
      assert.equal(fs.existsSync(caches), false, 'only a scan writes the cache');
      assert.equal(scan({ BULWARK_CODE_CACHE_DIR: caches }, ['scan', path.join(EXAMPLES, 'Dockerfile')]).trace, 'missing');
      // Planted under the edited bundle's name: V8 would accept it (same length), the header does not match.
      const [made] = fs.readdirSync(caches);
      const env = { BULWARK_CODE_CACHE_DIR: caches };
      const editedKey = codeCacheKey(fs.readFileSync(path.join(copy, 'cli-bundle.js')), { ...process.env, ...env }, []);
      fs.renameSync(path.join(caches, made), codeCacheFile(caches, 'cli', editedKey));
      cli = path.join(copy, 'cli.js');
      try {
        const edited = scan(env, ['--version']);
        assert.deepEqual({ trace: edited.trace, stdout: edited.stdout.trim(), status: edited.status }, { trace: 'invalid', stdout: other, status: 0 });
        assert.equal(scan(env, ['scan', '--help']).trace, 'invalid');
        assert.equal(scan(env, ['--version']).trace, 'hit', 'and its own cache is written');
      } finally {
        cli = path.join(dist, 'cli.js');
      }
    });
  });
});
