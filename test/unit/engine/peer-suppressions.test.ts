import * as assert from 'node:assert/strict';
import { analyze, type AnalysisResult, type RuleSet } from '../../../server/src/engine';
import { normalisePeerId } from '../../../server/src/engine/peer-suppressions';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// Peers' suppression comments, honoured only on request, through each rule's `peers:` mapping.

const { ruleSet } = loadRuleSet([builtinPackRoot()]);
const NOW = new Date('2026-06-01T00:00:00Z');

function run(uri: string, text: string, honor = true, rules: RuleSet = ruleSet): AnalysisResult {
  return analyze({ uri, text }, rules, { now: NOW, honorPeerSuppressions: honor });
}
const ids = (r: AnalysisResult, id: string) => ({ kept: r.findings.filter((f) => f.ruleId === id).length, suppressed: r.suppressed.filter((s) => s.finding.ruleId === id).map((s) => s.reason) });

function deployment(name: string, containerComment = '', podComment = ''): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${podComment}spec:\n  template:\n    spec:\n      containers:\n${containerComment}        - name: agent\n          image: agent:1.0\n          securityContext:\n            privileged: true\n`;
}

describe('peer suppressions (honorPeerSuppressions)', () => {
  it('hadolint ignore= covers the next instruction, continuation lines included, for rules mapped to that DL id', () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL3002,DL3008\nUSER \\\n  root\nCMD ["x"]\n';
    assert.deepEqual(ids(run('Dockerfile', text), 'docker-user-root'), { kept: 0, suppressed: ['hadolint: # hadolint ignore=DL3002,DL3008'] });
    assert.deepEqual(ids(run('Dockerfile', text, false), 'docker-user-root'), { kept: 1, suppressed: [] }, 'opt-in: off by default');
    assert.deepEqual(ids(run('Dockerfile', text.replace('DL3002,', '')), 'docker-user-root'), { kept: 1, suppressed: [] }, 'another id suppresses nothing');
    const global = '# hadolint global ignore=DL3002\nFROM debian:12\nRUN true\nUSER root\n';
    assert.equal(ids(run('Dockerfile', global), 'docker-user-root').kept, 0);
  });

  it('checkov:skip covers the YAML document it is in, with its reason', () => {
    const skipped = deployment('calico-node', '', '  # checkov:skip=CKV_K8S_16:the CNI agent must be privileged\n');
    const text = `${skipped}---\n${deployment('other')}`;
    const result = run('ds.yaml', text);
    assert.deepEqual(ids(result, 'k8s-privileged-container'), { kept: 1, suppressed: ['checkov: the CNI agent must be privileged (# checkov:skip=CKV_K8S_16:the CNI agent must be privileged)'] });
    assert.match(result.findings.find((f) => f.ruleId === 'k8s-privileged-container')?.message ?? '', /Deployment\/other/);
  });

  it('kics-scan ignore-line covers the next line for every rule with a kics peer; ignore-block its block', () => {
    const line = deployment('a').replace('            privileged: true', '            # kics-scan ignore-line\n            privileged: true');
    assert.deepEqual(ids(run('d.yaml', line), 'k8s-privileged-container').suppressed, ['kics: # kics-scan ignore-line']);
    const block = deployment('a', '        # kics-scan ignore-block\n');
    const result = run('d.yaml', block);
    assert.equal(ids(result, 'k8s-privileged-container').kept, 0);
    assert.ok(result.suppressed.length >= 2, 'every kics-mapped rule on the container is suppressed');
  });

  it('trivy:ignore covers the next line and the block it opens; an expired exp: suppresses nothing; id spellings agree', () => {
    for (const id of ['KSV-0017', 'KSV017', 'AVD-KSV-0017']) {
      const text = deployment('a', `        # trivy:ignore:${id}\n`);
      assert.deepEqual(ids(run('d.yaml', text), 'k8s-privileged-container'), { kept: 0, suppressed: [`trivy: # trivy:ignore:${id}`] }, id);
    }
    const expired = deployment('a', '        #trivy:ignore:KSV-0017:exp:2026-01-01\n');
    assert.equal(ids(run('d.yaml', expired), 'k8s-privileged-container').kept, 1);
    const future = deployment('a', '        #trivy:ignore:KSV-0017:exp:2026-12-31\n');
    assert.equal(ids(run('d.yaml', future), 'k8s-privileged-container').kept, 0);
    assert.equal(normalisePeerId('ksv-17'), normalisePeerId('KSV-0017'));
    assert.notEqual(normalisePeerId('KSV-0017'), normalisePeerId('KSV-0117'));
  });

  it('never waives a non-waivable rule, and a policy that requires until= dates refuses peer comments', () => {
    const text = deployment('a', '        # trivy:ignore:KSV-0017\n');
    const strict = { ...ruleSet, suppressionPolicy: { nonWaivable: new Set(['k8s-privileged-container']), source: 'policy acme 1.0.0' } };
    assert.equal(ids(run('d.yaml', text, true, strict), 'k8s-privileged-container').kept, 1);
    const dated = { ...ruleSet, suppressionPolicy: { nonWaivable: new Set<string>(), maxUntilDays: 30, source: 'policy acme 1.0.0' } };
    assert.equal(ids(run('d.yaml', text, true, dated), 'k8s-privileged-container').kept, 1);
  });
});
