import * as assert from 'node:assert/strict';
import { ensureCliBuilt, packArgs, parseJson, runCli } from './cli-harness';

// GitLab Code Quality: one issue per finding, the same findings and fingerprints as the JSON report of
// the same scan, severities mapped onto GitLab's five levels.

interface JsonFinding {
  path: string;
  ruleId: string;
  severity: string;
  message: string;
  startLine: number;
  endLine: number;
  fingerprint: string;
}

interface CodeQualityIssue {
  type: string;
  check_name: string;
  description: string;
  categories: string[];
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

function scan(format: string): string {
  const run = runCli(['scan', ...packArgs(), '--format', format, '--fail-on', 'none']);
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

describe('bulwark CLI: GitLab Code Quality format', function () {
  before(() => ensureCliBuilt());

  it('reports every finding of the JSON report, with its fingerprint, place and mapped severity', () => {
    const findings = (parseJson(scan('json')) as { findings: JsonFinding[] }).findings;
    const issues = JSON.parse(scan('codequality')) as CodeQualityIssue[];
    assert.ok(findings.length >= 5, 'the fixture workspace has findings of several severities');
    const mapped: Record<string, string> = { critical: 'blocker', high: 'critical', medium: 'major', low: 'minor', info: 'info' };
    assert.deepEqual(
      issues,
      findings.map((f) => ({
        type: 'issue',
        check_name: f.ruleId,
        description: `${f.ruleId}: ${f.message}`,
        categories: ['Security'],
        severity: mapped[f.severity],
        fingerprint: f.fingerprint,
        location: { path: f.path, lines: { begin: f.startLine, end: f.endLine } },
      })),
    );
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'GitLab deduplicates on fingerprint: they must be distinct');
  });

  it('is an empty array when nothing is found', () => {
    const run = runCli(['scan', 'README.md', ...packArgs(), '--format', 'codequality', '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
  });
});
