import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, TEST_PACK, ensureCliBuilt, removeDir, runCli } from './cli-harness';

// `bulwark test <pack>` is how champions test a pack: it must pass good fixtures, fail bad ones,
// and write goldens only when asked.

describe('bulwark test', () => {
  let pack: string;
  const fixtureDir = () => path.join(pack, 'kubernetes', 'cli-test-privileged', 'tests');
  const fixture = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: app', '      image: app:1.0', '      securityContext:', '        # expect: cli-test-privileged@9', '        privileged: true', ''].join('\n');

  before(() => ensureCliBuilt());
  beforeEach(() => {
    pack = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-pack-'));
    fs.copyFileSync(path.join(TEST_PACK, 'pack.yaml'), path.join(pack, 'pack.yaml'));
    fs.cpSync(path.join(TEST_PACK, 'kubernetes', 'cli-test-privileged'), path.join(pack, 'kubernetes', 'cli-test-privileged'), { recursive: true });
    fs.mkdirSync(fixtureDir(), { recursive: true });
    fs.writeFileSync(path.join(fixtureDir(), 'privileged.yaml'), fixture);
  });
  afterEach(() => removeDir(pack));

  it('fails a rule with a fix whose golden is missing, then writes it with --update-goldens', () => {
    const first = runCli(['test', pack]);
    assert.equal(first.status, 1, first.stdout);
    assert.match(first.stdout, /✘ cli-test-privileged privileged\.yaml[\s\S]*golden is required/);

    const update = runCli(['test', pack, '--update-goldens']);
    assert.equal(update.status, 0, update.stdout);
    const golden = fs.readFileSync(path.join(fixtureDir(), 'privileged.fixed.yaml'), 'utf8');
    assert.match(golden, /privileged: false/);

    const again = runCli(['test', pack]);
    assert.match(again.stdout, /✔ cli-test-privileged privileged\.yaml/);
  });

  it('fails when an annotation expects a finding that does not come', () => {
    fs.writeFileSync(path.join(fixtureDir(), 'privileged.yaml'), fixture.replace('privileged: true', 'privileged: false'));
    const run = runCli(['test', pack]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /expected 1 cli-test-privileged finding\(s\) on this line, got 0/);
  });

  describe('dates: a fixture declares the day it assumes; --now sets it for the others', () => {
    // The core rule that reports expired suppressions: its fixtures have until= dates.
    const RULE = path.join('meta', 'bulwark-invalid-suppression');
    const directives = () => path.join(pack, RULE, 'tests', 'directives.dockerfile');
    beforeEach(() => {
      fs.rmSync(path.join(pack, 'kubernetes'), { recursive: true });
      fs.copyFileSync(path.join(REPO, 'rules', 'core', 'pack.yaml'), path.join(pack, 'pack.yaml'));
      fs.cpSync(path.join(REPO, 'rules', 'core', RULE), path.join(pack, RULE), { recursive: true });
    });
    const undeclare = () => {
      const text = fs.readFileSync(directives(), 'utf8');
      assert.match(text, /^# bulwark-test-now: 2026-06-01\n/);
      fs.writeFileSync(directives(), text.replace(/^.*\n/, ''));
    };

    it('passes on the declared date whatever the day, and --now does not move it', () => {
      for (const args of [[], ['--now', '2030-01-01'], ['--now', '2020-01-01']]) {
        const run = runCli(['test', pack, ...args]);
        assert.equal(run.status, 0, run.stdout);
        assert.match(run.stdout, /4 passed, 0 failed/);
      }
    });

    it('fails a fixture with until= dates that declares no date, unless --now pins one', () => {
      undeclare();
      const today = runCli(['test', pack]);
      assert.equal(today.status, 1, today.stdout);
      assert.match(today.stdout, /✘ bulwark-invalid-suppression directives\.dockerfile\n\s+directives\.dockerfile: it has until= dates, so its first line must declare/);
      assert.match(today.stdout, /3 passed, 1 failed/);
      assert.equal(runCli(['test', pack, '--now', '2026-06-01']).status, 0);
      const later = runCli(['test', pack, '--now', '2026-06-02']);
      assert.equal(later.status, 1);
      assert.match(later.stdout, /Suppression comment expired on 2026-06-01/);
    });

    it('rejects a misplaced or malformed declaration, and a --now that is not a date', () => {
      fs.writeFileSync(directives(), fs.readFileSync(directives(), 'utf8').replace('2026-06-01\n', '2026-06-31\n'));
      assert.match(runCli(['test', pack]).stdout, /bulwark-test-now "2026-06-31" is not a date/);
      const moved = fs.readFileSync(directives(), 'utf8').split('\n');
      fs.writeFileSync(directives(), [moved[1], '# bulwark-test-now: 2026-06-01', ...moved.slice(2)].join('\n'));
      assert.match(runCli(['test', pack]).stdout, /line 2: bulwark-test-now must be on the first line/);
      const bad = runCli(['test', pack, '--now', '2026-02-30']);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--now must be a date, YYYY-MM-DD/);
    });
  });

  it('exits 2 for a folder that is not a pack', () => {
    assert.equal(runCli(['test', os.tmpdir()]).status, 2);
  });
});
