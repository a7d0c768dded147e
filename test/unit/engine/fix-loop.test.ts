import * as assert from 'node:assert/strict';
import { fixUntilStable, MAX_FIX_PASSES, type Fix } from '../../../server/src/engine';

// The one fix loop behind scan --fix, the editor's fix-all, the fixture harness and template tests.
// Its "analysis" here: every lowercase `ab` pair is a finding whose fix upper-cases it.

const pairs = (text: string): Fix[] =>
  [...text.matchAll(/ab/g)].map((m) => ({ title: 'upper', kind: 'autofix', edits: [{ span: { start: m.index, end: m.index + 2 }, newText: 'AB' }] }));

describe('fixUntilStable (engine)', function () {
  it('applies every fix, re-analysing until nothing is on offer', () => {
    const outcome = fixUntilStable('ab-ab-x', (t) => t, pairs);
    assert.deepEqual(outcome, { text: 'AB-AB-x', result: 'AB-AB-x', applied: 2, passes: 1, stable: true });
  });

  it('takes overlapping fixes on a later pass, and fixes a fix uncovered', () => {
    // Removing the dash makes a new pair, fixed on the next pass.
    const join = (text: string): Fix[] => {
      const dash = text.indexOf('a-b');
      return dash < 0 ? pairs(text) : [{ title: 'join', kind: 'autofix', edits: [{ span: { start: dash + 1, end: dash + 2 }, newText: '' }] }];
    };
    const outcome = fixUntilStable('a-b', (t) => t, join);
    assert.deepEqual({ text: outcome.text, passes: outcome.passes, stable: outcome.stable }, { text: 'AB', passes: 2, stable: true });
  });

  it('stops after MAX_FIX_PASSES on fixes that keep re-triggering, and says it is not stable', () => {
    const grow = (): Fix[] => [{ title: 'grow', kind: 'autofix', edits: [{ span: { start: 0, end: 0 }, newText: 'x' }] }];
    const outcome = fixUntilStable('', (t) => t, grow);
    assert.equal(outcome.passes, MAX_FIX_PASSES);
    assert.equal(outcome.text, 'x'.repeat(MAX_FIX_PASSES));
    assert.equal(outcome.stable, false);
  });

  it('changes nothing when nothing is on offer', () => {
    assert.deepEqual(fixUntilStable('xyz', (t) => t, pairs), { text: 'xyz', result: 'xyz', applied: 0, passes: 0, stable: true });
  });
});
