import * as assert from 'node:assert/strict';
import { builtinTemplates } from '../../../server/src/engine';
import { composeRuleSet } from '../../../server/src/engine/policy';
import { decodePrepared, encodePrepared, validationFingerprint } from '../../../server/src/node/policy/prepared-bundle';
import { bundleOf, corePack, findingsOf } from './policy-support';

// The validated form of a cached bundle (what start-up reads instead of re-validating YAML): it must give
// back the same bundle (same policy, same rules, same findings), and refuse itself whenever it is damaged,
// belongs to another digest, or was validated by another Bulwark build; then the caller reads the tar.

const POLICY = [
  'name: acme-policy',
  'version: 1.4.0',
  'description: ACME policy',
  'minEngineVersion: 0.1.0',
  'rules:',
  '  disabled: [docker-user-missing]',
  '  severity: { acme-run-netcat: critical }',
  '  nonWaivable: [acme-run-netcat]',
  'suppressions:',
  '  maxUntilDays: 30',
  '',
].join('\n');
const APPROVED = 'registries: [registry.acme.example]\nrequireDigest: true\n';
const DOCKERFILE = 'FROM alpine:3.20\nRUN nc -z db 5432 # bulwark-ignore acme-run-netcat reason="x" until=2026-01-20\n';

describe('prepared policy bundle (cached start-up form)', () => {
  const templates = builtinTemplates();
  const validation = validationFingerprint('0.1.0', templates);
  const original = bundleOf(POLICY, { 'approved-images.yaml': APPROVED });
  const digest = original.identity.digest;
  const bytes = () => encodePrepared(original, validation) as Buffer;

  it('restores the same policy, approved images and rules, and gives the same findings', () => {
    const decoded = decodePrepared(bytes(), { digest, validation }, templates);
    assert.ok('bundle' in decoded, JSON.stringify(decoded));
    const restored = decoded.bundle;
    assert.deepEqual(restored.identity, original.identity);
    assert.deepEqual(restored.policy, original.policy);
    assert.deepEqual(restored.approvedImages, { registries: ['registry.acme.example'], requireDigest: true });
    assert.deepEqual(restored.packs.map((p) => p.info), original.packs.map((p) => p.info));
    // JSON leaves out keys whose value is undefined (`docs`, `fix`): the same meta to every reader.
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    assert.deepEqual(restored.packs[0].rules.map((r) => r.meta), plain(original.packs[0].rules.map((r) => r.meta)));
    const core = corePack();
    const findings = (bundle: typeof original) => {
      const { ruleSet, errors } = composeRuleSet({ builtin: [core], bundle, user: [] });
      assert.deepEqual(errors, []);
      return findingsOf(DOCKERFILE, ruleSet);
    };
    const before = findings(original);
    const after = findings(restored);
    // The non-waivable rule ignores its suppression, at the policy's severity; the disabled rule stays off.
    const netcat = after.findings.filter((f) => f.ruleId === 'acme-run-netcat');
    assert.equal(netcat.length, 1);
    assert.equal(netcat[0].severity, 'critical');
    assert.deepEqual(netcat[0].span, { start: 21, end: 23 });
    assert.ok(!after.findings.some((f) => f.ruleId === 'docker-user-missing'));
    assert.deepEqual(after.findings, before.findings);
    assert.deepEqual(after.suppressed, before.suppressed);
  });

  it('is refused when a byte of the body changes', () => {
    const damaged = bytes();
    const at = damaged.indexOf('acme-run-netcat', damaged.indexOf('\n'));
    damaged[at] = 'b'.charCodeAt(0);
    assert.deepEqual(decodePrepared(damaged, { digest, validation }, templates), { problem: 'the file does not match its checksum' });
  });

  it('is refused when cut short, or when it is not a prepared bundle at all', () => {
    const full = bytes();
    assert.ok('problem' in decodePrepared(full.subarray(0, full.length - 10), { digest, validation }, templates));
    assert.ok('problem' in decodePrepared(Buffer.from('{"format":"x"}'), { digest, validation }, templates));
    assert.ok('problem' in decodePrepared(Buffer.from('not json\n{}'), { digest, validation }, templates));
  });

  it('is used only for the digest it was derived from', () => {
    const other = 'sha256:' + 'c'.repeat(64);
    const decoded = decodePrepared(bytes(), { digest: other, validation }, templates);
    assert.ok('problem' in decoded && decoded.problem.includes(other));
  });

  it('is used only by the Bulwark build that validated it', () => {
    const newer = validationFingerprint('0.2.0', templates);
    assert.notEqual(newer, validation);
    assert.deepEqual(decodePrepared(bytes(), { digest, validation: newer }, templates), { problem: 'validated by another Bulwark build' });
    // A template whose params schema changed is another validation, even at the same version.
    const changed = new Map(templates);
    const run = changed.get('dockerfile-run-command');
    assert.ok(run);
    changed.set(run.id, { ...run, paramsSchema: { ...run.paramsSchema, maxProperties: 3 } });
    assert.notEqual(validationFingerprint('0.1.0', changed), validation);
  });

  it('reports a template this build lacks as a problem, never an exception', () => {
    const fewer = new Map([...templates].filter(([id]) => id !== 'dockerfile-run-command'));
    const decoded = decodePrepared(bytes(), { digest, validation }, fewer);
    assert.ok('problem' in decoded && /unknown template "dockerfile-run-command"/.test(decoded.problem), JSON.stringify(decoded));
  });
});
