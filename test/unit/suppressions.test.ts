import * as assert from 'node:assert/strict';
import { PackLoader, analyze, buildRuleSet, onlyRules, type AnalysisResult, type RuleSet } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { PACK_YAML, TEST_TEMPLATES, ruleYaml } from './engine/test-templates';

// End to end through analyze(): which findings a bulwark-ignore comment hides, which it does not, and
// that every directive that hides nothing is itself reported by bulwark-invalid-suppression.

const NOW = new Date('2026-06-01T00:00:00Z');
const INVALID = 'bulwark-invalid-suppression';

function ruleSet(): RuleSet {
  const files = [
    { path: 'pack.yaml', text: PACK_YAML },
    { path: 'sharp-object/rule.yaml', text: ruleYaml('sharp-object', 'test-word', '{ word: needle }') },
    { path: 'pointy-thing/rule.yaml', text: ruleYaml('pointy-thing', 'test-word', '{ word: pin }') },
  ];
  const { pack, errors } = new PackLoader(TEST_TEMPLATES).load('/test', files);
  assert.deepEqual(errors, []);
  const core = onlyRules(loadRuleSet([builtinPackRoot()]).ruleSet, new Set([INVALID]));
  assert.equal(core.rules.length, 1, `${INVALID} is in the core pack`);
  const test = buildRuleSet(pack ? [pack] : []).ruleSet;
  return { rules: [...test.rules, ...core.rules], packs: [...test.packs, ...core.packs] };
}

const rules = ruleSet();
const run = (uri: string, text: string): AnalysisResult => analyze({ uri, text }, rules, { now: NOW });
const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;
const found = (r: AnalysisResult, text: string, ruleId: string): number[] => r.findings.filter((f) => f.ruleId === ruleId).map((f) => lineOf(text, f.span.start));

describe('suppressions through analyze()', () => {
  it('a valid directive hides the finding on the next statement only, and keeps its reason', () => {
    const text = '# bulwark-ignore sharp-object reason="fixture data" until=2026-12-31\nneedle\nneedle\n';
    const r = run('notes.sh', text);
    assert.deepEqual(found(r, text, 'sharp-object'), [3]);
    assert.deepEqual(r.suppressed.map((s) => [s.finding.ruleId, s.reason, s.until]), [['sharp-object', 'fixture data', '2026-12-31']]);
    assert.deepEqual(found(r, text, INVALID), []);
  });

  it('covers a whole Dockerfile instruction, continuation lines included', () => {
    const text = [
      'FROM alpine:3.20',
      '# bulwark-ignore sharp-object reason="vendored script"',
      'RUN apk add --no-cache curl \\',
      '    && echo needle \\',
      '    && echo needle',
      'RUN echo needle',
      '',
    ].join('\n');
    const r = run('Dockerfile', text);
    assert.deepEqual(found(r, text, 'sharp-object'), [6]);
    assert.equal(r.suppressed.length, 2);
  });

  it('stacked directives all apply to the statement below them; a trailing one to its own line', () => {
    const text = [
      '# bulwark-ignore sharp-object reason="a"',
      '# bulwark-ignore pointy-thing reason="b"',
      'needle pin',
      'needle  # bulwark-ignore sharp-object reason="c"',
      'needle pin',
      '',
    ].join('\n');
    const r = run('a.sh', text);
    assert.deepEqual(found(r, text, 'sharp-object'), [5]);
    assert.deepEqual(found(r, text, 'pointy-thing'), [5]);
    assert.deepEqual(r.suppressed.map((s) => s.reason).sort(), ['a', 'b', 'c']);
  });

  it('only suppresses the rules it names', () => {
    const text = '// bulwark-ignore pointy-thing reason="only the other rule"\nneedle pin\n';
    const r = run('a.js', text);
    assert.deepEqual(found(r, text, 'sharp-object'), [2]);
    assert.deepEqual(found(r, text, 'pointy-thing'), []);
  });

  it('a file-level directive suppresses the rule everywhere in the file', () => {
    const text = 'needle\nkey: value\n# bulwark-ignore-file sharp-object reason="generated file"\nneedle\n';
    const r = run('config.yaml', text);
    assert.deepEqual(found(r, text, 'sharp-object'), []);
    assert.equal(r.suppressed.length, 2);
  });

  describe('directives that suppress nothing are reported instead', () => {
    const cases: [string, string][] = [
      ['no reason', '# bulwark-ignore sharp-object'],
      ['empty reason', '# bulwark-ignore sharp-object reason=""'],
      ['expired', '# bulwark-ignore sharp-object reason="until the fix ships" until=2026-05-31'],
      ['invalid date', '# bulwark-ignore sharp-object reason="r" until=2026-13-01'],
      ['no rule id', '# bulwark-ignore reason="r"'],
      ['a peer id', '# bulwark-ignore NEEDLE_RULE reason="r"'],
      ['file level without reason', '# bulwark-ignore-file sharp-object'],
    ];
    for (const [name, directive] of cases) {
      it(name, () => {
        const text = `${directive}\nneedle\n`;
        const r = run('a.sh', text);
        assert.deepEqual(found(r, text, 'sharp-object'), [2], 'the finding is still reported');
        assert.deepEqual(found(r, text, INVALID), [1], 'and the directive is reported');
        assert.equal(r.suppressed.length, 0);
      });
    }
  });

  it('an invalid directive in a stack does not stop the valid one', () => {
    const text = '# bulwark-ignore pointy-thing\n# bulwark-ignore sharp-object reason="ok"\nneedle pin\n';
    const r = run('a.sh', text);
    assert.deepEqual(found(r, text, 'sharp-object'), []);
    assert.deepEqual(found(r, text, 'pointy-thing'), [3]);
    assert.deepEqual(found(r, text, INVALID), [1]);
  });

  it('the invalid-suppression finding can itself be suppressed, with a reason', () => {
    const text = '# bulwark-ignore-file bulwark-invalid-suppression reason="documenting directive syntax"\n# bulwark-ignore sharp-object\nneedle\n';
    const r = run('a.sh', text);
    assert.deepEqual(found(r, text, INVALID), []);
    assert.deepEqual(r.suppressed.map((s) => s.finding.ruleId), [INVALID]);
  });
});
