import * as assert from 'node:assert/strict';
import { analyze, mask, maskSecret, SecretMasker } from '../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// Secrets are masked where a value is put into a message (engine/secret-mask.ts): by where the value
// was read from when the template says so, by the secret texts otherwise; never in the template's words.

const { ruleSet } = loadRuleSet([builtinPackRoot()]);
const NOW = new Date('2026-06-01T00:00:00Z');
const TOKEN_IN_NAME = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
const TOKEN_IN_IMAGE = 'ghp_26C7e42F292c6912E7710c838347Ae178B4b';

function pod(containerName: string, image: string, env = ''): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    `  - name: ${containerName}`,
    `    image: ${image}`,
    ...(env ? ['    env:', '    - name: DB_PASSWORD', `      value: "${env}"`] : []),
    '',
  ].join('\n');
}

describe('secret masking at the source', () => {
  it('a token written inside a container name or an image reference is masked in every rule message', () => {
    const text = pod(`worker-${TOKEN_IN_NAME}`, `ghcr.io/acme/${TOKEN_IN_IMAGE}:latest`);
    const result = analyze({ uri: 'pod.yaml', text }, ruleSet, { now: NOW });
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'secret-github-token').length, 2);
    const image = result.findings.find((f) => f.ruleId === 'k8s-image-latest-tag');
    assert.equal(image?.message, 'Image "ghcr.io/acme/ghp_…(40 chars):latest" of container "worker-ghp_…(40 chars)" in Pod/web is not pinned to a version: latest (or no tag) can change under you.');
    const subjects = result.findings.filter((f) => f.message.includes('container "'));
    assert.ok(subjects.length >= 5, `${subjects.length} container findings`);
    for (const f of result.findings) {
      assert.ok(!f.message.includes(TOKEN_IN_NAME) && !f.message.includes(TOKEN_IN_IMAGE), `${f.ruleId}: ${f.message}`);
      for (const fix of f.fixes) assert.ok(!fix.title.includes(TOKEN_IN_NAME), fix.title);
    }
  });

  it('a container name that equals a password written elsewhere stays readable; the password does not', () => {
    const text = pod('analytics-db-7Kq2', 'registry.example.com/analytics:1.4.2', 'analytics-db-7Kq2');
    const result = analyze({ uri: 'pod.yaml', text }, ruleSet, { now: NOW });
    const secret = result.findings.find((f) => f.ruleId === 'k8s-env-literal-secret');
    assert.equal(secret?.message, 'Env var DB_PASSWORD of container "analytics-db-7Kq2" in Pod/web holds a literal secret (…(17 chars)). Rotate it (it may be in history); read it from a Secret.');
    const other = result.findings.find((f) => f.ruleId === 'k8s-run-as-non-root-missing');
    assert.match(other?.message ?? '', /container "analytics-db-7Kq2" of Pod\/web/);
  });

  it('in a Dockerfile, an image name that equals a password set in ENV stays readable in other rules\' messages', () => {
    const text = 'FROM analytics-db-7kq2:16\nENV DB_PASSWORD=analytics-db-7kq2\nCMD ["serve"]\n';
    const result = analyze({ uri: 'Dockerfile', text }, ruleSet, { now: NOW });
    const secret = result.findings.find((f) => f.ruleId === 'docker-secret-in-env');
    assert.match(secret?.message ?? '', /\(…\(17 chars\)\)/);
    assert.ok(!secret?.message.includes('analytics-db-7kq2'));
    for (const id of ['docker-user-missing', 'docker-image-not-digest-pinned']) {
      assert.match(result.findings.find((f) => f.ruleId === id)?.message ?? '', /"analytics-db-7kq2:16"/, id);
    }
  });

  it('a value of unknown origin is searched for every secret text; the template words are left alone', () => {
    const text = 'token: s3cr3t-value-42 and more\n';
    const masker = new SecretMasker(text, [{ start: 7, end: 22 }]);
    assert.equal(masker.fill('Value {{v}} is s3cr3t-value-42', { v: 'x=s3cr3t-value-42' }, undefined), 'Value x=…(15 chars) is s3cr3t-value-42');
    // With an origin elsewhere in the file the same text is not the secret.
    assert.equal(masker.fill('{{v}}', { v: 's3cr3t-value-42' }, { v: { start: 23, end: 26 } }), 's3cr3t-value-42');
    // With an origin over the secret it is, even when the value was rewritten on the way in.
    assert.equal(masker.fill('{{v}}', { v: 'S3CR3T' }, { v: { start: 7, end: 22 } }), '…(6 chars)');
    assert.equal(masker.text('failed near "s3cr3t-value-42"'), 'failed near "…(15 chars)"');
    assert.equal(masker.fill('{{missing}} {{constructor}}', {}, undefined), '{{missing}} {{constructor}}');
  });

  it('shows a published type prefix only, and says "1 char"', () => {
    assert.equal(maskSecret('ghp_16C7e42F292c6912E7710c838347Ae178B4a'), 'ghp_…(40 chars)');
    assert.equal(maskSecret('Zq8vW2rLx9KpT4mN'), '…(16 chars)');
    assert.equal(mask('x'), '…(1 char)');
  });

  it('notices that quote the file are masked too', () => {
    const text = `password = "Zq8vW2rLx9KpT4mN"\n`;
    const throwing = { ...ruleSet.rules[0], meta: { ...ruleSet.rules[0].meta, id: 'throws', language: 'text' as const, tags: [] }, check: () => { throw new Error('bad input "Zq8vW2rLx9KpT4mN"'); } };
    const result = analyze({ uri: 'app.py', text }, { ...ruleSet, rules: [...ruleSet.rules, throwing] }, { now: NOW });
    assert.ok(result.findings.some((f) => f.ruleId === 'secret-generic-password'));
    const notice = result.notices.find((n) => n.code === 'rule-failed');
    assert.equal(notice?.message, 'Rule throws failed on this file and was skipped: bad input "…(16 chars)"');
  });
});
