import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { packFixtures } from '../server/src/node/pack-fixtures';
import { builtinPackRoot, loadRuleSet } from '../server/src/node/rule-packs';

// Every rule's annotated fixtures run through the real engine with only that rule enabled, by the
// function `bulwark test` uses, on the same clock: a fixture's declared date (`# bulwark-test-now:`),
// else today. So `bulwark test rules/core` and this suite pass and fail together.
// UPDATE_FIXTURES=1 rewrites the .fixed goldens; review the diff.

const packRoot = builtinPackRoot();
const { ruleSet, errors } = loadRuleSet([packRoot]);
const { cases, untested, listErrors } = packFixtures(packRoot, ruleSet);

describe('rule fixtures (core pack)', () => {
  it('the core pack loads without errors, and every rule has fixtures', () => {
    assert.deepEqual(errors.map((e) => `${e.file}:${e.line ?? ''} ${e.message}`), []);
    assert.deepEqual(untested, []);
    assert.deepEqual(listErrors, [], 'every tests/approved-images.yaml is valid');
  });

  for (const { ruleId, fixture, run } of cases) {
    it(`${ruleId} ${fixture.name}`, () => {
      const outcome = run(new Date());
      if (process.env.UPDATE_FIXTURES === '1' && outcome.fixedText !== undefined && outcome.fixedText !== fixture.golden) {
        fs.writeFileSync(fixture.goldenPath, outcome.fixedText);
        return;
      }
      assert.deepEqual(outcome.failures, [], outcome.failures.join('\n'));
    });
  }
});
