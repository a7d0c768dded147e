import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyWorkspace, ensureCliBuilt, FIXTURE_LITERAL, FIXTURE_WORKSPACE, packArgs, parseJson, removeDir, runCli } from './cli-harness';
import { normaliseSarif, type SarifLog } from './sarif-shape';

const GOLDEN = path.join(__dirname, 'golden', 'workspace.sarif.json');

interface JsonFinding {
  path: string;
  ruleId: string;
  packId: string;
  severity: string;
  message: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  fingerprint: string;
  fixes: { kind: string; title: string }[];
}

function scan(format: string, cwd = FIXTURE_WORKSPACE, ...args: string[]): string {
  const run = runCli(['scan', ...packArgs(), '--format', format, '--fail-on', 'none', ...args], { cwd });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  return run.stdout;
}

describe('bulwark CLI: output formats', function () {
  before(() => ensureCliBuilt());

  it('text: path:line:col: severity rule-id message, grouped per file, then a summary; no colour off a terminal', () => {
    const out = scan('text');
    assert.equal(
      out,
      [
        'Dockerfile:2:6: low cli-test-digest-pin Image "node:latest" is not pinned by digest.',
        'Dockerfile:2:11: high cli-test-latest-tag Image "node:latest" is not pinned (stage build).',
        'Dockerfile:7:6: low cli-test-digest-pin Image "gcr.io/distroless/nodejs22-debian12:nonroot" is not pinned by digest.',
        '',
        'k8s/deployment.yaml:16:13: critical cli-test-privileged Container "api" runs privileged.',
        'k8s/deployment.yaml:21:22: high cli-test-env-secret Env var DB_PASSWORD of container "api" holds a literal secret (…(27 chars)).',
        '',
        'sub/kept.Dockerfile:2:6: low cli-test-digest-pin Image "ubuntu" is not pinned by digest.',
        '',
        '6 findings (1 critical, 2 high, 3 low) in 3 files (7 files scanned, 1 suppressed).',
        '',
      ].join('\n'),
    );
    const failing = runCli(['scan', ...packArgs()]);
    assert.match(failing.stdout, /\nFailing: 3 findings at or above high \(--fail-on high\)\.\n$/);
    assert.ok(!out.includes('\u001b['));
  });

  it('json: the documented shape', () => {
    const report = parseJson(scan('json')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(report), ['version', 'tool', 'failOn', 'summary', 'files', 'findings', 'suppressed', 'notices']);
    assert.equal(report.version, 1);
    assert.deepEqual(Object.keys(report.tool as object), ['name', 'version']);
    assert.deepEqual(report.summary, {
      files: 7,
      analysed: 7,
      findings: 6,
      failing: 0,
      suppressed: 1,
      fixesApplied: 0,
      bySeverity: { critical: 1, high: 2, medium: 0, low: 3, info: 0 },
      unreadable: 0,
      incomplete: false,
    });
    const findings = report.findings as JsonFinding[];
    assert.deepEqual(findings[1], {
      path: 'Dockerfile',
      ruleId: 'cli-test-latest-tag',
      packId: 'cli-test',
      severity: 'high',
      message: 'Image "node:latest" is not pinned (stage build).',
      startLine: 2,
      startColumn: 11,
      endLine: 2,
      endColumn: 17,
      fingerprint: findings[1].fingerprint,
      fixes: [],
    });
    assert.match(findings[1].fingerprint, /^[0-9a-f]{16}$/);
    const suppressed = report.suppressed as (JsonFinding & { reason: string; until: string | null })[];
    assert.equal(suppressed.length, 1);
    assert.equal(suppressed[0].path, 'sub/kept.Dockerfile');
    assert.equal(suppressed[0].reason, 'base image is rebuilt nightly by the platform team');
    assert.equal(suppressed[0].until, null);
    const files = report.files as { path: string; language: string | null }[];
    assert.deepEqual(files.find((f) => f.path === 'k8s/deployment.yaml'), {
      path: 'k8s/deployment.yaml',
      language: 'kubernetes',
      analysed: true,
      findings: 2,
      suppressed: 0,
      fixesApplied: 0,
    });
    assert.deepEqual(
      findings.filter((f) => f.path === 'k8s/deployment.yaml').map((f) => [f.ruleId, f.fixes]),
      [
        ['cli-test-privileged', [{ kind: 'suggestion', title: 'Set privileged to false' }]],
        ['cli-test-env-secret', [{ kind: 'suggestion', title: 'Read DB_PASSWORD from Secret api-secrets (create it first)' }]],
      ],
    );
    assert.deepEqual(report.notices, []);
  });

  it('sarif: matches the golden (UPDATE_GOLDENS=1 rewrites it)', () => {
    const actual = JSON.stringify(normaliseSarif(parseJson(scan('sarif')) as SarifLog), null, 2) + '\n';
    assert.ok(!actual.includes(FIXTURE_LITERAL), 'a golden must never hold a secret');
    if (process.env.UPDATE_GOLDENS === '1') fs.writeFileSync(GOLDEN, actual);
    assert.ok(fs.existsSync(GOLDEN), 'golden missing: run with UPDATE_GOLDENS=1');
    assert.equal(actual, fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('sarif: structure GitHub code scanning relies on', () => {
    const log = parseJson(scan('sarif')) as SarifLog;
    const json = parseJson(scan('json')) as { findings: JsonFinding[]; suppressed: JsonFinding[] };
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const [run] = log.runs;
    assert.equal(run.tool.driver.name, 'Bulwark');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${FIXTURE_WORKSPACE.split(path.sep).join('/').replace(/^\/?/, '/')}/`);
    assert.deepEqual(run.invocations.map((i) => i.executionSuccessful), [true]);
    const rules = run.tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), ['cli-test-digest-pin', 'cli-test-latest-tag', 'cli-test-env-secret', 'cli-test-privileged']);
    const latest = rules[1];
    assert.equal(latest.name, 'CliTestLatestTag');
    assert.equal(latest.shortDescription.text, 'Image uses latest or no tag (CLI test)');
    assert.equal(latest.help.text, 'Pin the image to a version.');
    assert.match(latest.help.markdown, /Pin the image to a version\.[\s\S]*# cli-test-latest-tag/);
    assert.equal(latest.helpUri, undefined, 'no invented help URL');
    assert.deepEqual(latest.defaultConfiguration, { level: 'error' });
    assert.equal(latest.properties['security-severity'], '8.0');
    assert.equal(rules[0].properties['security-severity'], '3.0');
    assert.equal(rules[3].properties['security-severity'], '9.5');
    assert.deepEqual(latest.properties.cwe, ['CWE-1357']);
    assert.ok(latest.properties.tags.includes('security') && latest.properties.tags.includes('external/cwe/cwe-1357'));

    assert.equal(run.results.length, json.findings.length + json.suppressed.length);
    for (const result of run.results) {
      assert.equal(rules[result.ruleIndex ?? -1]?.id, result.ruleId);
      const expectedLevel = { 'cli-test-digest-pin': 'note', 'cli-test-latest-tag': 'error', 'cli-test-env-secret': 'error', 'cli-test-privileged': 'error' };
      assert.equal(result.level, expectedLevel[result.ruleId as keyof typeof expectedLevel]);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(!artifactLocation.uri.startsWith('/') && !artifactLocation.uri.includes('\\'));
      assert.ok(fs.existsSync(path.join(FIXTURE_WORKSPACE, decodeURIComponent(artifactLocation.uri))));
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine && region.endColumn >= 1);
      const twin = [...json.findings, ...json.suppressed].find((f) => f.fingerprint === result.partialFingerprints['bulwark/v1']);
      assert.ok(twin, 'partialFingerprints carries the finding fingerprint');
      assert.deepEqual(region, { startLine: twin.startLine, startColumn: twin.startColumn, endLine: twin.endLine, endColumn: twin.endColumn });
    }
    const privileged = run.results.find((r) => r.ruleId === 'cli-test-privileged')!;
    assert.deepEqual(privileged.fixes?.map((f) => [f.description.text, f.artifactChanges[0].replacements]), [
      ['Set privileged to false', [{ deletedRegion: { startLine: 16, startColumn: 25, endLine: 16, endColumn: 29 }, insertedContent: { text: 'false' } }]],
    ]);
    const suppressed = run.results.filter((r) => r.suppressions);
    assert.deepEqual(suppressed.map((r) => r.suppressions), [[{ kind: 'inSource', justification: 'base image is rebuilt nightly by the platform team' }]]);
  });

  it('sarif: notices become tool execution notifications', () => {
    const workspace = copyWorkspace();
    try {
      fs.writeFileSync(path.join(workspace, 'blob.Dockerfile'), Buffer.from([0, 1, 2]));
      const log = parseJson(scan('sarif', workspace)) as SarifLog;
      const notes = log.runs[0].invocations[0].toolExecutionNotifications;
      assert.deepEqual(notes.map((n) => [n.level, n.descriptor.id]), [['note', 'binary-file']]);
    } finally {
      removeDir(workspace);
    }
  });

  it('sarif: fingerprints stay stable when an unrelated line is inserted above the finding', () => {
    const workspace = copyWorkspace();
    try {
      const before = parseJson(scan('sarif', workspace)) as SarifLog;
      const prepend = (rel: string, line: string) => fs.writeFileSync(path.join(workspace, rel), line + fs.readFileSync(path.join(workspace, rel), 'utf8'));
      prepend('Dockerfile', '# syntax=docker/dockerfile:1\n');
      prepend('k8s/deployment.yaml', '# owned by the api team\n');
      const after = parseJson(scan('sarif', workspace)) as SarifLog;
      const index = (log: SarifLog) =>
        new Map(log.runs[0].results.map((r) => [r.partialFingerprints['bulwark/v1'], r.locations[0].physicalLocation]));
      const was = index(before);
      const now = index(after);
      assert.deepEqual([...now.keys()].sort(), [...was.keys()].sort());
      for (const [fingerprint, location] of now) {
        const old = was.get(fingerprint)!;
        const shift = ['Dockerfile', 'k8s/deployment.yaml'].includes(location.artifactLocation.uri) ? 1 : 0;
        assert.equal(location.region.startLine, old.region.startLine + shift, `${fingerprint} in ${location.artifactLocation.uri}`);
      }
    } finally {
      removeDir(workspace);
    }
  });

  it('--output writes the report to a file and nothing to stdout', () => {
    const workspace = copyWorkspace();
    try {
      const run = runCli(['scan', ...packArgs(), '--format', 'sarif', '-o', 'reports/bulwark.sarif'], { cwd: workspace });
      assert.equal(run.status, 1, 'the exit code still reflects --fail-on');
      assert.equal(run.stdout, '');
      const log = parseJson(fs.readFileSync(path.join(workspace, 'reports', 'bulwark.sarif'), 'utf8')) as SarifLog;
      assert.equal(log.runs[0].results.length, 7);
    } finally {
      removeDir(workspace);
    }
  });
});
