import * as fs from 'node:fs';
import * as path from 'node:path';
import { PolicyValidator, type ApprovedImages } from '../engine/policy';

/** A rule's tests/ may carry the approved-images list its fixtures are analysed with (not a fixture itself). */
export const FIXTURE_APPROVED_IMAGES = 'approved-images.yaml';

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
  /** tests/approved-images.yaml, validated like the policy bundle's. */
  readonly approvedImages?: ApprovedImages;
  /** file:line errors of that list; a rule folder with any fails its tests. */
  readonly approvedImagesErrors: readonly string[];
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
    .filter((n) => !isGolden(n) && n !== FIXTURE_APPROVED_IMAGES)
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
  const listPath = path.join(testsDir, FIXTURE_APPROVED_IMAGES);
  const list = names.includes(FIXTURE_APPROVED_IMAGES) ? new PolicyValidator().parseApprovedImages(fs.readFileSync(listPath, 'utf8'), listPath) : { errors: [] };
  const fixtureNames = new Set(fixtures.map((f) => goldenName(f.name)));
  return {
    ruleId: path.basename(dir),
    dir,
    fixtures,
    orphanGoldens: names.filter((n) => isGolden(n) && !fixtureNames.has(n)),
    ...(list.approvedImages ? { approvedImages: list.approvedImages } : {}),
    approvedImagesErrors: list.errors.map((e) => `${e.file}:${e.line ?? ''} ${e.message}`),
  };
}
