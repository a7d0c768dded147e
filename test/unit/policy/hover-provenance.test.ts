import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine';
import { composeRuleSet } from '../../../server/src/engine/policy';
import { hoverMarkdown } from '../../../server/src/lsp/rule-docs';
import { bundleOf, corePack, NOW } from './policy-support';

// The hover shows which policy judged a finding, from the same rule set the editor analyses with.

describe('hover provenance', () => {
  const ruleSet = composeRuleSet({
    builtin: [corePack()],
    bundle: bundleOf('name: acme-policy\nversion: 1.4.0\nrules:\n  severity:\n    docker-image-latest-tag: critical\n  nonWaivable: [acme-run-netcat]\n'),
    user: [],
  }).ruleSet;
  const hover = (ruleId: string) => {
    const finding = analyze({ uri: 'Dockerfile', text: 'FROM node:latest\nRUN nc -z db 5432\n' }, ruleSet, { now: NOW }).findings.find((f) => f.ruleId === ruleId);
    assert.ok(finding, ruleId);
    return hoverMarkdown(finding, ruleSet.rules.find((r) => r.meta.id === ruleId)?.meta);
  };
  const digest = 'sha256:' + 'b'.repeat(64);

  it("names the bundle, its digest and the rule's pack for a bundle rule", () => {
    assert.ok(hover('acme-run-netcat').endsWith(`**Policy** \`acme-policy\` 1.4.0 (\`${digest}\`) · pack \`acme\` 2.1.0 · non-waivable`));
  });

  it('says when the policy set the severity of a built-in rule', () => {
    const md = hover('docker-image-latest-tag');
    assert.ok(md.startsWith('**Base image uses the latest tag or no tag** · critical'), md.slice(0, 80));
    assert.match(md, /\*\*Policy\*\* `acme-policy` 1\.4\.0 \(`sha256:b{64}`\) · pack `core` [\d.]+ · severity set by the policy$/);
  });

  it('has no policy line without a bundle', () => {
    const plain = composeRuleSet({ builtin: [corePack()], user: [] }).ruleSet;
    const finding = analyze({ uri: 'Dockerfile', text: 'FROM node:latest\n' }, plain, { now: NOW }).findings[0];
    assert.doesNotMatch(hoverMarkdown(finding, plain.rules.find((r) => r.meta.id === finding.ruleId)?.meta), /\*\*Policy\*\*/);
  });
});
