import * as assert from 'node:assert/strict';
import { parseText } from '../../../server/src/engine/parsers/text';
import { modelSuppressions, parseSuppressions } from '../../../server/src/engine/suppressions';
import type { SuppressionPolicy } from '../../../server/src/engine/types';

// The directives of a text model are parsed once per analysis date and policy, for the rule that reports
// invalid ones and for the suppression step; another date or policy parses again (validity depends on both).

const TEXT = 'a = 1\n# bulwark-ignore some-rule reason="lab" until=2026-06-01\nb = 2\n';
const JUNE_1 = new Date('2026-06-01T00:00:00Z');
const JUNE_2 = new Date('2026-06-02T00:00:00Z');

describe('modelSuppressions', () => {
  it('gives what parseSuppressions gives, once per model, date and policy', () => {
    const model = parseText(TEXT, 'file:///w/a.py');
    const first = modelSuppressions(model, JUNE_1);
    assert.deepEqual(first, parseSuppressions(TEXT, model.lines, JUNE_1));
    assert.deepEqual(first.map((d) => [d.ruleIds, d.line, d.targetLine, d.problems]), [[['some-rule'], 1, 2, []]]);
    assert.equal(modelSuppressions(model, new Date(JUNE_1.getTime())), first, 'the same date: the memo');
  });

  it('parses again for another date or policy', () => {
    const model = parseText(TEXT, 'file:///w/a.py');
    assert.deepEqual(modelSuppressions(model, JUNE_1)[0].problems, []);
    assert.deepEqual(modelSuppressions(model, JUNE_2)[0].problems, ['expired on 2026-06-01']);
    const policy: SuppressionPolicy = { nonWaivable: new Set(), maxUntilDays: 0, source: 'policy test' };
    assert.deepEqual(modelSuppressions(model, JUNE_2, policy), parseSuppressions(TEXT, model.lines, JUNE_2, policy));
    assert.deepEqual(modelSuppressions(model, JUNE_1)[0].problems, [], 'back to the first date and no policy');
  });

  it('a model without a directive has none', () => {
    assert.deepEqual(modelSuppressions(parseText('a = 1\n', 'file:///w/a.py'), JUNE_1), []);
  });
});
