import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN_PACK, ensureCliBuilt, packArgs, parseJson, REPO, runCli, TEST_PACK } from './cli-harness';

// Exit codes are CI's contract: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or
// configuration errors. With the test pack, the fixture Dockerfile has one high and two low findings,
// and the workspace adds a critical one, so each threshold has a known answer.

describe('bulwark CLI: exit codes', function () {
  before(() => ensureCliBuilt());

  const thresholds: [string, number][] = [
    ['critical', 0],
    ['high', 1],
    ['medium', 1],
    ['low', 1],
    ['info', 1],
    ['none', 0],
  ];
  for (const [failOn, expected] of thresholds) {
    it(`--fail-on ${failOn} exits ${expected} on a high and two low findings`, () => {
      const run = runCli(['scan', 'Dockerfile', ...packArgs(), '--fail-on', failOn]);
      assert.equal(run.status, expected, run.stderr + run.stdout);
      assert.equal(run.stderr, '');
    });
  }

  it('--fail-on critical exits 1 on the whole workspace (a privileged container)', () => {
    assert.equal(runCli(['scan', ...packArgs(), '--fail-on', 'critical']).status, 1);
  });

  it('defaults to --fail-on high', () => {
    assert.equal(runCli(['scan', 'Dockerfile', ...packArgs()]).status, 1);
    const withoutHigh = runCli(['scan', 'Dockerfile', ...packArgs(), '--severity-override', 'cli-test-latest-tag=medium']);
    assert.equal(withoutHigh.status, 0, withoutHigh.stdout);
  });

  it('suppressed findings never fail a scan', () => {
    // sub/kept.Dockerfile has a suppressed high finding and one low finding.
    const run = runCli(['scan', 'sub/kept.Dockerfile', ...packArgs(), '--fail-on', 'medium', '--format', 'json']);
    assert.equal(run.status, 0, run.stdout);
    const report = parseJson(run.stdout) as { suppressed: { ruleId: string; reason: string }[]; findings: { ruleId: string }[] };
    assert.deepEqual(report.suppressed.map((s) => s.ruleId), ['cli-test-latest-tag']);
    assert.deepEqual(report.findings.map((f) => f.ruleId), ['cli-test-digest-pin']);
  });

  it('--severity-override off turns a rule off, and raising a severity can make a scan fail', () => {
    const off = runCli(['scan', ...packArgs(), '--severity-override', 'cli-test-latest-tag=off', '--format', 'json', '--fail-on', 'low']);
    const offReport = parseJson(off.stdout) as { findings: { ruleId: string }[] };
    assert.ok(offReport.findings.length > 0);
    assert.ok(offReport.findings.every((f) => f.ruleId !== 'cli-test-latest-tag'));
    const raised = runCli(['scan', 'Dockerfile', ...packArgs(), '--severity-override', 'cli-test-digest-pin=critical', '--fail-on', 'critical']);
    assert.equal(raised.status, 1);
    assert.equal(runCli(['scan', 'Dockerfile', ...packArgs(), '--fail-on', 'critical']).status, 0, 'control: not without the override');
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['an unknown flag', ['scan', '--frobnicate'], /unknown option '--frobnicate'/i],
    ['an unknown command', ['lint'], /unknown command "lint"/],
    ['a bad --format', ['scan', '--format', 'xml'], /--format must be one of text, json, sarif/],
    ['a bad --fail-on', ['scan', '--fail-on', 'severe'], /--fail-on must be one of/],
    ['a bad --max-file-size', ['scan', '--max-file-size', 'big'], /--max-file-size/],
    ['a malformed --severity-override', ['scan', '--severity-override', 'cli-test-latest-tag'], /--severity-override expects/],
    ['a bad override level', ['scan', ...packArgs(), '--severity-override', 'cli-test-latest-tag=urgent'], /must be one of/],
    ['an override of an unknown rule', ['scan', ...packArgs(), '--severity-override', 'no-such-rule=off'], /unknown rule: no-such-rule/],
    ['a path that does not exist', ['scan', 'no/such/path', ...packArgs()], /cannot read "no\/such\/path"/],
    ['a --rules folder that does not exist', ['scan', '--rules', 'no-such-pack'], /rule pack validation failed[\s\S]*cannot read pack/],
    ['--no-builtin without --rules', ['scan', '--no-builtin'], /no rules to run/],
    ['--fix with --fix-dry-run', ['scan', '--fix', '--fix-dry-run'], /cannot be combined/],
    ['an argument to rules', ['rules', 'extra'], /unexpected argument "extra"/],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`exits 2 on ${what}`, () => {
      const run = runCli(args);
      assert.equal(run.status, 2, run.stdout + run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '', 'nothing on stdout, so a redirected report is never half a report');
    });
  }

  it('exits 2 on a pack that fails validation and prints each error as file:line', () => {
    const run = runCli(['scan', '--rules', TEST_PACK, '--rules', BROKEN_PACK]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /rule pack validation failed \(2 problems\)/);
    assert.match(run.stderr, /packs\/broken\/bad-severity\/rule\.yaml:3: severity must be one of critical, high, medium, low, info/);
    assert.match(run.stderr, /packs\/broken\/unknown-template\/rule\.yaml:9: unknown template "no-such-template"/);
    assert.equal(runCli(['rules', '--no-builtin', '--rules', BROKEN_PACK]).status, 2, 'bulwark rules validates packs too');
  });

  it('prints help and the version with exit 0', () => {
    const help = runCli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: bulwark <command>/);
    const scanHelp = runCli(['scan', '--help']);
    assert.equal(scanHelp.status, 0);
    assert.match(scanHelp.stdout, /--fail-on <level>[\s\S]*default: high/);
    assert.match(runCli(['help', 'rules']).stdout, /Usage: bulwark rules/);
    const version = runCli(['--version']);
    assert.equal(version.status, 0);
    const manifest = parseJson(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout.trim(), manifest.version);
  });

  it('lists rules as text and json', () => {
    const text = runCli(['rules', ...packArgs()]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^ID\s+SEVERITY\s+LANGUAGE\s+PACK\s+TITLE$/m);
    assert.match(text.stdout, /^cli-test-digest-pin\s+low\s+dockerfile\s+cli-test\s+Image is not pinned by digest \(CLI test\)$/m);
    assert.match(text.stdout, /4 rules from cli-test@1\.0\.0\./);
    const json = parseJson(runCli(['rules', ...packArgs(), '--format', 'json']).stdout) as {
      rules: { id: string; severity: string; language: string; pack: string; title: string }[];
    };
    assert.deepEqual(
      json.rules.map((r) => [r.id, r.severity, r.language, r.pack]),
      [
        ['cli-test-digest-pin', 'low', 'dockerfile', 'cli-test'],
        ['cli-test-env-secret', 'high', 'kubernetes', 'cli-test'],
        ['cli-test-latest-tag', 'high', 'dockerfile', 'cli-test'],
        ['cli-test-privileged', 'critical', 'kubernetes', 'cli-test'],
      ],
    );
  });

  it('runs the built-in pack by default', () => {
    const run = runCli(['rules', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const json = parseJson(run.stdout) as { packs: { id: string }[] };
    assert.deepEqual(json.packs.map((p) => p.id), ['core']);
  });
});
