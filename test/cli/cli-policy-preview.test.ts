import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCliBuilt, removeDir, runCli } from './cli-harness';

// `bulwark policy preview`: a champion sees what a candidate bundle would change on a workspace before
// publishing it. The candidate is the example from `policy init`: it adds a pack rule, raises a severity,
// and carries an approved-image list (so an unapproved image replaces the plain digest-pin finding).

interface Change {
  path: string;
  line: number;
  column: number;
  ruleId: string;
  severity: string;
  from?: string;
}

describe('bulwark policy preview', function () {
  this.timeout(60_000);
  let root: string;

  before(() => {
    ensureCliBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-preview-'));
    fs.mkdirSync(path.join(root, 'ws'));
    fs.writeFileSync(path.join(root, 'ws', 'Dockerfile'), 'FROM node:latest\nRUN nc -z db 5432\n');
    assert.equal(runCli(['policy', 'init', 'candidate'], { cwd: root }).status, 0);
  });
  after(() => removeDir(root));

  it('lists new, gone and re-graded findings against the built-in rules', () => {
    const run = runCli(['policy', 'preview', 'candidate', 'ws', '--format', 'json'], { cwd: root, env: { BULWARK_POLICY: '' } });
    assert.equal(run.status, 0, run.stderr);
    const diff = JSON.parse(run.stdout) as { added: Change[]; removed: Change[]; changed: Change[] };
    const brief = (c: Change) => `${c.path}:${c.line}:${c.column} ${c.ruleId} ${c.from ? `${c.from}→` : ''}${c.severity}`;
    assert.deepEqual(diff.added.map(brief), ['ws/Dockerfile:1:6 docker-image-not-approved high', 'ws/Dockerfile:2:5 example-run-netcat medium']);
    // The built-in rules report the FROM once already (docker-image-latest-tag supersedes the digest rule).
    assert.deepEqual(diff.removed.map(brief), []);
    assert.deepEqual(diff.changed.map(brief), ['ws/Dockerfile:1:11 docker-image-latest-tag medium→high']);
  });

  it('against the same bundle, nothing changes; text output says so', () => {
    const run = runCli(['policy', 'preview', 'candidate', 'ws', '--against', 'candidate'], { cwd: root });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '0 new, 0 gone, 0 with another severity.\n');
  });

  it('a candidate that cannot be read is exit 2 with the reason', () => {
    const run = runCli(['policy', 'preview', 'missing-folder', 'ws'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot read the policy bundle/);
  });
});
