import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, onlyRules } from '../../server/src/engine';
import { discoverRuleFolders, type RuleFolder } from '../../server/src/node/rule-fixtures';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { findLeak } from '../support/secret-fixtures';
import { ensureCliBuilt, removeDir, runCli } from './cli-harness';

// `bulwark test` prints excerpts of failing fixtures, and CI logs keep them: a secret rule's fixture
// lines never print a secret, whether the finding is unexpected (its range is known), expected but
// missing (no range: every long word is masked), or in a golden that differs. Every fixture of every
// secret rule of the core pack is broken in each of these three ways and the output searched.

const NOW = new Date('2026-06-01T00:00:00Z');
const packRoot = builtinPackRoot();
const { ruleSet } = loadRuleSet([packRoot]);
const secretRules = new Set(ruleSet.rules.filter((r) => r.meta.tags.includes('secret')).map((r) => r.meta.id));
const folders = discoverRuleFolders(packRoot).filter((f) => secretRules.has(f.ruleId));

/** The text of every finding the rule makes on its own fixtures: what must never be printed. */
function secretsOf(folder: RuleFolder): string[] {
  const single = onlyRules(ruleSet, new Set([folder.ruleId]));
  return folder.fixtures.flatMap((fixture) =>
    analyze({ uri: fixture.name, text: fixture.text }, single, { now: NOW })
      .findings.filter((f) => f.ruleId === folder.ruleId)
      .map((f) => fixture.text.slice(f.span.start, f.span.end).trim()),
  );
}

type Breakage = (text: string, ruleId: string, kind: 'fixture' | 'golden') => string;

const BREAKAGES: Record<'unexpected' | 'missing' | 'golden', { break: Breakage; expect: RegExp }> = {
  // Annotations removed: every finding is unexpected and printed with its line and `~` marks.
  unexpected: { break: (text, _id, kind) => (kind === 'fixture' ? text.replace(/^.*\b(?:todo-)?expect(?:-not)?\s*:.*\r?\n/gm, '') : text), expect: /unexpected \S+ finding/ },
  // The whole file suppressed: every expected finding is missing, and its line printed without a range.
  missing: { break: (text, id, kind) => (kind === 'fixture' ? `# bulwark-ignore-file ${id} reason="leak test"\n${text}` : text), expect: /expected \d+ \S+ finding\(s\) on this line, got 0/ },
  // Goldens shifted by a line: every golden line is printed in the diff.
  golden: { break: (text, _id, kind) => (kind === 'golden' ? `shifted\n${text}` : text), expect: /fixed output differs from the golden/ },
};

describe('bulwark test never prints a secret from a fixture', function () {
  this.timeout(120_000);
  const secrets = folders.flatMap(secretsOf);

  before(() => ensureCliBuilt());

  it('the core pack has secret rules with fixtures that find secrets', () => {
    assert.ok(folders.length >= 5, folders.map((f) => f.ruleId).join(', '));
    assert.ok(secrets.length >= 30, `${secrets.length} secrets`);
  });

  for (const [name, breakage] of Object.entries(BREAKAGES)) {
    it(`when findings are ${name === 'golden' ? 'fixed differently from the golden' : name}`, () => {
      const pack = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-leak-'));
      try {
        fs.writeFileSync(path.join(pack, 'pack.yaml'), 'id: leak-test\nversion: 1.0.0\ndescription: Secret rules with broken fixtures.\n');
        for (const folder of folders) {
          const dest = path.join(pack, path.relative(packRoot, folder.dir));
          fs.cpSync(folder.dir, dest, { recursive: true });
          for (const fixture of folder.fixtures) {
            const at = path.join(dest, 'tests', fixture.name);
            fs.writeFileSync(at, breakage.break(fixture.text, folder.ruleId, 'fixture'));
            if (fixture.golden !== undefined) fs.writeFileSync(path.join(dest, 'tests', path.basename(fixture.goldenPath)), breakage.break(fixture.golden, folder.ruleId, 'golden'));
          }
        }
        const run = runCli(['test', pack]);
        assert.equal(run.status, 1, run.stderr);
        const output = run.stdout + run.stderr;
        assert.ok((output.match(new RegExp(breakage.expect.source, 'g')) ?? []).length >= (name === 'golden' ? 3 : 20), `the excerpts were printed:\n${output.slice(0, 3000)}`);
        assert.equal(findLeak(output, secrets), undefined);
      } finally {
        removeDir(pack);
      }
    });
  }
});
