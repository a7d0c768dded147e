import * as assert from 'node:assert/strict';
import { scanFails } from '../../server/src/cli/report';
import { ensureCliBuilt, parseJson, removeDir, runCli } from './cli-harness';
import { scanInProcess, tempDir } from './in-process';
import { crashingRule, ruleSetOf } from './synthetic-rules';

// A file the rules could not fully check must not pass CI silently (issue 11, item 2): a rule that
// failed on it, or a RUN too complex for the shell reader, counts as a high finding for --fail-on.

const DIGEST = `sha256:${'a'.repeat(64)}`;
/** Nothing here is a finding of the core pack except through the hostile RUN: 1,000 nested `$(`. */
const HOSTILE = `FROM alpine:3.20@${DIGEST}\nUSER 10001\nRUN echo ${'$(echo '.repeat(999)}$(x${')'.repeat(1000)}\n`;

describe('bulwark CLI: checks that could not be completed', function () {
  let dir: string;
  before(() => {
    ensureCliBuilt();
    dir = tempDir({ Dockerfile: HOSTILE });
  });
  after(() => removeDir(dir));

  const thresholds: [string, number][] = [
    ['low', 1],
    ['critical', 0],
  ];
  for (const [failOn, status] of thresholds) {
    it(`a RUN too complex to read exits ${status} at --fail-on ${failOn}`, () => {
      const run = runCli(['scan', 'Dockerfile', '--fail-on', failOn], { cwd: dir });
      assert.equal(run.status, status, run.stdout + run.stderr);
      assert.match(run.stdout, /^Dockerfile:3:1: notice script-too-complex RUN script too complex to read in full \(substitutions or sh -c strings are nested more than 32 deep\)/m);
      assert.equal(/Failing: 1 check could not be completed/.test(run.stdout), status === 1, run.stdout);
      assert.match(run.stdout, /^No findings \(1 file scanned\)\.$/m);
    });
  }

  it('is the default (--fail-on high), and JSON carries the notice', () => {
    const run = runCli(['scan', 'Dockerfile', '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 1);
    const report = parseJson(run.stdout) as { findings: unknown[]; notices: { code: string; path: string }[] };
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.notices.map((n) => [n.path, n.code]), [['Dockerfile', 'script-too-complex']]);
  });

  it('a rule that failed on a file fails the scan like a high finding', () => {
    const files = tempDir({ 'a.txt': 'token SUPERSECRET-0123456789abcdef\n', 'b.txt': 'nothing here\n' });
    try {
      const ruleSet = ruleSetOf(crashingRule);
      const report = scanInProcess(files, ruleSet, ['--fail-on', 'high']);
      assert.deepEqual(report.files.flatMap((f) => f.notices.map((n) => [f.path, n.code])), [['a.txt', 'rule-failed']]);
      assert.equal(scanFails(report), true);
      assert.equal(scanFails(scanInProcess(files, ruleSet, ['--fail-on', 'critical'])), false);
      assert.equal(scanFails(scanInProcess(files, ruleSet, ['b.txt'])), false, 'control: the file it does not fail on passes');
    } finally {
      removeDir(files);
    }
  });
});
