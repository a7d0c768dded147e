import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine';
import { compileApprovedImages, globMatch, judgeImage, type ImageVerdict } from '../../../server/src/engine/images/approved';
import { parseImageReference } from '../../../server/src/engine/images/reference';
import { composeRuleSet, type ApprovedImages } from '../../../server/src/engine/policy';
import { onlyRules } from '../../../server/src/engine/rule-set';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// The approved-images matcher: parsed references compared as values (issue 6), one row per decision.

const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;
const LIST: ApprovedImages = {
  registries: ['registry.acme.example', 'localhost:5000'],
  images: [
    { name: 'docker.io/library/nginx', tags: ['1.27*'] },
    { name: 'gcr.io/distroless/static', digests: [DIGEST_A] },
    { name: 'quay.io/org/tool', tags: ['v2.?'], digests: [DIGEST_A] },
    { name: 'bitnami/redis' },
  ],
  replacements: [
    { from: 'docker.io/library/node', to: 'registry.acme.example/base/node:20-slim' },
    { from: 'python', tags: ['3.8*'], to: 'registry.acme.example/base/python:3.12' },
  ],
  deprecated: [{ name: 'registry.acme.example/base/node', tags: ['16*'], after: '2026-01-01', replacement: 'registry.acme.example/base/node:20-slim' }],
};
const NOW = new Date('2026-06-01T12:00:00Z');

function verdict(reference: string, list: ApprovedImages = LIST, now = NOW): ImageVerdict {
  const parsed = parseImageReference(reference);
  assert.ok(parsed.ok, `${reference} parses`);
  return judgeImage(compileApprovedImages(list), parsed.ref, now);
}

describe('approved images: matching', () => {
  const approval: [string, boolean][] = [
    ['registry.acme.example/base/node:20', true],
    ['REGISTRY.ACME.EXAMPLE/base/node:20', true], // host names are case-insensitive
    ['registry.acme.example.evil.com/base/node:20', false], // a longer host is another host
    ['registry.acme.example:5000/base/node:20', false], // another port is another registry
    ['evil.com/registry.acme.example/node:20', false], // the host is the first element only
    ['localhost:5000/app:1', true],
    ['localhost/app:1', false],
    ['nginx:1.27', true], // nginx is docker.io/library/nginx
    ['docker.io/library/nginx:1.27.3-alpine', true],
    ['index.docker.io/library/nginx:1.27', true],
    ['nginx:1.26', false],
    ['nginx', false], // no tag is latest, which 1.27* does not allow
    ['nginx@' + DIGEST_B, false], // a digest alone cannot show it meets the tag globs
    ['library/nginx:1.27', true],
    ['someone/nginx:1.27', false], // not the official image
    ['gcr.io/distroless/static@' + DIGEST_A, true],
    ['gcr.io/distroless/static:nonroot@' + DIGEST_A, true],
    ['gcr.io/distroless/static@' + DIGEST_B, false],
    ['gcr.io/distroless/static:nonroot', false],
    ['quay.io/org/tool:v2.1@' + DIGEST_A, true],
    ['quay.io/org/tool:v3.1@' + DIGEST_A, false], // both tag and digest must agree
    ['quay.io/org/tool@' + DIGEST_A, true], // a listed digest identifies the bytes exactly
    ['bitnami/redis', true], // no tags: any tag, latest included
    ['docker.io/bitnami/redis:7@' + DIGEST_B, true],
  ];
  for (const [reference, approved] of approval) {
    it(`${reference} is ${approved ? '' : 'not '}approved`, () => assert.equal(verdict(reference).approved, approved));
  }

  it('names the replacement for any tag, unless tags narrow it', () => {
    assert.equal(verdict('node:22-alpine').replacement, 'registry.acme.example/base/node:20-slim');
    assert.equal(verdict('docker.io/library/node').replacement, 'registry.acme.example/base/node:20-slim');
    assert.equal(verdict('python:3.8-slim').replacement, 'registry.acme.example/base/python:3.12');
    assert.equal(verdict('python:3.12').replacement, undefined);
    assert.equal(verdict('registry.acme.example/library/node:22').replacement, undefined);
  });

  it('deprecation: a warning before the date, due after it, with its replacement', () => {
    assert.deepEqual(verdict('registry.acme.example/base/node:16.20', LIST, new Date('2025-12-31T23:00:00Z')).deprecated, { after: '2026-01-01', due: false });
    assert.deepEqual(verdict('registry.acme.example/base/node:16.20', LIST, new Date('2026-01-01T23:00:00Z')).deprecated, { after: '2026-01-01', due: false });
    assert.deepEqual(verdict('registry.acme.example/base/node:16.20').deprecated, { after: '2026-01-01', due: true });
    assert.equal(verdict('registry.acme.example/base/node:16.20').replacement, 'registry.acme.example/base/node:20-slim');
    assert.equal(verdict('registry.acme.example/base/node:18').deprecated, undefined);
  });

  it('requireDigest: any reference without a digest', () => {
    const strict = { ...LIST, requireDigest: true };
    assert.equal(verdict('registry.acme.example/base/node:20', strict).digestRequired, true);
    assert.equal(verdict(`registry.acme.example/base/node:20@${DIGEST_A}`, strict).digestRequired, false);
    assert.equal(verdict('registry.acme.example/base/node:20').digestRequired, false);
  });

  it('an empty list approves nothing', () => assert.equal(verdict('registry.acme.example/x:1', {}).approved, false));

  const globs: [string, string, boolean][] = [
    ['1.27*', '1.27', true],
    ['1.27*', '1.27.3-alpine', true],
    ['1.27*', '1.2', false],
    ['*-slim', '20-slim', true],
    ['*-slim', '20-slim-x', false],
    ['v?.1', 'v2.1', true],
    ['v?.1', 'v10.1', false],
    ['*', '', true],
    ['a*b*c', 'aXbYbZc', true],
    ['a*b*c', 'aXbYc1', false],
    ['1.27', '1.27.1', false],
  ];
  for (const [glob, text, expected] of globs) it(`glob ${glob} ${expected ? 'matches' : 'does not match'} "${text}"`, () => assert.equal(globMatch(glob, text), expected));
});

describe('approved images: through analyze()', () => {
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  const rules = onlyRules(ruleSet, new Set(['docker-image-not-approved', 'docker-image-deprecated', 'docker-image-not-digest-pinned']));
  const run = (text: string, approvedImages?: ApprovedImages, now = NOW) =>
    analyze({ uri: 'Dockerfile', text }, rules, { now, approvedImages }).findings.map((f) => `${f.ruleId} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);

  it('without a list the approved-image rules are silent; the digest rule keeps its old behaviour', () => {
    assert.deepEqual(run('FROM node:22\n'), ['docker-image-not-digest-pinned low node:22']);
  });
  it('an unapproved image is reported once, with the replacement in the message', () => {
    const findings = analyze({ uri: 'Dockerfile', text: 'FROM node:22\n' }, rules, { now: NOW, approvedImages: { ...LIST, requireDigest: true } }).findings;
    assert.deepEqual(findings.map((f) => [f.ruleId, f.message]), [['docker-image-not-approved', 'Image "node:22" is not an approved image. Use "registry.acme.example/base/node:20-slim" instead.']]);
    assert.deepEqual(findings[0].fixes.map((f) => [f.kind, f.edits[0].newText]), [['suggestion', 'registry.acme.example/base/node:20-slim']]);
  });
  it('approved and pinned is quiet; approved but unpinned follows requireDigest', () => {
    assert.deepEqual(run(`FROM registry.acme.example/base/node:20@${DIGEST_A}\n`, { ...LIST, requireDigest: true }), []);
    assert.deepEqual(run('FROM registry.acme.example/base/node:20\n', LIST), []);
    assert.deepEqual(run('FROM registry.acme.example/base/node:20\n', { ...LIST, requireDigest: true }), ['docker-image-not-digest-pinned low registry.acme.example/base/node:20']);
  });
  it('a deprecated image is medium before its date and the rule severity after', () => {
    const text = 'FROM registry.acme.example/base/node:16\n';
    assert.deepEqual(run(text, LIST, new Date('2025-06-01T00:00:00Z')), ['docker-image-deprecated medium registry.acme.example/base/node:16']);
    assert.deepEqual(run(text, LIST), ['docker-image-deprecated high registry.acme.example/base/node:16']);
  });
  it('the rule set carries a bundle list; analyze options win over it', () => {
    const withList = { ...rules, approvedImages: { registries: ['quay.io'] } };
    const found = (approvedImages?: ApprovedImages) => analyze({ uri: 'Dockerfile', text: 'FROM quay.io/a/b:1\n' }, withList, { now: NOW, approvedImages }).findings.map((f) => f.ruleId);
    assert.deepEqual(found(), []);
    assert.deepEqual(found({ registries: ['ghcr.io'] }), ['docker-image-not-approved']);
  });
  it('the replacement fix pins the digest only when the caller supplies the one the registry serves', () => {
    const fixText = (imageDigests?: ReadonlyMap<string, string>) =>
      analyze({ uri: 'Dockerfile', text: 'FROM node:22\n' }, rules, { now: NOW, approvedImages: LIST, imageDigests }).findings[0].fixes.map((f) => f.edits[0].newText);
    assert.deepEqual(fixText(), ['registry.acme.example/base/node:20-slim']);
    assert.deepEqual(fixText(new Map([['registry.acme.example/base/node:20-slim', DIGEST_B]])), [`registry.acme.example/base/node:20-slim@${DIGEST_B}`]);
    assert.deepEqual(fixText(new Map([['registry.acme.example/base/node:22', DIGEST_B]])), ['registry.acme.example/base/node:20-slim']);
  });
  it('a policy bundle carries its list into the composed rule set', () => {
    const packs = ruleSet.packs.map((info) => ({ info, rules: ruleSet.rules.filter((r) => r.meta.packId === info.id) }));
    const identity = { name: 'acme', version: '1.0.0', digest: DIGEST_A };
    const policy = { name: 'acme', version: '1.0.0', disabled: new Set<string>(), severity: new Map(), nonWaivable: new Set<string>(), references: [] };
    const composed = composeRuleSet({ builtin: packs, user: [], bundle: { policy, packs: [], identity, approvedImages: { registries: ['quay.io'] } } });
    assert.deepEqual(composed.ruleSet.approvedImages, { registries: ['quay.io'] });
    assert.equal(composeRuleSet({ builtin: packs, user: [], bundle: { policy, packs: [], identity } }).ruleSet.approvedImages, undefined);
  });
});
