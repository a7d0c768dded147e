import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureCliBuilt, parseJson, removeDir, REPO, runCli } from './cli-harness';
import { tempDir } from './in-process';

// The same CLI on the built-in pack and the bundled examples (the README quick start). Nothing here is
// skipped: the core pack has secret detectors and autofixes, and every test asserts on them.

const EXAMPLES = path.join(REPO, 'examples');

/** Every fake credential in examples/: none may appear in any report. Split so scanning this file stays quiet. */
const EXAMPLE_SECRETS = [
  'AKIA' + 'Q3ZT7XKR4WFAKE42',
  'bulwarkFAKEsecretKEY/q7Wz3kPz9RtLm2Xv8Nc',
  'bulwark-demo-Pa55w0rd-not-real',
  's3rv1ce-Pa55-bulwark-fake',
  'ghp_' + 'BulwarkFakeTokenQ7mZr3xW9kLp2V1sHUIE',
];

interface JsonReport {
  summary: { failing: number };
  files: { path: string }[];
  findings: { path: string; ruleId: string; severity: string; fixes: { kind: string }[] }[];
}

interface RulesJson {
  rules: { id: string; tags: string[]; language: string; hasFix: boolean }[];
}

function scanExamples(format: string, ...args: string[]) {
  return runCli(['scan', 'examples', '--format', format, ...args], { cwd: REPO });
}

describe('bulwark CLI: built-in pack on examples/', function () {
  let rules: RulesJson;
  before(() => {
    ensureCliBuilt();
    const listed = runCli(['rules', '--format', 'json'], { cwd: REPO });
    assert.equal(listed.status, 0, `the built-in pack must load: ${listed.stderr}`);
    rules = parseJson(listed.stdout) as RulesJson;
  });

  it('the example credentials are all present in examples/ (so the leak checks below mean something)', () => {
    const all = ['app/config.py', 'app/.env', 'k8s/deployment.yaml', 'Dockerfile'].map((f) => fs.readFileSync(path.join(EXAMPLES, f), 'utf8')).join('\n');
    for (const secret of EXAMPLE_SECRETS) assert.ok(all.includes(secret), secret.slice(0, 4));
    assert.ok(!all.includes('AKIA' + 'IOSFODNN7EXAMPLE'), 'the documented AWS example key is allow-listed by detectors');
  });

  it('scans the examples, exits by --fail-on, and reports the Dockerfile base image', () => {
    const run = scanExamples('json');
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const report = parseJson(run.stdout) as JsonReport;
    assert.equal(run.status, report.summary.failing > 0 ? 1 : 0);
    assert.ok(report.files.some((f) => f.path === 'examples/app/.env'), 'dotfiles are scanned');
    assert.ok(report.findings.some((f) => f.path === 'examples/Dockerfile' && f.ruleId === 'docker-image-latest-tag'));
    const clean = report.findings.filter((f) => f.path === 'examples/k8s/service.yaml' || f.path === 'examples/app/settings.py');
    assert.deepEqual(clean, [], 'the clean examples stay clean');
    assert.equal(scanExamples('text', '--fail-on', 'none').status, 0);
  });

  it('flags the example secrets without printing them in any format', function () {
    this.timeout(60_000); // four CLI runs; under a loaded machine each takes seconds
    const secretRules = rules.rules.filter((r) => r.tags.includes('secret'));
    for (const format of ['text', 'json', 'sarif']) {
      const run = scanExamples(format, '--fail-on', 'none');
      assert.equal(run.status, 0, run.stderr);
      for (const secret of EXAMPLE_SECRETS) assert.ok(!(run.stdout + run.stderr).includes(secret), `${format} output leaks ${secret.slice(0, 4)}…`);
    }
    assert.ok(secretRules.length > 0, 'the core pack has secret rules');
    const report = parseJson(scanExamples('json', '--fail-on', 'none').stdout) as JsonReport;
    const ids = secretRules.map((r) => r.id);
    const flagged = new Set(report.findings.filter((f) => ids.includes(f.ruleId)).map((f) => f.path));
    assert.ok(flagged.size > 0, `secret rules ${ids.join(', ')} flag nothing in examples/`);
    if (secretRules.some((r) => r.language === 'text')) {
      assert.ok(flagged.has('examples/app/config.py') && flagged.has('examples/app/.env'), `text secret rules flag only ${[...flagged].join(', ')}`);
    }
  });

  it('--fix applies the core autofixes to a CRLF + BOM copy of the examples and keeps both', function () {
    const report = parseJson(scanExamples('json', '--fail-on', 'none').stdout) as JsonReport;
    const fixable = report.findings.filter((f) => f.fixes.some((x) => x.kind === 'autofix'));
    assert.ok(fixable.length > 0, 'core rules offer autofixes on examples/');
    const files: Record<string, Buffer> = {};
    for (const rel of new Set(fixable.map((f) => f.path))) {
      const text = fs.readFileSync(path.join(REPO, rel), 'utf8').replace(/\r?\n/g, '\r\n');
      files[rel] = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    }
    const dir = tempDir(files);
    try {
      const run = runCli(['scan', ...Object.keys(files), '--fix', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
      assert.equal(run.status, 0, run.stderr);
      const after = parseJson(run.stdout) as JsonReport & { summary: { fixesApplied: number } };
      assert.ok(after.summary.fixesApplied > 0);
      assert.deepEqual(after.findings.filter((f) => f.fixes.some((x) => x.kind === 'autofix')), [], 'nothing autofixable remains');
      for (const rel of Object.keys(files)) {
        const written = fs.readFileSync(path.join(dir, rel));
        assert.deepEqual([...written.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${rel} keeps its BOM`);
        assert.ok(!/(^|[^\r])\n/.test(written.toString('utf8')), `${rel} keeps CRLF everywhere`);
      }
    } finally {
      removeDir(dir);
    }
  });
});

/** A CNI agent as calico ships it: it must run privileged, or no pod on the node gets a network. */
const CALICO_NODE = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: calico-node
  namespace: kube-system
spec:
  selector:
    matchLabels: { k8s-app: calico-node }
  template:
    metadata:
      labels: { k8s-app: calico-node }
    spec:
      hostNetwork: true
      initContainers:
        - name: install-cni
          image: docker.io/calico/cni:v3.28.0
          securityContext:
            privileged: true
      containers:
        - name: calico-node
          image: docker.io/calico/node:v3.28.0
          securityContext:
            privileged: true
            allowPrivilegeEscalation: true
            procMount: Unmasked
            seccompProfile:
              type: Unconfined
            capabilities:
              add: [NET_ADMIN, SYS_ADMIN]
          volumeMounts:
            - { name: lib-modules, mountPath: /lib/modules, readOnly: true }
      volumes:
        - name: lib-modules
          hostPath: { path: /lib/modules }
`;

describe('bulwark CLI: --fix never changes what a workload does', function () {
  before(() => ensureCliBuilt());

  it('leaves privileged: true (and every other securityContext field) on a calico-node DaemonSet, offering suggestions instead', () => {
    const dir = tempDir({ 'calico-node.yaml': CALICO_NODE });
    try {
      const run = runCli(['scan', '.', '--fix', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'calico-node.yaml'), 'utf8'), CALICO_NODE, 'the file is byte for byte unchanged');
      const report = parseJson(run.stdout) as JsonReport & { summary: { fixesApplied: number } };
      assert.equal(report.summary.fixesApplied, 0);
      const privileged = report.findings.filter((f) => f.ruleId === 'k8s-privileged-container');
      assert.equal(privileged.length, 2, 'both privileged containers are still reported');
      assert.ok(privileged.every((f) => f.fixes.length > 0 && f.fixes.every((x) => x.kind === 'suggestion')), 'a person can still choose the change');
      assert.deepEqual(report.findings.filter((f) => f.fixes.some((x) => x.kind === 'autofix')).map((f) => f.ruleId), []);
    } finally {
      removeDir(dir);
    }
  });
});

describe('bulwark CLI: --honor-peer-suppressions', function () {
  before(() => ensureCliBuilt());

  it('honours a checkov skip and a hadolint ignore only when asked, and lists them in SARIF as suppressed with their reason', () => {
    const manifest = CALICO_NODE.replace('  name: calico-node\n', '  name: calico-node\n  # checkov:skip=CKV_K8S_16:CNI agent, runs privileged by design\n');
    const dir = tempDir({ 'calico-node.yaml': manifest, Dockerfile: 'FROM debian:12\n# hadolint ignore=DL3002\nUSER root\nCMD ["x"]\n' });
    try {
      const sarif = (...extra: string[]) => {
        const run = runCli(['scan', '.', '--format', 'sarif', '--fail-on', 'none', ...extra], { cwd: dir });
        assert.equal(run.status, 0, run.stderr);
        return (parseJson(run.stdout) as { runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[] }).runs[0].results;
      };
      const plain = sarif();
      assert.deepEqual(plain.filter((r) => r.suppressions).map((r) => r.ruleId), [], 'off by default');
      const honoured = sarif('--honor-peer-suppressions');
      const suppressed = honoured.filter((r) => r.suppressions).map((r) => [r.ruleId, r.suppressions?.[0].kind, r.suppressions?.[0].justification]);
      assert.deepEqual(suppressed.sort(), [
        ['docker-user-root', 'inSource', 'hadolint: # hadolint ignore=DL3002'],
        ['k8s-privileged-container', 'inSource', 'checkov: CNI agent, runs privileged by design (# checkov:skip=CKV_K8S_16:CNI agent, runs privileged by design)'],
        ['k8s-privileged-container', 'inSource', 'checkov: CNI agent, runs privileged by design (# checkov:skip=CKV_K8S_16:CNI agent, runs privileged by design)'],
      ]);
    } finally {
      removeDir(dir);
    }
  });
});
