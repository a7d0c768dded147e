import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCliBuilt, parseJson, removeDir, runCli } from './cli-harness';

// bulwark scan with an approved-images list, from --approved-images or from a policy bundle folder.

const LIST = `registries: [registry.acme.example]
replacements:
  - from: docker.io/library/node
    to: registry.acme.example/base/node:20-slim
requireDigest: true
`;
const DIGEST = `sha256:${'c'.repeat(64)}`;
const DOCKERFILE = `FROM node:22 AS build
FROM registry.acme.example.evil.com/base/node:20
FROM registry.acme.example/base/node:20
FROM registry.acme.example/base/node:20@${DIGEST}
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: registry.acme.example:5000/web:1
        - name: ok
          image: registry.acme.example/web:1@${DIGEST}
`;
const IMAGE_RULES = /image-not-approved|image-not-digest-pinned|image-deprecated/;

interface JsonReport {
  findings: { path: string; ruleId: string; startLine: number; message: string }[];
}

describe('bulwark scan --approved-images', function () {
  this.timeout(120_000);
  let root: string;

  before(() => {
    ensureCliBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-approved-'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'Dockerfile'), DOCKERFILE);
    fs.writeFileSync(path.join(root, 'src', 'deploy.yaml'), DEPLOYMENT);
    fs.writeFileSync(path.join(root, 'approved-images.yaml'), LIST);
  });
  after(() => removeDir(root));

  const imageFindings = (stdout: string): string[] =>
    (parseJson(stdout) as JsonReport).findings
      .map((x) => `${path.basename(x.path)}:${x.startLine} ${x.ruleId}`)
      .filter((line) => IMAGE_RULES.test(line))
      .sort();

  it('judges every FROM and image against the list, with the replacement named', () => {
    const run = runCli(['scan', 'src', '--approved-images', 'approved-images.yaml', '-f', 'json', '--fail-on', 'none'], { cwd: root });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(imageFindings(run.stdout), [
      'Dockerfile:1 docker-image-not-approved',
      'Dockerfile:2 docker-image-not-approved',
      'Dockerfile:3 docker-image-not-digest-pinned',
      'deploy.yaml:10 k8s-image-not-approved',
    ]);
    const messages = (parseJson(run.stdout) as JsonReport).findings.map((x) => x.message);
    assert.ok(messages.includes('Image "node:22" is not an approved image. Use "registry.acme.example/base/node:20-slim" instead.'), messages.join('\n'));
  });

  it('without a list the approved-image rules are silent', () => {
    const run = runCli(['scan', 'src', '-f', 'json', '--fail-on', 'none'], { cwd: root });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(imageFindings(run.stdout), ['Dockerfile:1 docker-image-not-digest-pinned', 'Dockerfile:2 docker-image-not-digest-pinned', 'Dockerfile:3 docker-image-not-digest-pinned']);
  });

  it('an invalid list is exit 2 with file:line errors', () => {
    fs.writeFileSync(path.join(root, 'bad.yaml'), 'registries: [registry.acme.example]\nimagez: []\ndeprecated:\n  - name: nginx\n    after: soon\n');
    const run = runCli(['scan', 'src', '--approved-images', 'bad.yaml'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /bad\.yaml:2: .*imagez/);
    assert.match(run.stderr, /bad\.yaml:5: /);
  });

  it('a missing list is exit 2', () => {
    const run = runCli(['scan', 'src', '--approved-images', 'missing.yaml'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot read missing\.yaml: ENOENT/);
  });

  it("a policy bundle's list is in force, and the command line cannot replace it", () => {
    const bundle = path.join(root, 'bundle');
    fs.mkdirSync(bundle);
    fs.writeFileSync(path.join(bundle, 'policy.yaml'), 'name: acme-policy\nversion: 1.0.0\n');
    fs.writeFileSync(path.join(bundle, 'approved-images.yaml'), 'registries: ["registry.acme.example:5000"]\n');
    const run = runCli(['scan', 'src', '--policy', bundle, '-f', 'json', '--fail-on', 'none'], { cwd: root });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(imageFindings(run.stdout), [
      'Dockerfile:1 docker-image-not-approved',
      'Dockerfile:2 docker-image-not-approved',
      'Dockerfile:3 docker-image-not-approved',
      'Dockerfile:4 docker-image-not-approved',
      'deploy.yaml:12 k8s-image-not-approved',
    ]);
    const refused = runCli(['scan', 'src', '--policy', bundle, '--approved-images', 'approved-images.yaml'], { cwd: root });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /already carries approved-images\.yaml/);
  });
});
