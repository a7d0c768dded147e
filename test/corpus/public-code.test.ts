import * as assert from 'node:assert/strict';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { compareWithReviewed, readReviewed, REVIEW_HINT, scanUnits, unitOf, type PublicFinding, type Reviewed } from '../support/public-code-scan';
import { CI_PARTS, readRecordedVersions, SET_PARTS, type SetUnit } from '../support/public-code-set';

// The secret rules' precision guard on public code (test/corpus/secrets/README.md, "Precision on public
// code"): on the parts of the set CI installs, the findings must be exactly the reviewed ones. A new
// finding fails until someone reviews it (or fixes the detector); a reviewed finding that went away fails
// until it is taken off the list, so the list stays true. Units whose version differs from set.tsv are
// left out with a printed reason: their findings are not comparable. Values are never printed.

const located = (f: PublicFinding) => `${f.path}:${f.line}:${f.column}:${f.rule}`;

describe('secret rules on public code: findings as reviewed', function () {
  this.timeout(600_000);
  const recorded = readRecordedVersions();
  const reviewed = readReviewed();
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);

  it('the reviewed list names units of set.tsv, once each', () => {
    const units = [...recorded.keys()];
    const seen = new Set<string>();
    for (const r of reviewed) {
      assert.ok(unitOf(r.locator, units), `reviewed.tsv: ${r.locator} is in no unit of set.tsv`);
      assert.ok(!seen.has(r.locator), `reviewed.tsv lists ${r.locator} twice`);
      seen.add(r.locator);
    }
  });

  for (const partName of CI_PARTS) {
    it(`${partName}: every finding is reviewed and every reviewed finding is found`, function () {
      const part = SET_PARTS.find((p) => p.name === partName);
      assert.ok(part, `no part named ${partName}`);
      const listed = part.units();
      if (!Array.isArray(listed)) {
        console.log(`      skipped: ${partName} is absent here (${(listed as { absent: string }).absent})`);
        this.skip();
      }
      const units = listed as readonly SetUnit[];
      const pinned = units.filter((u) => recorded.get(u.name) === u.version);
      const differing = units.filter((u) => recorded.get(u.name) !== u.version);
      if (differing.length > 0) {
        const shown = differing.slice(0, 5).map((u) => `${u.version} (set.tsv: ${recorded.get(u.name) ?? 'none'})`);
        console.log(`      ${partName}: ${differing.length} unit(s) left out, their versions differ from set.tsv: ${shown.join('; ')}${differing.length > 5 ? '; …' : ''}`);
      }
      if (pinned.length === 0) {
        console.log(`      skipped: no unit of ${partName} is at the version set.tsv records`);
        this.skip();
      }
      const scan = scanUnits(pinned, ruleSet);
      const { added, gone } = compareWithReviewed(scan, reviewed, pinned.map((u) => u.name));
      const problems = [
        ...(added.length > 0 ? [`${added.length} new finding(s), not in test/corpus/public-code/reviewed.tsv:`, ...added.map((f) => `  ${located(f)}`), REVIEW_HINT] : []),
        ...(gone.length > 0 ? [`${gone.length} reviewed finding(s) no longer found: take them off reviewed.tsv (a false alarm fixed, or a true one lost?):`, ...gone.map((r) => `  ${r.locator} (${r.verdict})`)] : []),
      ];
      assert.equal(problems.length, 0, problems.join('\n'));
    });
  }
});

describe('public-code comparison', () => {
  const finding = (path: string, line: number): PublicFinding => ({ unit: path.split('/')[0], path, line, column: 1, rule: 'secret-generic-password', masked: '…(9 chars)' });
  const entry = (locator: string): Reviewed => ({ locator, verdict: 'false-alarm', reason: 'a name' });

  it('says what is new and what went away, only in the units scanned', () => {
    const scan = { files: 2, bytes: 10, findings: [finding('a/x.py', 3), finding('a/y.py', 1)] };
    const reviewed = [entry('a/x.py:3:1:secret-generic-password'), entry('a/x.py:9:1:secret-generic-password'), entry('b/z.py:1:1:secret-generic-password')];
    const result = compareWithReviewed(scan, reviewed, ['a']);
    assert.deepEqual(result.added.map((f) => f.path), ['a/y.py']);
    assert.deepEqual(result.gone.map((r) => r.locator), ['a/x.py:9:1:secret-generic-password']);
    assert.deepEqual(result.matched.map((r) => r.locator), ['a/x.py:3:1:secret-generic-password']);
  });

  it('puts a nested package under its own unit, not its parent', () => {
    const units = ['node_modules/a', 'node_modules/a/node_modules/b'];
    assert.equal(unitOf('node_modules/a/node_modules/b/index.js:1:1:r', units), 'node_modules/a/node_modules/b');
    assert.equal(unitOf('node_modules/a/index.js:1:1:r', units), 'node_modules/a');
    assert.equal(unitOf('node_modules/ab/index.js:1:1:r', units), undefined);
  });
});
