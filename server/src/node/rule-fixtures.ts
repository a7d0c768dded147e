import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PackError, PackFile } from '../engine';
import { PolicyValidator, type ApprovedImages } from '../engine/policy';
import { readPackDirectory } from './pack-reader';

/** A rule's tests/ may carry the approved-images list its fixtures are analysed with (not a fixture itself). */
const FIXTURE_APPROVED_IMAGES = 'approved-images.yaml';

// Finds each rule folder of a pack and its annotated fixtures, for the test harness and `bulwark test`.
// The pack is read once through pack-reader (no links, size limits); goldens are written back only
// inside the pack, never through a link.

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

/** The pack could not be read safely; `errors` name each file (relative to the pack) and why. */
export class PackReadError extends Error {
  constructor(readonly errors: readonly PackError[]) {
    super(`the pack cannot be read safely: ${errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
  }
}

/** `a.dockerfile` → `a.fixed.dockerfile`; `a` (no extension) → `a.fixed`. */
function goldenName(fixture: string): string {
  const dot = fixture.lastIndexOf('.');
  return dot > 0 ? `${fixture.slice(0, dot)}.fixed${fixture.slice(dot)}` : `${fixture}.fixed`;
}

function isGolden(name: string): boolean {
  return /\.fixed(\.[^.]+)?$/.test(name);
}

/** Rule folders (those with a rule.yaml) and their fixtures; throws PackReadError for an unsafe pack. */
export function discoverRuleFolders(packRoot: string): RuleFolder[] {
  const read = readPackDirectory(packRoot, { includeTests: true });
  if (read.errors.length > 0) throw new PackReadError(read.errors);
  const testsByFolder = new Map<string, PackFile[]>();
  for (const file of read.fixtures) {
    const folder = path.posix.dirname(path.posix.dirname(file.path));
    testsByFolder.set(folder, [...(testsByFolder.get(folder) ?? []), file]);
  }
  return read.files
    .filter((f) => path.posix.basename(f.path) === 'rule.yaml')
    .map((f) => path.posix.dirname(f.path))
    .sort((a, b) => a.localeCompare(b))
    .map((folder) => ruleFolder(packRoot, folder, testsByFolder.get(folder) ?? []));
}

function ruleFolder(packRoot: string, folder: string, tests: readonly PackFile[]): RuleFolder {
  const dir = path.join(packRoot, ...(folder === '.' ? [] : folder.split('/')));
  const testsDir = path.join(dir, 'tests');
  const byName = new Map(tests.map((t) => [path.posix.basename(t.path), t.text]));
  const names = [...byName.keys()].sort();
  const fixtures = names
    .filter((n) => !isGolden(n) && n !== FIXTURE_APPROVED_IMAGES)
    .map((name) => ({
      name,
      path: path.join(testsDir, name),
      text: byName.get(name) ?? '',
      golden: byName.get(goldenName(name)),
      goldenPath: path.join(testsDir, goldenName(name)),
    }));
  const listText = byName.get(FIXTURE_APPROVED_IMAGES);
  const list = listText !== undefined ? new PolicyValidator().parseApprovedImages(listText, path.join(testsDir, FIXTURE_APPROVED_IMAGES)) : { errors: [] };
  const fixtureNames = new Set(fixtures.map((f) => goldenName(f.name)));
  return {
    ruleId: folder === '.' ? path.basename(packRoot) : path.posix.basename(folder),
    dir,
    fixtures,
    orphanGoldens: names.filter((n) => isGolden(n) && !fixtureNames.has(n)),
    ...(list.approvedImages ? { approvedImages: list.approvedImages } : {}),
    approvedImagesErrors: list.errors.map((e) => `${e.file}:${e.line ?? ''} ${e.message}`),
  };
}

/**
 * Writes a golden next to its fixture, only inside the pack: the folder must resolve to where it
 * claims to be under the pack's real path (no link on the way), and the text goes to a new temporary
 * file that is renamed over the golden, so a link or hard link planted at the golden's name is
 * replaced, never written through.
 */
export function writeGolden(packRoot: string, goldenPath: string, text: string): void {
  const realRoot = fs.realpathSync(packRoot);
  const relative = path.relative(path.resolve(packRoot), path.resolve(goldenPath));
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`refusing to write ${goldenPath}: it is outside the pack`);
  const expectedDir = path.dirname(path.join(realRoot, relative));
  if (fs.realpathSync(path.dirname(goldenPath)) !== expectedDir) throw new Error(`refusing to write ${goldenPath}: a symbolic link on its path leads elsewhere`);
  const target = path.join(expectedDir, path.basename(goldenPath));
  const temp = path.join(expectedDir, `.${path.basename(goldenPath)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o644);
  try {
    fs.writeSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
