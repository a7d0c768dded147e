import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, type CliRun } from '../cli/cli-harness';
import type { RunningRegistry } from '../support/registry';
import { NETCAT_DOCKERFILE, startPolicyRegistry, stopPolicyRegistry } from './publish';

// The organisation's half, end to end with the built CLI and Debian's real docker-registry on loopback:
// a champion pushes and signs a bundle; CI scans with it (pull, verify, cache); every failure fails
// closed (exit 2, reason named) and never replaces the cached last good bundle; a lock pins a digest.

const PASSWORD = 'correct horse battery staple';

interface JsonReport {
  findings: { ruleId: string; severity: string; provenance?: { bundleDigest?: string; bundleVersion?: string } }[];
}

describe('policy bundles through a real registry (CLI)', function () {
  this.timeout(120_000);
  let registry: RunningRegistry;
  let root: string;
  let env: Record<string, string>;
  let ref: string;
  let firstPinned: string;

  const cli = (args: string[], cwd = root, extra: Record<string, string> = {}): CliRun => runCli(args, { cwd, env: { ...env, ...extra } });
  const scan = (args: string[], extra: Record<string, string> = {}) => cli(['scan', 'ws', '--format', 'json', '--fail-on', 'none', ...args], root, extra);
  const ruleIds = (run: CliRun) => (JSON.parse(run.stdout) as JsonReport).findings.map((f) => f.ruleId);
  const registryGets = () => registry.log().split('\n').filter((l) => /"GET \/v2\/security\/policy\/(manifests|blobs)\//.test(l)).length;

  before(async function () {
    ({ registry, root } = await startPolicyRegistry(this, 'registry-policy', { 'ws/Dockerfile': NETCAT_DOCKERFILE }));
    env = { BULWARK_KEY_PASSWORD: PASSWORD, BULWARK_CACHE_DIR: path.join(root, 'cache'), DOCKER_CONFIG: path.join(root, 'docker') };
    ref = `${registry.host}/security/policy:stable`;
    assert.equal(cli(['policy', 'init', 'bundle']).status, 0);
    assert.equal(cli(['policy', 'keygen', '--out', 'keys']).status, 0);
    assert.equal(cli(['policy', 'keygen', '--out', 'other-keys']).status, 0);
  });
  after(() => stopPolicyRegistry(registry, root));

  it('push builds, pushes and signs, and prints REF@sha256', () => {
    const push = cli(['policy', 'push', 'bundle', ref, '--key', 'keys/bulwark.key']);
    assert.equal(push.status, 0, push.stderr);
    firstPinned = push.stdout.trim();
    assert.match(firstPinned, new RegExp(`^${ref.replace(/[.]/g, '\\.')}@sha256:[a-f0-9]{64}$`));
    const verify = cli(['policy', 'verify', ref, '--key', 'keys/bulwark.pub']);
    assert.equal(verify.status, 0, verify.stderr);
  });

  it('scan --policy REF applies the verified bundle: its pack rule fires, with the bundle digest as provenance', () => {
    const without = scan([]);
    assert.ok(!ruleIds(without).includes('example-run-netcat'), 'control: the example rule is not built in');
    const run = scan(['--policy', ref, '--policy-key', 'keys/bulwark.pub']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    const finding = report.findings.find((f) => f.ruleId === 'example-run-netcat');
    assert.ok(finding, run.stdout);
    assert.equal(finding.provenance?.bundleDigest, firstPinned.split('@')[1]);
    assert.match(run.stderr, /policy acme|policy .* 0\.1\.0 \(.*signature verified/);
  });

  it('an unchanged bundle costs one HEAD: nothing is downloaded again', () => {
    const before = registryGets();
    const run = scan(['--policy', ref, '--policy-key', 'keys/bulwark.pub']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(ruleIds(run).includes('example-run-netcat'));
    assert.equal(registryGets(), before, 'no manifest or blob GET for an unchanged bundle');
  });

  it('BULWARK_POLICY and BULWARK_POLICY_KEY do the same as the flags', () => {
    const run = scan([], { BULWARK_POLICY: ref, BULWARK_POLICY_KEY: path.join(root, 'keys', 'bulwark.pub') });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(ruleIds(run).includes('example-run-netcat'));
  });

  it('fails closed with the reason: wrong key, unsigned tag, missing key, unknown tag', () => {
    const wrongKey = scan(['--policy', ref, '--policy-key', 'other-keys/bulwark.pub']);
    assert.equal(wrongKey.status, 2);
    assert.match(wrongKey.stderr, /does not verify|verified with another public key/);
    assert.equal(wrongKey.stdout, '', 'no report from a policy that could not be verified');

    // Other content: signatures are per digest, so the same bytes under another tag would be signed.
    const unsignedRef = `${registry.host}/security/policy:unsigned`;
    fs.cpSync(path.join(root, 'bundle'), path.join(root, 'unsigned'), { recursive: true });
    const policyFile = path.join(root, 'unsigned', 'policy.yaml');
    fs.writeFileSync(policyFile, fs.readFileSync(policyFile, 'utf8').replace('version: 0.1.0', 'version: 9.9.9'));
    assert.equal(cli(['policy', 'push', 'unsigned', unsignedRef]).status, 0);
    const unsigned = scan(['--policy', unsignedRef, '--policy-key', 'keys/bulwark.pub']);
    assert.equal(unsigned.status, 2);
    assert.match(unsigned.stderr, /not signed/);

    const noKey = scan(['--policy', ref]);
    assert.equal(noKey.status, 2);
    assert.match(noKey.stderr, /--policy-key/);

    const missing = scan(['--policy', `${registry.host}/security/policy:nope`, '--policy-key', 'keys/bulwark.pub']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /does not exist/);
  });

  it('a re-pushed tag that is not validly signed is refused, and the cached last good bundle stays', () => {
    // Another bundle (a new version) pushed to the same tag, signed with the wrong key.
    const policyFile = path.join(root, 'bundle', 'policy.yaml');
    fs.writeFileSync(policyFile, fs.readFileSync(policyFile, 'utf8').replace('version: 0.1.0', 'version: 0.2.0'));
    const push = cli(['policy', 'push', 'bundle', ref, '--key', 'other-keys/bulwark.key']);
    assert.equal(push.status, 0, push.stderr);
    const pull = cli(['policy', 'pull', ref, '--key', 'keys/bulwark.pub']);
    assert.equal(pull.status, 2);
    assert.match(pull.stderr, /does not verify/);
    const offline = scan(['--policy', ref, '--policy-key', 'keys/bulwark.pub', '--offline']);
    assert.equal(offline.status, 0, offline.stderr);
    const finding = (JSON.parse(offline.stdout) as JsonReport).findings.find((f) => f.ruleId === 'example-run-netcat');
    assert.equal(finding?.provenance?.bundleDigest, firstPinned.split('@')[1], 'the first (verified) bundle is still the cached one');
  });

  it('lock pins the digest: later scans apply exactly it, whatever the tag points to', () => {
    // The tag now names v0.2.0 correctly signed; the lock was written before, on v0.1.0's digest.
    const lockRef = `${registry.host}/security/policy:locked`;
    const policyFile = path.join(root, 'bundle', 'policy.yaml');
    fs.writeFileSync(policyFile, fs.readFileSync(policyFile, 'utf8').replace('version: 0.2.0', 'version: 0.3.0'));
    const first = cli(['policy', 'push', 'bundle', lockRef, '--key', 'keys/bulwark.key']);
    assert.equal(first.status, 0, first.stderr);
    const lock = cli(['policy', 'lock', lockRef, '--key', '../keys/bulwark.pub'], path.join(root, 'ws'));
    assert.equal(lock.status, 0, lock.stderr);
    const lockText = fs.readFileSync(path.join(root, 'ws', '.bulwark', 'policy.lock'), 'utf8');
    assert.ok(lockText.includes(`ref: ${first.stdout.trim()}`), lockText);

    fs.writeFileSync(policyFile, fs.readFileSync(policyFile, 'utf8').replace('version: 0.3.0', 'version: 0.4.0'));
    const moved = cli(['policy', 'push', 'bundle', lockRef, '--key', 'keys/bulwark.key']);
    assert.equal(moved.status, 0, moved.stderr);
    assert.notEqual(moved.stdout.trim(), first.stdout.trim());

    const locked = cli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--policy-key', '../keys/bulwark.pub'], path.join(root, 'ws'));
    assert.equal(locked.status, 0, locked.stderr);
    const finding = (JSON.parse(locked.stdout) as JsonReport).findings.find((f) => f.ruleId === 'example-run-netcat');
    assert.equal(finding?.provenance?.bundleDigest, first.stdout.trim().split('@')[1]);
    assert.equal(finding?.provenance?.bundleVersion, '0.3.0');

    const lockedNoKey = cli(['scan', '.', '--fail-on', 'none'], path.join(root, 'ws'));
    assert.equal(lockedNoKey.status, 2, 'a lock file without a key to verify it fails closed');
  });

  it('offline with no cached bundle is a clear error; a stopped registry keeps CI closed', async () => {
    const emptyCache = { BULWARK_CACHE_DIR: path.join(root, 'empty-cache') };
    const offline = scan(['--policy', ref, '--policy-key', 'keys/bulwark.pub', '--offline'], emptyCache);
    assert.equal(offline.status, 2);
    assert.match(offline.stderr, /no cached bundle/);
    await registry.stop();
    const down = scan(['--policy', ref, '--policy-key', 'keys/bulwark.pub']);
    assert.equal(down.status, 2);
    assert.match(down.stderr, /127\.0\.0\.1/);
  });
});
