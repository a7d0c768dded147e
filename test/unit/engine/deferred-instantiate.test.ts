import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/engine';
import { instantiateRule } from '../../../server/src/engine/packs/load';
import { defineTemplate } from '../../../server/src/engine/templates/template';
import type { RuleMeta } from '../../../server/src/engine/types';
import { builtinPackRoot, loadRuleSet, loadValidatedPack } from '../../../server/src/node/rule-packs';

// A rule whose exact text the build accepted (compiledBefore) is instantiated at its first check, so a
// Dockerfile-only scan never builds the Kubernetes rules. Findings must not depend on when that happens,
// and a rule not known to the build must still be instantiated (and refused) at load.

function countingTemplate() {
  const calls = { instantiate: 0 };
  const template = defineTemplate<'text', { word: string }>({
    id: 'test-counting-word',
    language: 'text',
    description: 'Reports a word; counts how often it is instantiated.',
    paramsSchema: { type: 'object' },
    placeholders: [],
    instantiate: (params, compile) => {
      calls.instantiate++;
      const regex = compile(params.word);
      return (model, ctx) => {
        for (const m of regex.matchAll(model.text)) ctx.report({ span: { start: m.start, end: m.end } });
      };
    },
  });
  return { template, calls };
}

const META: RuleMeta = {
  id: 'counting-word',
  packId: 'test',
  title: 'Counting word',
  severity: 'high',
  confidence: 'high',
  language: 'text',
  message: 'Found it.',
  description: '',
  remediation: '',
  peers: {},
  cwe: [],
  references: [],
  tags: [],
  supersedes: [],
  implies: [],
};

describe('rules instantiated at their first check', () => {
  it('builds a rule the build accepted once, at its first check, and finds what an eager one finds', () => {
    const lazy = countingTemplate();
    const eager = countingTemplate();
    const match = { template: 'test-counting-word', params: { word: 'needle' } };
    const deferred = instantiateRule(META, match, lazy.template, { compiledBefore: true });
    const now = instantiateRule(META, match, eager.template);
    assert.equal(lazy.calls.instantiate, 0);
    assert.equal(eager.calls.instantiate, 1);
    const text = 'hay needle hay needle';
    const run = (rule: typeof now) => analyze({ uri: 'a.txt', text }, { rules: [rule], packs: [] }).findings.map((f) => [f.ruleId, f.span.start, f.span.end]);
    assert.deepEqual(run(deferred), [['counting-word', 4, 10], ['counting-word', 15, 21]]);
    assert.deepEqual(run(deferred), run(now));
    assert.equal(lazy.calls.instantiate, 1, 'instantiated once, then reused');
  });

  it('still refuses bad params at load for a rule the build did not accept', () => {
    const { template } = countingTemplate();
    assert.throws(() => instantiateRule(META, { template: template.id, params: { word: '(unclosed' } }, template), /missing closing \)|unclosed|\(/i);
  });

  it('gives the built-in pack the same findings with the snapshot (deferred) as without it', () => {
    const core = builtinPackRoot(path.join(__dirname, '../../..'));
    const deferred = loadRuleSet([core], { root: core, pack: loadValidatedPack(core).pack }).ruleSet;
    const eager = loadRuleSet([core], undefined).ruleSet;
    const examples = path.join(__dirname, '../../../examples');
    const files = ['Dockerfile', ...fs.readdirSync(path.join(examples, 'k8s')).map((f) => `k8s/${f}`)].filter((f) => fs.statSync(path.join(examples, f)).isFile());
    let total = 0;
    for (const file of files) {
      const source = { uri: file, text: fs.readFileSync(path.join(examples, file), 'utf8') };
      const expected = analyze(source, eager).findings.map((f) => [f.ruleId, f.span.start, f.span.end, f.message]);
      assert.deepEqual(analyze(source, deferred).findings.map((f) => [f.ruleId, f.span.start, f.span.end, f.message]), expected, file);
      total += expected.length;
    }
    assert.ok(total > 10, `the examples should give findings of several rules, got ${total}`);
  });
});
