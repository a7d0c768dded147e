import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { skipUnlessRequired } from '../support/real-client';
import { ensureCliBuilt, runCli } from './cli-harness';

// Issue 8: a `.env` file with secrets that git tracks gets advice in the text report (ignore it, untrack
// it, rotate its secrets), asked of real git in a temp repository. Untracked files, a folder that is not a
// repository and a machine without git get none, and the scan never fails because of it.

const SECRET = 'Wq4Zk7Rt2Lx9vB3nPd8s';
const DOTENV = `APP_NAME=billing\nDB_PASSWORD=${SECRET}\n`;
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
const ADVICE = 'app/.env: advice app/.env is tracked by git: add it to .gitignore, stop tracking it (git rm --cached app/.env) and rotate its secrets, which stay in git history.';

describe('bulwark CLI: advice for tracked .env files', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    if (spawnSync('git', ['--version']).status !== 0) skipUnlessRequired(this, 'git is not installed');
    ensureCliBuilt();
  });
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-dotenv-')));
    fs.mkdirSync(path.join(dir, 'app'));
    for (const name of ['.env', '.env.local', '.env.example']) fs.writeFileSync(path.join(dir, 'app', name), DOTENV);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const scanText = (env?: Record<string, string>) => {
    const run = runCli(['scan', '.', '--fail-on', 'none', '--format', 'text'], { cwd: dir, env });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!(run.stdout + run.stderr).includes(SECRET), 'the secret is never printed');
    return run.stdout;
  };

  it('prints the advice once, under the tracked .env file only', () => {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', 'app/.env', 'app/.env.example'], { cwd: dir });
    execFileSync('git', ['commit', '-q', '-m', 'env'], { cwd: dir, env: GIT_ENV });
    const out = scanText();
    const adviceLines = out.split('\n').filter((l) => l.includes(': advice '));
    assert.deepEqual(adviceLines, [ADVICE], out);
    // Each .env file has its finding; only the tracked one (not the committed template .env.example) gets advice.
    assert.match(out, /^app\/\.env:2:13: /m);
    assert.match(out, /^app\/\.env\.local:2:13: /m);
  });

  it('prints none outside a repository or without git on the PATH', () => {
    assert.doesNotMatch(scanText(), /: advice /);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', 'app/.env'], { cwd: dir });
    assert.match(scanText(), /: advice /, 'a staged file is tracked');
    assert.doesNotMatch(scanText({ PATH: path.join(dir, 'no-such-bin') }), /: advice /);
  });
});
