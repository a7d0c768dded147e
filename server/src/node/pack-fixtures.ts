import { onlyRules, type RuleSet } from '../engine';
import { checkFixture, type FixtureOutcome } from '../engine/testing/fixtures';
import { discoverRuleFolders, type FixtureFile } from './rule-fixtures';

// One way to run a pack's fixtures, for `bulwark test` and for our own mocha suite, so that a fixture
// passes or fails the same in both: each rule alone (RuleTester style), the same harness, the same
// clock rule (the fixture's `# bulwark-test-now:`, else the caller's `now`).

export interface FixtureCase {
  readonly ruleId: string;
  readonly fixture: FixtureFile;
  /** `pinned`: the caller chose the date (`--now`) rather than taking today. */
  readonly run: (now: Date, pinned?: boolean) => FixtureOutcome;
}

export interface PackFixtures {
  readonly cases: readonly FixtureCase[];
  /** Rule folders with no fixture in tests/: a failure in both runners. */
  readonly untested: readonly string[];
  /** Problems of rule folders' tests/approved-images.yaml, as `rule-id: file:line message`: failures too. */
  readonly listErrors: readonly { readonly ruleId: string; readonly message: string }[];
}

export function packFixtures(packRoot: string, ruleSet: RuleSet): PackFixtures {
  const cases: FixtureCase[] = [];
  const untested: string[] = [];
  const listErrors: { ruleId: string; message: string }[] = [];
  for (const folder of discoverRuleFolders(packRoot)) {
    if (folder.fixtures.length === 0) untested.push(folder.ruleId);
    for (const message of folder.approvedImagesErrors) listErrors.push({ ruleId: folder.ruleId, message });
    const single = onlyRules(ruleSet, new Set([folder.ruleId]));
    const workspace = folder.fixtures.map((f) => ({ uri: f.name, text: f.text }));
    for (const fixture of folder.fixtures) {
      cases.push({
        ruleId: folder.ruleId,
        fixture,
        run: (now, pinned) => checkFixture({ ruleId: folder.ruleId, ruleSet: single, name: fixture.name, text: fixture.text, golden: fixture.golden, now, clockPinned: pinned, workspace, ...(folder.approvedImages ? { approvedImages: folder.approvedImages } : {}) }),
      });
    }
  }
  return { cases, untested, listErrors };
}
