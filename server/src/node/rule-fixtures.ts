import * as fs from 'node:fs';
import * as path from 'node:path';

// Finds each rule folder of a pack and its annotated fixtures, for the test harness and `bulwark test`.

export interface FixtureFile {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  readonly golden?: string;
  readonly goldenPath: string;
}

export interface RuleFolder {
  readonly ruleId: string;
  readonly dir: string;
  readonly fixtures: readonly FixtureFile[];
  /** `.fixed` goldens with no fixture beside them. */
  readonly orphanGoldens: readonly string[];
}

/** `a.dockerfile` → `a.fixed.dockerfile`; `a` (no extension) → `a.fixed`. */
export function goldenName(fixture: string): string {
  const dot = fixture.lastIndexOf('.');
  return dot > 0 ? `${fixture.slice(0, dot)}.fixed${fixture.slice(dot)}` : `${fixture}.fixed`;
}

export function isGolden(name: string): boolean {
  return /\.fixed(\.[^.]+)?$/.test(name);
}

export function discoverRuleFolders(packRoot: string): RuleFolder[] {
  const out: RuleFolder[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === 'rule.yaml')) {
      out.push(readRuleFolder(dir));
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(path.join(dir, e.name));
    }
  };
  walk(packRoot);
  return out;
}

function readRuleFolder(dir: string): RuleFolder {
  const testsDir = path.join(dir, 'tests');
  const names = fs.existsSync(testsDir) ? fs.readdirSync(testsDir).filter((n) => fs.statSync(path.join(testsDir, n)).isFile()).sort() : [];
  const fixtures = names
    .filter((n) => !isGolden(n))
    .map((name) => {
      const goldenPath = path.join(testsDir, goldenName(name));
      return {
        name,
        path: path.join(testsDir, name),
        text: fs.readFileSync(path.join(testsDir, name), 'utf8'),
        golden: fs.existsSync(goldenPath) ? fs.readFileSync(goldenPath, 'utf8') : undefined,
        goldenPath,
      };
    });
  const fixtureNames = new Set(fixtures.map((f) => goldenName(f.name)));
  return {
    ruleId: path.basename(dir),
    dir,
    fixtures,
    orphanGoldens: names.filter((n) => isGolden(n) && !fixtureNames.has(n)),
  };
}
