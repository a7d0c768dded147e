import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureCliBuilt, FIXTURE_LITERAL, FIXTURE_WORKSPACE, packArgs, removeDir, runCli } from './cli-harness';
import { renderAll, scanInProcess, tempDir } from './in-process';
import { crashingRule, leakySecretRule, ruleSetOf, SECRET_PATTERN } from './synthetic-rules';

// A secret must never reach a report. The synthetic detector is careless on purpose (its message, fix
// title and fix text carry the value, and a second rule throws with it), so every layer is exercised.

const LEAKY_VALUE = 'SUPERSECRET-q7Wz3kPz9RtLm2Xv';

describe('bulwark CLI: secrets stay out of reports', function () {
  let dir: string;
  afterEach(() => dir && removeDir(dir));

  it('no format prints the secret, whether the finding is open, suppressed, or behind a notice', () => {
    assert.match(LEAKY_VALUE, SECRET_PATTERN);
    dir = tempDir({
      'settings.py': `API_TOKEN = "${LEAKY_VALUE}"\n`,
      'legacy.py': `# bulwark-ignore synthetic-secret reason="rotated; kept for the migration test"\nOLD = "${LEAKY_VALUE}"\n`,
    });
    const report = scanInProcess(dir, ruleSetOf(leakySecretRule, crashingRule), ['--fail-on', 'none']);
    const outputs = renderAll(report);
    for (const [format, output] of Object.entries(outputs)) {
      assert.ok(!output.includes(LEAKY_VALUE), `${format} output leaks the secret`);
      assert.ok(!output.includes(LEAKY_VALUE.slice(4)), `${format} output leaks most of the secret`);
    }
    const settings = report.files.find((f) => f.path === 'settings.py')!;
    assert.equal(settings.findings.length, 1, 'the finding itself is reported');
    assert.match(settings.findings[0].message, /^Hardcoded token …\(28 chars\)\.$/);
    assert.deepEqual(
      settings.findings[0].fixes.map((f) => f.title),
      ['Move …(28 chars) to the environment'],
      'the fix whose new text carries the secret is withheld; the other keeps a masked title',
    );
    assert.deepEqual(settings.notices.map((n) => [n.code, n.message.includes('…(28 chars)')]), [['rule-failed', true]]);
    const legacy = report.files.find((f) => f.path === 'legacy.py')!;
    assert.equal(legacy.suppressed.length, 1);
    assert.match(outputs.sarif, /"justification": "rotated; kept for the migration test"/);
  });
});

describe('bulwark CLI: secrets stay out of reports (built CLI)', function () {
  before(() => ensureCliBuilt());

  it('the fixture password never appears in text, json or sarif, nor with --fix-dry-run', () => {
    const manifest = fs.readFileSync(path.join(FIXTURE_WORKSPACE, 'k8s', 'deployment.yaml'), 'utf8');
    assert.ok(manifest.includes(FIXTURE_LITERAL), 'the fixture still holds the secret this test looks for');
    let flagged = 0;
    for (const args of [['--format', 'text'], ['--format', 'json'], ['--format', 'sarif'], ['--format', 'sarif', '--fix-dry-run']]) {
      const run = runCli(['scan', ...packArgs(), '--fail-on', 'none', ...args]);
      assert.equal(run.status, 0, run.stderr);
      assert.ok(!(run.stdout + run.stderr).includes(FIXTURE_LITERAL), `${args.join(' ')} leaks the secret`);
      assert.ok(!(run.stdout + run.stderr).includes(FIXTURE_LITERAL.slice(4)), `${args.join(' ')} leaks most of the secret`);
      if (run.stdout.includes('cli-test-env-secret')) flagged++;
    }
    assert.equal(flagged, 4, 'every run reports the secret finding, so the check above is not vacuous');
  });
});
