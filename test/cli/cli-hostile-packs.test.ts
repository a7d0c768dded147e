import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTSIDE_SECRET, PackBuilder, hostileCases, outsideFile, regexRule, ruleYaml } from '../support/hostile-packs';
import { FIXTURE_WORKSPACE, TEST_PACK, ensureCliBuilt, parseJson, removeDir, runCli } from './cli-harness';

// A pack is untrusted data: whatever it contains, the CLI answers with one clear error naming the
// file (and line) and exit code 2, never a stack trace, never a silently missing rule, never a read
// or a write outside the pack.

describe('hostile rule packs (CLI)', function () {
  this.timeout(120_000);
  let outside: { dir: string; file: string };

  before(() => {
    ensureCliBuilt();
    outside = outsideFile(`${OUTSIDE_SECRET}\n`);
  });
  after(() => removeDir(outside.dir));

  const expectOneError = (run: { status: number | null; stdout: string; stderr: string }, error: RegExp, what: string) => {
    assert.equal(run.status, 2, `${what}: ${run.stdout}${run.stderr}`);
    assert.doesNotMatch(run.stderr, /internal error|\n\s+at /, 'no stack trace');
    assert.match(run.stderr, /(rule pack validation failed \(1 problem\)|is invalid:)\n {2}\S+: .*\n$/, `${what}: exactly one error\n${run.stderr}`);
    assert.match(run.stderr, error);
    assert.ok(!run.stderr.includes(OUTSIDE_SECRET) && !run.stdout.includes(OUTSIDE_SECRET), 'nothing from outside the pack is read');
  };

  for (const hostile of hostileCases()) {
    it(`${hostile.name}: bulwark rules exits 2 with one error at its file and line`, () => {
      const pack = hostile.build(outside.file);
      try {
        const run = runCli(['rules', '--rules', pack.root], { cwd: path.dirname(pack.root) });
        expectOneError(run, hostile.error, 'rules');
        assert.equal(run.stdout, '');
      } finally {
        pack.remove();
      }
    });
  }

  for (const name of ['alias-bomb', 'huge-manifest', 'rule-symlink', 'program-size']) {
    it(`${name}: bulwark scan and bulwark test give the same one error, exit 2`, () => {
      const hostile = hostileCases().find((c) => c.name === name);
      assert.ok(hostile);
      const pack = hostile.build(outside.file);
      try {
        expectOneError(runCli(['scan', '--rules', pack.root, '--no-builtin', pack.root], { cwd: path.dirname(pack.root) }), hostile.error, 'scan');
        expectOneError(runCli(['test', pack.root], { cwd: path.dirname(pack.root) }), hostile.error, 'test');
      } finally {
        pack.remove();
      }
    });
  }

  it('a rule named constructor keeps its own severity, with and without --severity-override', () => {
    const pack = new PackBuilder('proto-names').rule('constructor', ruleYaml('constructor', 'medium'));
    try {
      const args = ['scan', path.join(FIXTURE_WORKSPACE, 'Dockerfile'), '--no-builtin', '--rules', pack.root, '--format', 'json', '--fail-on', 'none'];
      const severities = (extra: string[]) => {
        const run = runCli([...args, ...extra]);
        assert.equal(run.status, 0, run.stderr);
        return [...new Set((parseJson(run.stdout) as { findings: { ruleId: string; severity: unknown }[] }).findings.map((f) => `${f.ruleId}=${String(f.severity)}`))];
      };
      assert.deepEqual(severities([]), ['constructor=medium']);
      assert.deepEqual(severities(['--severity-override', 'constructor=low']), ['constructor=low']);
      const rules = runCli(['rules', '--no-builtin', '--rules', pack.root, '--format', 'json']);
      assert.match(rules.stdout, /"id": ?"constructor"/);
    } finally {
      pack.remove();
    }
  });

  for (const key of ['__proto__', 'toString', 'hasOwnProperty']) {
    it(`--severity-override ${key}=off is a usage error, not a silent prototype lookup`, () => {
      const run = runCli(['scan', '.', '--severity-override', `${key}=off`]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--severity-override expects <rule-id>=/);
    });
  }

  it('hasownproperty (a valid id that is not a rule) is named as an unknown rule', () => {
    const run = runCli(['scan', '.', '--severity-override', 'hasownproperty=off']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /names unknown rule: hasownproperty/);
  });

  it('a pack regex over the per-file regex work limit fails that rule on that file, visibly', () => {
    const pack = new PackBuilder('wide-regex').rule('wide', regexRule('wide', '[a-z]{900}x'));
    const workspace = fs.mkdtempSync(path.join(path.dirname(pack.root), 'ws-'));
    try {
      // 240 KB of lines with the keyword × ~900 instructions is over 100,000,000; a small file is not.
      fs.writeFileSync(path.join(workspace, 'big.txt'), `needle ${'a'.repeat(4000)}\n`.repeat(60));
      fs.writeFileSync(path.join(workspace, 'small.txt'), `needle ${'a'.repeat(4000)}\n`.repeat(5));
      const run = runCli(['scan', workspace, '--no-builtin', '--rules', pack.root, '--format', 'json', '--fail-on', 'none']);
      const report = parseJson(run.stdout) as { notices: { path?: string; file?: string; code: string; message: string }[] };
      const failed = report.notices.filter((n) => n.code === 'rule-failed');
      assert.equal(failed.length, 1, JSON.stringify(report.notices));
      assert.match(JSON.stringify(failed[0]), /big\.txt/);
      assert.match(failed[0].message, /^Rule wide failed on this file and was skipped: its patterns would do more than the regex work limit allows on this file \(input length × program size over 100,000,000\)$/);
    } finally {
      pack.remove();
    }
  });

  it('the good packs given next to a bad one are not the problem: the error names only the bad pack', () => {
    const bad = new PackBuilder('alias-bomb').rule('bomb', `id: bomb\na: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`);
    try {
      const run = runCli(['rules', '--rules', TEST_PACK, '--rules', bad.root]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /\(1 problem\)\n {2}\S*alias-bomb\/dockerfile\/bomb\/rule\.yaml:\d+: /);
    } finally {
      bad.remove();
    }
  });
});
