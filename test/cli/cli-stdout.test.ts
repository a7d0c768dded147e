import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, ensureCliBuilt, FIXTURE_WORKSPACE, removeDir, runCli } from './cli-harness';

// The bin writes a report to a file or a pipe with write(2), not node's stdout stream (cli/stdout.ts),
// and sets V8's throughput flags only for a long scan (cli/throughput-flags.ts), after the code cache
// was checked: a run that changed the flags must not leave a cache that V8 would reject.

describe('bulwark CLI: standard output and the flags of a long scan', function () {
  this.timeout(120_000);
  before(() => ensureCliBuilt());

  it('writes the same report to a pipe and to a file, and stops quietly when the reader goes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-stdout-'));
    try {
      const args = ['scan', 'Dockerfile', '--format', 'json', '--fail-on', 'none'];
      const piped = runCli(args);
      assert.equal(piped.status, 0, piped.stderr);
      const file = path.join(dir, 'report.json');
      const fd = fs.openSync(file, 'w');
      const toFile = spawnSync(process.execPath, [CLI, ...args], { cwd: FIXTURE_WORKSPACE, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      fs.closeSync(fd);
      assert.equal(toFile.status, 0, toFile.stderr);
      assert.equal(fs.readFileSync(file, 'utf8'), piped.stdout);
      assert.ok(piped.stdout.length > 1000);
      // `| head -c 1`: the reader closes the pipe after one byte.
      const head = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" scan --format json --fail-on none | head -c 1`], { cwd: FIXTURE_WORKSPACE, encoding: 'utf8' });
      assert.equal(head.stdout, '{');
      assert.equal(head.stderr, '');
    } finally {
      removeDir(dir);
    }
  });

  it('a long scan that found no code cache writes none; a short scan writes one that the long scan then uses', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-flags-'));
    try {
      const tree = path.join(root, 'tree');
      fs.mkdirSync(tree);
      for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(tree, `f${i}.txt`), `line ${i}\n`);
      const cache = path.join(root, 'cache');
      const env = { BULWARK_CODE_CACHE_DIR: cache, BULWARK_CODE_CACHE_TRACE: '1' };
      const scan = (target: string) => runCli(['scan', target, '--format', 'json', '--fail-on', 'none'], { cwd: root, env });
      const caches = () => (fs.existsSync(cache) ? fs.readdirSync(cache).filter((f) => f.endsWith('.v8cache')) : []);
      const long = scan('tree');
      assert.equal(long.status, 0, long.stderr);
      assert.equal(long.stderr, 'bulwark: code cache missing\n');
      assert.equal((JSON.parse(long.stdout) as { summary: { files: number } }).summary.files, 40);
      assert.deepEqual(caches(), []);
      assert.equal(scan('tree/f0.txt').stderr, 'bulwark: code cache missing\n');
      assert.equal(caches().length, 1);
      assert.equal(scan('tree').stderr, 'bulwark: code cache hit\n');
      assert.equal(scan('tree/f1.txt').stderr, 'bulwark: code cache hit\n');
    } finally {
      removeDir(root);
    }
  });
});
