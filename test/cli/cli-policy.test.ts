import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCliBuilt, parseJson, removeDir, runCli } from './cli-harness';

// A champion's whole local loop with the built CLI: init → test → build → inspect → scan --policy,
// and the bundle visibly changing the findings, with provenance in JSON and SARIF.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const POLICY = `name: acme-policy
version: 1.2.0
minEngineVersion: 0.1.0
rules:
  disabled: [docker-user-missing]
  severity:
    docker-image-latest-tag: critical
  nonWaivable: [example-run-netcat]
suppressions:
  requireReason: true
  maxUntilDays: 30
`;

const DOCKERFILE = () => `# bulwark-ignore docker-image-not-digest-pinned reason="legacy base" until=${day(200)}
FROM node:latest
# bulwark-ignore example-run-netcat reason="health probe" until=${day(10)}
RUN nc -z db 5432
`;

interface JsonFinding {
  ruleId: string;
  severity: string;
  startLine: number;
  message: string;
  provenance?: Record<string, unknown>;
}

describe('bulwark policy: init → test → build → inspect → scan --policy', function () {
  // Each step is a real CLI process; on a loaded 2-core machine a step with three runs takes ~10 s.
  this.timeout(90_000);
  let root: string;
  let bundleDir: string;
  let bundleFile: string;
  let workspace: string;
  let digest: string;

  before(function () {
    this.timeout(180_000);
    ensureCliBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-policy-cli-'));
    bundleDir = path.join(root, 'acme-policy');
    bundleFile = path.join(root, 'acme-policy.tar');
    workspace = path.join(root, 'ws');
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), DOCKERFILE());
  });
  after(() => removeDir(root));

  it('init creates a source folder that passes test as created', () => {
    const init = runCli(['policy', 'init', bundleDir], { cwd: root });
    assert.equal(init.status, 0, init.stderr);
    assert.deepEqual(fs.readdirSync(bundleDir).sort(), ['README.md', 'approved-images.yaml', 'packs', 'policy.yaml']);
    const test = runCli(['policy', 'test', bundleDir, '--now', '2026-01-15'], { cwd: root });
    assert.equal(test.status, 0, test.stdout + test.stderr);
    assert.match(test.stdout, /✔ example-run-netcat netcat\.dockerfile\n\n1 passed, 0 failed\n$/);
    assert.equal(runCli(['policy', 'init', bundleDir], { cwd: root }).status, 2, 'init refuses a folder that is not empty');
  });

  it('test fails with file:line when the policy is wrong, and passes once it is fixed', () => {
    fs.writeFileSync(path.join(bundleDir, 'policy.yaml'), POLICY.replace('nonWaivable', 'nonwaivable').replace('docker-image-latest-tag: critical', 'docker-image-latest-tags: critical'));
    const bad = runCli(['policy', 'test', bundleDir], { cwd: root });
    assert.equal(bad.status, 1, bad.stdout);
    assert.deepEqual(bad.stdout.trim().split('\n'), ['✘ the bundle is invalid (1 problem):', '  policy.yaml:8: rules has an unknown key "nonwaivable"']);
    fs.writeFileSync(path.join(bundleDir, 'policy.yaml'), POLICY.replace('docker-image-latest-tag: critical', 'docker-image-latest-tags: critical'));
    const unknown = runCli(['policy', 'test', bundleDir], { cwd: root });
    assert.equal(unknown.status, 1);
    assert.match(unknown.stdout, /policy\.yaml:7: rules\.severity names "docker-image-latest-tags", which no built-in or bundle rule defines/);
    fs.writeFileSync(path.join(bundleDir, 'policy.yaml'), POLICY);
    const good = runCli(['policy', 'test', bundleDir], { cwd: root });
    assert.equal(good.status, 0, good.stdout);
  });

  it('build writes the same image-layout tar every time and prints its digest', () => {
    const first = runCli(['policy', 'build', bundleDir, '-o', bundleFile], { cwd: root });
    assert.equal(first.status, 0, first.stderr);
    const lines = first.stdout.trim().split('\n');
    assert.equal(lines[0], 'Built acme-policy 1.2.0 (1 pack) → acme-policy.tar');
    assert.match(lines[1], /^sha256:[a-f0-9]{64}$/);
    digest = lines[1];
    const bytes = fs.readFileSync(bundleFile);
    const again = runCli(['policy', 'build', bundleDir, '-o', path.join(root, 'again.tar')], { cwd: root });
    assert.equal(again.stdout.trim().split('\n')[1], digest);
    assert.deepEqual(fs.readFileSync(path.join(root, 'again.tar')), bytes);
  });

  it('inspect shows metadata, packs, rule counts, the policy and the signature status', () => {
    const inspect = runCli(['policy', 'inspect', bundleFile], { cwd: root });
    assert.equal(inspect.status, 0, inspect.stderr);
    assert.match(inspect.stdout, /^Bundle {7}acme-policy 1\.2\.0\n/);
    assert.ok(inspect.stdout.includes(`Digest       ${digest}\n`));
    assert.match(inspect.stdout, /\nSignature {4}unsigned \(local file\)\n/);
    assert.match(inspect.stdout, /\nPacks {8}1 \(1 rule\)\n {2}example 0\.1\.0: 1 rule\n/);
    assert.match(inspect.stdout, /\n {2}disabled: docker-user-missing\n {2}severity: docker-image-latest-tag → critical\n {2}non-waivable: example-run-netcat\n/);
    const json = parseJson(runCli(['policy', 'inspect', bundleFile, '--format', 'json'], { cwd: root }).stdout) as { digest: string; rules: number; signature: string };
    assert.deepEqual([json.digest, json.rules, json.signature], [digest, 1, 'unsigned (local file)']);
  });

  it('scan --policy applies the bundle: its rule fires, a disabled rule is gone, severities and suppression rules follow the policy', () => {
    const plain = runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: workspace });
    assert.equal(plain.status, 0, plain.stderr);
    const before = parseJson(plain.stdout) as { findings: JsonFinding[]; suppressed: JsonFinding[] };
    assert.deepEqual(before.findings.map((f) => `${f.startLine}:${f.ruleId}:${f.severity}`), ['2:docker-user-missing:low', '2:docker-image-latest-tag:medium']);
    // Its bulwark-ignore names docker-image-not-digest-pinned, which latest-tag supersedes on this FROM: one problem, listed once.
    assert.deepEqual(before.suppressed.map((f) => f.ruleId), []);

    const run = runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--policy', bundleFile], { cwd: workspace });
    assert.equal(run.status, 0, run.stderr);
    const after = parseJson(run.stdout) as { policy: unknown; findings: JsonFinding[]; suppressed: JsonFinding[] };
    assert.deepEqual(after.policy, { name: 'acme-policy', version: '1.2.0', digest });
    assert.deepEqual(after.findings.map((f) => `${f.startLine}:${f.ruleId}:${f.severity}`), [
      '1:bulwark-invalid-suppression:low',
      // The bundle's approved-images.yaml (from init) does not approve node:latest: one report, which
      // supersedes docker-image-not-digest-pinned on the same FROM (docs/approved-images.md).
      '2:docker-image-not-approved:high',
      '2:docker-image-latest-tag:critical',
      '3:bulwark-invalid-suppression:low',
      '4:example-run-netcat:medium',
    ]);
    assert.deepEqual(after.suppressed, []);
    const messages = after.findings.filter((f) => f.ruleId === 'bulwark-invalid-suppression').map((f) => f.message);
    assert.deepEqual(messages, [
      `Suppression comment has until=${day(200)}, more than the 30 days policy acme-policy 1.2.0 allows: it suppresses nothing.`,
      'Suppression comment names "example-run-netcat", which policy acme-policy 1.2.0 makes non-waivable: it suppresses nothing.',
    ]);
    assert.deepEqual(after.findings.find((f) => f.ruleId === 'example-run-netcat')?.provenance, {
      ruleId: 'example-run-netcat',
      packId: 'example',
      packVersion: '0.1.0',
      packSource: 'bundle',
      bundle: 'acme-policy',
      bundleVersion: '1.2.0',
      bundleDigest: digest,
      severityFrom: 'rule',
      nonWaivable: true,
    });
    assert.equal(after.findings.find((f) => f.ruleId === 'docker-image-latest-tag')?.provenance?.severityFrom, 'policy');
  });

  it('a source folder applies exactly like the tar built from it', () => {
    const fromDir = parseJson(runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--policy', bundleDir], { cwd: workspace }).stdout) as { policy: { digest: string }; findings: unknown[] };
    const fromTar = parseJson(runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--policy', bundleFile], { cwd: workspace }).stdout) as { policy: { digest: string }; findings: unknown[] };
    assert.equal(fromDir.policy.digest, digest);
    assert.deepEqual(fromDir.findings, fromTar.findings);
  });

  it('SARIF carries the provenance in result.properties and the bundle in run.automationDetails', () => {
    const run = runCli(['scan', '.', '--format', 'sarif', '--fail-on', 'none', '--policy', bundleFile], { cwd: workspace });
    assert.equal(run.status, 0, run.stderr);
    const sarif = parseJson(run.stdout) as { runs: { automationDetails: unknown; results: { ruleId: string; properties: { provenance?: { bundleDigest: string; packId: string } } }[] }[] };
    assert.deepEqual(sarif.runs[0].automationDetails, {
      id: 'bulwark/policy/acme-policy/',
      description: { text: `Policy bundle acme-policy 1.2.0 (${digest})` },
      properties: { bundle: 'acme-policy', bundleVersion: '1.2.0', bundleDigest: digest },
    });
    const netcat = sarif.runs[0].results.find((r) => r.ruleId === 'example-run-netcat');
    assert.equal(netcat?.properties.provenance?.bundleDigest, digest);
    assert.equal(netcat?.properties.provenance?.packId, 'example');
    assert.ok(sarif.runs[0].results.every((r) => r.properties.provenance?.bundleDigest === digest));
  });

  it('fails closed: an override the policy forbids, a tampered bundle, or a missing one is exit 2 with the reason', () => {
    const refused = runCli(['scan', '.', '--policy', bundleFile, '--severity-override', 'example-run-netcat=off', '--severity-override', 'docker-user-missing=high'], { cwd: workspace });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /--severity-override refused by the policy bundle\n {2}docker-user-missing: policy acme-policy 1\.2\.0 disables it; a user override cannot re-enable it\n {2}example-run-netcat: policy acme-policy 1\.2\.0 makes it non-waivable/);
    const raised = runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--policy', bundleFile, '--severity-override', 'example-run-netcat=high'], { cwd: workspace });
    assert.equal(raised.status, 0, raised.stderr);
    assert.equal((parseJson(raised.stdout) as { findings: JsonFinding[] }).findings.find((f) => f.ruleId === 'example-run-netcat')?.severity, 'high');

    const tampered = path.join(root, 'tampered.tar');
    const bytes = Buffer.from(fs.readFileSync(bundleFile));
    const at = bytes.indexOf(Buffer.from('"name":"acme-policy"'));
    assert.ok(at > 0, 'the config blob is stored uncompressed in the layout tar');
    bytes.write('"name":"evil-policy"', at);
    fs.writeFileSync(tampered, bytes);
    const bad = runCli(['scan', '.', '--policy', tampered], { cwd: workspace });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /does not match its digest \(the file was altered\)/);
    const missing = runCli(['scan', '.', '--policy', path.join(root, 'nope.tar')], { cwd: workspace });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read the policy bundle/);
  });
});
