import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { onlyRules } from '../server/src/engine';
import { checkFixture } from '../server/src/engine/testing/fixtures';
import { discoverRuleFolders } from '../server/src/node/rule-fixtures';
import { builtinPackRoot, loadRuleSet } from '../server/src/node/rule-packs';

// Every rule's annotated fixtures run through the real engine with only that rule enabled.
// UPDATE_FIXTURES=1 rewrites the .fixed goldens; review the diff.

const FIXED_NOW = new Date('2026-06-01T00:00:00Z');
const packRoot = builtinPackRoot();
const { ruleSet, errors } = loadRuleSet([packRoot]);

describe('rule fixtures (core pack)', () => {
  it('the core pack loads without errors', () => {
    assert.deepEqual(errors.map((e) => `${e.file}:${e.line ?? ''} ${e.message}`), []);
  });

  for (const folder of discoverRuleFolders(packRoot)) {
    describe(folder.ruleId, () => {
      const single = onlyRules(ruleSet, new Set([folder.ruleId]));
      if (folder.approvedImagesErrors.length > 0) it('tests/approved-images.yaml is valid', () => assert.deepEqual(folder.approvedImagesErrors, []));
      for (const fixture of folder.fixtures) {
        it(fixture.name, () => {
          const outcome = checkFixture({ ruleId: folder.ruleId, ruleSet: single, name: fixture.name, text: fixture.text, golden: fixture.golden, now: FIXED_NOW, approvedImages: folder.approvedImages });
          if (process.env.UPDATE_FIXTURES === '1' && outcome.fixedText !== undefined && outcome.fixedText !== fixture.golden) {
            fs.writeFileSync(fixture.goldenPath, outcome.fixedText);
            return;
          }
          assert.deepEqual(outcome.failures, [], outcome.failures.join('\n'));
        });
      }
    });
  }
});
