import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitTrackedFile, gitTrackedFileSync } from '../../../server/src/node/git-tracked';
import { skipUnlessRequired } from '../../support/real-client';

// gitTrackedFile asks real git in a temp repository. A repository is workspace data: its configuration
// must not make Bulwark run a command (core.fsmonitor is the one ls-files could run).

describe('gitTrackedFile (real git)', function () {
  this.timeout(20_000);
  let dir: string;
  before(function () {
    if (spawnSync('git', ['--version']).status !== 0) skipUnlessRequired(this, 'git is not installed');
  });
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-git-')));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    fs.mkdirSync(path.join(dir, 'a b', 'c'), { recursive: true });
    for (const f of ['a b/c/.env', 'a b/c/*.env', 'untracked.env']) fs.writeFileSync(path.join(dir, f), 'X=1\n');
    execFileSync('git', ['add', 'a b/c/.env'], { cwd: dir });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the repository root and the path in it for a tracked (staged) file, in both forms', async () => {
    const file = path.join(dir, 'a b', 'c', '.env');
    assert.deepEqual(await gitTrackedFile(file), { repoRoot: dir, pathInRepo: 'a b/c/.env' });
    assert.deepEqual(gitTrackedFileSync(file), { repoRoot: dir, pathInRepo: 'a b/c/.env' });
  });

  it('is undefined for an untracked file, a pathspec-looking name, a missing folder and a folder outside any repository', async () => {
    assert.equal(await gitTrackedFile(path.join(dir, 'untracked.env')), undefined);
    // `*.env` would match the tracked .env as a glob: names are literal.
    assert.equal(await gitTrackedFile(path.join(dir, 'a b', 'c', '*.env')), undefined);
    assert.equal(await gitTrackedFile(path.join(dir, 'gone', '.env')), undefined);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-nogit-'));
    try {
      assert.equal(gitTrackedFileSync(path.join(outside, '.env')), undefined);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('never runs a git found through a relative PATH entry (a workspace\'s own git)', async () => {
    const marker = path.join(dir, 'fake-git-ran');
    // In the .env file's own folder, where git is run: a bare `git` would be looked up there through `bin`.
    fs.mkdirSync(path.join(dir, 'a b', 'c', 'bin'));
    fs.writeFileSync(path.join(dir, 'a b', 'c', 'bin', 'git'), `#!/bin/sh\ntouch '${marker}'\nprintf 'a b/c/.env\\0'\n`, { mode: 0o755 });
    const saved = { path: process.env.PATH };
    try {
      process.env.PATH = ['bin', saved.path].join(path.delimiter);
      assert.ok(await gitTrackedFile(path.join(dir, 'a b', 'c', '.env')), 'the real git still answers');
      assert.ok(gitTrackedFileSync(path.join(dir, 'a b', 'c', '.env')));
      process.env.PATH = 'bin';
      assert.equal(await gitTrackedFile(path.join(dir, 'a b', 'c', '.env')), undefined, 'no absolute git on PATH: no answer');
    } finally {
      process.env.PATH = saved.path;
    }
    assert.ok(!fs.existsSync(marker), 'the git in a relative PATH folder ran');
  });

  it('never runs the repository\'s core.fsmonitor command', async () => {
    const marker = path.join(dir, 'fsmonitor-ran');
    const hook = path.join(dir, 'hook.sh');
    fs.writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    execFileSync('git', ['config', 'core.fsmonitor', hook], { cwd: dir });
    // The hook works: git status runs it when asked to.
    spawnSync('git', ['status'], { cwd: dir });
    assert.ok(fs.existsSync(marker), 'the fsmonitor hook did not run for git status: this test would prove nothing');
    fs.rmSync(marker);
    assert.ok(await gitTrackedFile(path.join(dir, 'a b', 'c', '.env')));
    assert.ok(gitTrackedFileSync(path.join(dir, 'a b', 'c', '.env')));
    assert.ok(!fs.existsSync(marker), 'gitTrackedFile ran core.fsmonitor');
  });
});
