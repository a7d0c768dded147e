import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TEST_PACK, ensureCliBuilt, removeDir, runCli } from './cli-harness';

// `bulwark test <pack>` is how champions test a pack: it must pass good fixtures, fail bad ones,
// and write goldens only when asked.

describe('bulwark test', () => {
  let pack: string;
  const fixtureDir = () => path.join(pack, 'kubernetes', 'cli-test-privileged', 'tests');
  const fixture = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: app', '      image: app:1.0', '      securityContext:', '        # expect: cli-test-privileged', '        privileged: true', ''].join('\n');

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
    assert.match(run.stdout, /expected a cli-test-privileged finding/);
  });

  it('exits 2 for a folder that is not a pack', () => {
    assert.equal(runCli(['test', os.tmpdir()]).status, 2);
  });
});
