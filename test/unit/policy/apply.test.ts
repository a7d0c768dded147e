import * as assert from 'node:assert/strict';
import { builtinTemplates, LineIndex } from '../../../server/src/engine';
import { composeRuleSet, loadBundle, type LoadedBundle } from '../../../server/src/engine/policy';
import { limitOverrides } from '../../../server/src/engine/policy/enforce';
import { bundleOf, bundleTexts, corePack, findingsOf } from './policy-support';

// The merge order: built-in + bundle packs + bundle policy + user overrides, and what each layer may do.

const POLICY = [
  'name: acme-policy',
  'version: 1.4.0',
  'rules:',
  '  disabled: [docker-user-missing]',
  '  severity:',
  '    docker-image-latest-tag: critical',
  '  nonWaivable: [acme-run-netcat, docker-image-not-digest-pinned]',
  'suppressions:',
  '  maxUntilDays: 30',
  '',
].join('\n');

const DOCKERFILE = 'FROM node:latest\nRUN nc -z db 5432\n';

describe('applying a policy bundle', () => {
  const core = corePack();
  let bundle: LoadedBundle;
  before(() => (bundle = bundleOf(POLICY)));
  const compose = (overrides: Record<string, 'off' | 'critical' | 'high' | 'medium' | 'low' | 'info'> = {}) =>
    composeRuleSet({ builtin: [core], bundle, user: [], overrides: new Map(Object.entries(overrides)) });

  it('without a bundle the built-in rules run as they are', () => {
    const plain = composeRuleSet({ builtin: [core], user: [] });
    const ids = findingsOf(DOCKERFILE, plain.ruleSet).findings.map((f) => `${f.ruleId}:${f.severity}`);
    // One FROM, one finding: the latest tag supersedes the missing digest. No CMD of its own: a base image, low.
    assert.deepEqual(ids.sort(), ['docker-image-latest-tag:medium', 'docker-user-missing:low']);
  });

  it("runs the bundle's rule, drops the disabled one and applies the policy's severity", () => {
    const { ruleSet, errors, refused } = compose();
    assert.deepEqual([errors, refused], [[], []]);
    const findings = findingsOf(DOCKERFILE, ruleSet).findings;
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}:${f.severity}`).sort(),
      ['acme-run-netcat:medium', 'docker-image-latest-tag:critical'],
    );
    assert.equal(ruleSet.rules.some((r) => r.meta.id === 'docker-user-missing'), false);
  });

  it('gives every rule its provenance: pack and version, bundle digest, where the severity came from', () => {
    const { ruleSet } = compose({ 'docker-image-not-digest-pinned': 'high' });
    const meta = (id: string) => ruleSet.rules.find((r) => r.meta.id === id)?.meta.provenance;
    const bundleId = { name: 'acme-policy', version: '1.4.0', digest: 'sha256:' + 'b'.repeat(64) };
    assert.deepEqual(meta('acme-run-netcat'), { ruleId: 'acme-run-netcat', packId: 'acme', packVersion: '2.1.0', source: 'bundle', bundle: bundleId, severityFrom: 'rule', nonWaivable: true });
    assert.deepEqual(meta('docker-image-latest-tag'), { ruleId: 'docker-image-latest-tag', packId: 'core', packVersion: core.info.version, source: 'builtin', bundle: bundleId, severityFrom: 'policy', nonWaivable: false });
    assert.equal(meta('docker-image-not-digest-pinned')?.severityFrom, 'user');
    assert.deepEqual(ruleSet.bundle, bundleId);
  });

  it('lets a user raise any severity and lower or turn off a waivable rule', () => {
    const { ruleSet, refused } = compose({ 'acme-run-netcat': 'critical', 'docker-image-latest-tag': 'low', 'docker-tls-verify-disabled': 'off' });
    assert.deepEqual(refused, []);
    const severity = (id: string) => ruleSet.rules.find((r) => r.meta.id === id)?.meta.severity;
    assert.equal(severity('acme-run-netcat'), 'critical');
    assert.equal(severity('docker-image-latest-tag'), 'low');
    assert.equal(severity('docker-tls-verify-disabled'), undefined);
  });

  it('refuses a user override that lowers or turns off a non-waivable rule, or re-enables a disabled one', () => {
    const { ruleSet, refused } = compose({ 'acme-run-netcat': 'off', 'docker-image-not-digest-pinned': 'info', 'docker-user-missing': 'high' });
    assert.deepEqual(refused.map((r) => r.ruleId).sort(), ['acme-run-netcat', 'docker-image-not-digest-pinned', 'docker-user-missing']);
    assert.match(refused.find((r) => r.ruleId === 'acme-run-netcat')?.reason ?? '', /policy acme-policy 1\.4\.0 makes it non-waivable; an override may raise its severity \(medium\) but not turn it off/);
    assert.match(refused.find((r) => r.ruleId === 'docker-user-missing')?.reason ?? '', /disables it; a user override cannot re-enable it/);
    // Refused overrides change nothing.
    assert.equal(ruleSet.rules.find((r) => r.meta.id === 'acme-run-netcat')?.meta.severity, 'medium');
    assert.equal(ruleSet.rules.find((r) => r.meta.id === 'docker-image-not-digest-pinned')?.meta.severity, 'low');
  });

  it('refuses a bundle rule that redefines a built-in rule id', () => {
    const clash = loadBundle(
      bundleTexts('name: a\nversion: 1.0.0\n', { 'packs/acme/dockerfile/docker-run-sudo/rule.yaml': bundleTexts('').get('packs/acme/dockerfile/acme-run-netcat/rule.yaml')!.replace('acme-run-netcat', 'docker-run-sudo') }),
      'sha256:' + 'c'.repeat(64),
      builtinTemplates(),
    );
    assert.ok(clash.bundle);
    const { errors } = composeRuleSet({ builtin: [core], bundle: clash.bundle, user: [] });
    assert.deepEqual(errors.map((e) => e.message), ['rule "docker-run-sudo" is already defined by pack "core"']);
  });

  it('refuses a bundle pack that reuses a built-in pack id', () => {
    const texts = bundleTexts('name: a\nversion: 1.0.0\n');
    const moved = new Map([...texts].map(([p, t]) => [p.replace('packs/acme/', 'packs/core/'), p.endsWith('pack.yaml') ? t.replace('id: acme', 'id: core') : t]));
    const { bundle: same } = loadBundle(moved, 'sha256:' + 'd'.repeat(64), builtinTemplates());
    assert.ok(same);
    const { errors } = composeRuleSet({ builtin: [core], bundle: same, user: [] });
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /^pack id "core" is already used by the pack in .*rules\/core$/);
    assert.equal(errors[0].file, 'packs/core/pack.yaml');
  });
});

describe('suppressions under a policy', () => {
  const core = corePack();
  const ruleSet = composeRuleSet({ builtin: [core], bundle: bundleOf(POLICY), user: [] }).ruleSet;
  const run = (text: string) => {
    const result = findingsOf(text, ruleSet);
    const lines = new LineIndex(text);
    return {
      findings: result.findings.map((f) => `${lines.lineOf(f.span.start) + 1}:${f.ruleId}`),
      messages: result.findings.filter((f) => f.ruleId === 'bulwark-invalid-suppression').map((f) => f.message),
      suppressed: result.suppressed.map((s) => s.finding.ruleId),
    };
  };

  it('ignores and reports a bulwark-ignore on a non-waivable rule', () => {
    const out = run('FROM alpine:3.20@sha256:' + 'a'.repeat(64) + '\n# bulwark-ignore acme-run-netcat reason="health check" until=2026-02-01\nRUN nc -z db 5432\n');
    assert.deepEqual(out.findings, ['2:bulwark-invalid-suppression', '3:acme-run-netcat']);
    assert.deepEqual(out.messages, ['Suppression comment names "acme-run-netcat", which policy acme-policy 1.4.0 makes non-waivable: it suppresses nothing.']);
    assert.deepEqual(out.suppressed, []);
  });

  it('still honours the waivable ids of the same comment', () => {
    const out = run('# bulwark-ignore docker-image-latest-tag,docker-image-not-digest-pinned reason="legacy" until=2026-02-01\nFROM node:latest\n');
    assert.deepEqual(out.findings, ['1:bulwark-invalid-suppression', '2:docker-image-not-digest-pinned']);
    assert.deepEqual(out.messages, ['Suppression comment names "docker-image-not-digest-pinned", which policy acme-policy 1.4.0 makes non-waivable: that id suppresses nothing.']);
    assert.deepEqual(out.suppressed, ['docker-image-latest-tag']);
  });

  it('suppresses a waivable rule only with an until within the limit', () => {
    const text = (until: string) => `# bulwark-ignore docker-image-latest-tag reason="legacy"${until}\nFROM node:latest\n`;
    const within = run(text(' until=2026-02-14'));
    assert.deepEqual([within.findings, within.suppressed], [['2:docker-image-not-digest-pinned'], ['docker-image-latest-tag']]);
    const beyond = run(text(' until=2026-12-31'));
    // The unsuppressed latest-tag finding (medium) reports the FROM once; the digest rule's (low) is superseded.
    assert.deepEqual(beyond.findings, ['1:bulwark-invalid-suppression', '2:docker-image-latest-tag']);
    assert.deepEqual(beyond.messages, ['Suppression comment has until=2026-12-31, more than the 30 days policy acme-policy 1.4.0 allows: it suppresses nothing.']);
    const missing = run(text(''));
    assert.deepEqual(missing.messages, ['Suppression comment has no until=YYYY-MM-DD, which policy acme-policy 1.4.0 requires (at most 30 days ahead): it suppresses nothing.']);
  });

  it('without a policy the same comments suppress as before', () => {
    const plain = composeRuleSet({ builtin: [core], user: [] }).ruleSet;
    const result = findingsOf(`# bulwark-ignore docker-image-latest-tag reason="legacy" until=2026-12-31\nFROM node:latest\n`, plain);
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['docker-image-not-digest-pinned', 'docker-user-missing']);
    assert.deepEqual(result.suppressed.map((s) => s.finding.ruleId), ['docker-image-latest-tag']);
  });
});

describe('severity overrides handed to analyze() under a policy (the editor path: limitOverrides)', () => {
  const ruleSet = composeRuleSet({ builtin: [corePack()], bundle: bundleOf(POLICY), user: [] }).ruleSet;
  const given = { 'acme-run-netcat': 'off', 'docker-image-not-digest-pinned': 'info', 'docker-image-latest-tag': 'off', 'docker-run-sudo': 'critical' } as const;
  const kept = [['docker-image-latest-tag', 'off'], ['docker-run-sudo', 'critical']];

  it('drops an override that would turn off or lower a non-waivable rule, as a plain object', () => {
    const limited = limitOverrides({ severityOverrides: given as never }, ruleSet).severityOverrides as unknown;
    assert.deepEqual(Object.entries(limited as object), kept);
  });

  it('does the same for overrides held in a Map, and keeps one that raises a non-waivable rule', () => {
    const limited = limitOverrides({ severityOverrides: new Map(Object.entries(given)) }, ruleSet).severityOverrides as unknown;
    assert.ok(limited instanceof Map);
    assert.deepEqual([...limited], kept);
    const raise = new Map([['acme-run-netcat', 'critical']]);
    assert.equal(limitOverrides({ severityOverrides: raise as never }, ruleSet).severityOverrides, raise);
  });
});
