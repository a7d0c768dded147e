import * as assert from 'node:assert/strict';
import { PackLoader, buildRuleSet, type RuleSet } from '../../../server/src/engine';
import { parseAnnotations } from '../../../server/src/engine/testing/annotations';
import { checkFixture } from '../../../server/src/engine/testing/fixtures';
import { PACK_YAML, TEST_TEMPLATES, ruleYaml } from './test-templates';

// The harness must fail loudly when a fixture and the rule disagree, or it proves nothing.

function ruleSet(withFix: boolean): RuleSet {
  const text = ruleYaml('word-rule', 'test-word', '{ word: needle }', withFix ? 'fix: {}\n' : '');
  const { pack } = new PackLoader(TEST_TEMPLATES).load('/t', [{ path: 'pack.yaml', text: PACK_YAML }, { path: 'word-rule/rule.yaml', text }]);
  return buildRuleSet(pack ? [pack] : []).ruleSet;
}

const now = new Date('2026-06-01');
const check = (text: string, golden?: string, withFix = false) => checkFixture({ ruleId: 'word-rule', ruleSet: ruleSet(withFix), name: 'f.sh', text, golden, now });

describe('fixture harness', () => {
  it('passes when annotations match findings', () => {
    assert.deepEqual(check('# expect: word-rule@1-7\nneedle\nhay\n').failures, []);
  });

  it('fails on a missing expected finding', () => {
    assert.match(check('# expect: word-rule@1-7\nhay\n').failures.join(), /expected 1 word-rule finding\(s\) on this line, got 0: none/);
  });

  it('fails when the finding starts or ends at another column, and says where it is', () => {
    assert.deepEqual(check('# expect: word-rule@2-8\n needle\n').failures, []);
    assert.match(check('# expect: word-rule@1-7\n needle\n').failures.join(), /expected word-rule@1-7, got word-rule@2-8/);
    assert.match(check('# expect: word-rule@2-9\n needle\n').failures.join(), /expected word-rule@2-9, got word-rule@2-8/);
    assert.deepEqual(check('# expect: word-rule@2\n needle\n').failures, [], 'the start column alone is enough');
  });

  it('counts findings: a rule that reports twice on a line fails one annotation, passes two', () => {
    assert.match(check('# expect: word-rule@1-7\nneedle needle\n').failures.join(), /expected 1 word-rule finding\(s\) on this line, got 2: word-rule@1-7, word-rule@8-14/);
    assert.deepEqual(check('# expect: word-rule@8-14, word-rule@1-7\nneedle needle\n').failures, []);
    assert.match(check('# expect: word-rule@1-7, word-rule@1-7\nneedle needle\n').failures.join(), /expected word-rule@1-7, word-rule@1-7, got word-rule@1-7, word-rule@8-14/);
  });

  it('requires a column on every expected finding', () => {
    assert.match(check('# expect: word-rule\nneedle\n').failures.join(), /needs its column .*found: word-rule@1-7/);
  });

  it('suggests the exact annotation for an unannotated finding', () => {
    assert.match(check('x needle\n').failures.join(), /add # expect: word-rule@3-9 above it/);
  });

  it('fails on an unannotated finding', () => {
    assert.match(check('needle\n').failures.join(), /unexpected word-rule finding/);
  });

  it('fails when expect-not fires', () => {
    assert.match(check('# expect-not: word-rule\nneedle\n').failures.join(), /expected no word-rule finding/);
  });

  it('asks to promote a todo-expect that is now found', () => {
    assert.match(check('# todo-expect: word-rule\nneedle\n').failures.join(), /promote it/);
  });

  it('requires a golden when the rule has a fix, and compares it', () => {
    assert.match(check('# expect: word-rule@1-7\nneedle\n', undefined, true).failures.join(), /golden is required/);
    assert.match(check('# expect: word-rule@1-7\nneedle\n', 'wrong\n', true).failures.join(), /differs from the golden/);
    const ok = check('# expect: word-rule@1-7\nneedle\n', '# expect: word-rule@1-7\n\n', true);
    assert.deepEqual(ok.failures, []);
    assert.equal(ok.fixedText, '# expect: word-rule@1-7\n\n');
  });

  it('rejects a golden for a rule without a fix', () => {
    assert.match(check('# expect: word-rule@1-7\nneedle\n', 'x', false).failures.join(), /declares no fix/);
  });
});

describe('parseAnnotations', () => {
  it('applies to the next non-blank, non-annotation line, in any comment syntax', () => {
    const text = '// expect: a\n# expect-not: b\n\nline\n<!-- todo-expect: c, d -->\nother\n';
    assert.deepEqual(
      parseAnnotations(text).map((a) => [a.kind, a.ruleIds.join('+'), a.targetLine]),
      [['expect', 'a', 3], ['expect-not', 'b', 3], ['todo-expect', 'c+d', 5]],
    );
  });

  it('reads columns, and an id listed twice as two expected findings', () => {
    const [a] = parseAnnotations('# expect: a@3-9, a@12, b\nx\n');
    assert.deepEqual(a.expected, [{ ruleId: 'a', column: 3, endColumn: 9 }, { ruleId: 'a', column: 12, endColumn: undefined }, { ruleId: 'b', column: undefined, endColumn: undefined }]);
    assert.deepEqual(a.ruleIds, ['a', 'b']);
  });

  it('ignores an annotation that shares its line with code', () => {
    assert.deepEqual(parseAnnotations('RUN x # expect: a\n'), []);
  });
});
