import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, DEFAULT_MAX_FILE_SIZE, DocumentParseCache, type RuleSet } from '../../server/src/engine';
import { maskSecret } from '../../server/src/engine/secret-mask';
import { readSourceFile } from '../../server/src/node/source-file';
import { listWorkspaceFiles } from '../../server/src/node/workspace-files';
import { PUBLIC_CODE_DIR, type SetUnit } from './public-code-set';

// Scans the public-code set with the secret rules only, as `bulwark scan` reads files (the same walk,
// binary and size skips, decoding), and compares the findings with the reviewed list. A finding is
// named by path:line:column:rule; its value is only ever shown masked.

export interface PublicFinding {
  readonly unit: string;
  /** The unit's name and the file's path under its root, with `/`. */
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly masked: string;
}

export interface PublicScan {
  readonly files: number;
  readonly bytes: number;
  readonly findings: readonly PublicFinding[];
}

/** The rule set with every rule but the secret ones off. */
export function secretsOnly(ruleSet: RuleSet): Map<string, 'off'> {
  return new Map(ruleSet.rules.filter((r) => !r.meta.tags.includes('secret')).map((r) => [r.meta.id, 'off' as const]));
}

export function locator(f: Pick<PublicFinding, 'path' | 'line' | 'column' | 'rule'>): string {
  return `${f.path}:${f.line}:${f.column}:${f.rule}`;
}

/** Path, then line and column in numeric order, then rule. */
export function byPlace(a: PublicFinding, b: PublicFinding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The path the rules see: the unit's own name and the file's path in it, as if the package were the
 * project's own code. The rules skip vendored folders (`node_modules/`, `vendor/`), which is right for a
 * user's scan and would leave nothing of an npm package to measure; a vendored folder inside a unit
 * (Go's `src/vendor/`) is still skipped, as it would be in that project.
 */
function analysedUri(unit: SetUnit, relative: string): string {
  const packageName = unit.name.split('node_modules/').pop();
  return `/public-code/${packageName}/${relative}`;
}

export function scanUnits(units: readonly SetUnit[], ruleSet: RuleSet): PublicScan {
  const severityOverrides = secretsOnly(ruleSet);
  const now = new Date('2026-06-01T00:00:00Z');
  const findings: PublicFinding[] = [];
  let files = 0;
  let bytes = 0;
  for (const unit of units) {
    for (const file of listWorkspaceFiles(unit.root).files) {
      const read = readSourceFile(file, { maxBytes: DEFAULT_MAX_FILE_SIZE, limitName: '--max-file-size', listedAsFile: true });
      if (read.kind === 'skipped') continue;
      files++;
      bytes += Buffer.byteLength(read.text);
      const relative = path.relative(unit.root, file).split(path.sep).join('/');
      const result = analyze({ uri: analysedUri(unit, relative), text: read.text }, ruleSet, { now, severityOverrides, maxFileSize: DEFAULT_MAX_FILE_SIZE, cache: new DocumentParseCache(undefined, true) });
      const shown = `${unit.name}/${relative}`;
      for (const f of result.findings) {
        findings.push({ unit: unit.name, path: shown, ...lineAndColumn(read.text, f.span.start), rule: f.ruleId, masked: maskSecret(read.text.slice(f.span.start, f.span.end)) });
      }
    }
  }
  return { files, bytes, findings: findings.sort(byPlace) };
}

export type Verdict = 'true-secret-shaped' | 'false-alarm';
const VERDICTS: ReadonlySet<string> = new Set(['true-secret-shaped', 'false-alarm']);

export interface Reviewed {
  /** path:line:column:rule */
  readonly locator: string;
  readonly verdict: Verdict;
  readonly reason: string;
}

export const REVIEWED_FILE = path.join(PUBLIC_CODE_DIR, 'reviewed.tsv');

/** reviewed.tsv: `path:line:column:rule<TAB>verdict<TAB>reason`, `#` comments. */
export function readReviewed(file = REVIEWED_FILE): Reviewed[] {
  const out: Reviewed[] = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const [where, verdict, reason = ''] = line.split('\t');
    if (!VERDICTS.has(verdict) || reason.trim() === '') throw new Error(`${file}:${i + 1}: a verdict (true-secret-shaped or false-alarm) and a reason are required`);
    out.push({ locator: where, verdict: verdict as Verdict, reason });
  });
  return out;
}

/** The unit a located path belongs to: the longest unit name it starts with. */
export function unitOf(where: string, unitNames: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const name of unitNames) if (where.startsWith(`${name}/`) && (!best || name.length > best.length)) best = name;
  return best;
}

export interface Comparison {
  readonly added: readonly PublicFinding[];
  readonly gone: readonly Reviewed[];
  readonly matched: readonly Reviewed[];
}

/** The run against the reviewed entries of the units it scanned. */
export function compareWithReviewed(scan: PublicScan, reviewed: readonly Reviewed[], scannedUnits: readonly string[]): Comparison {
  const inScope = reviewed.filter((r) => scannedUnits.includes(unitOf(r.locator, scannedUnits) ?? ''));
  const byLocator = new Map(inScope.map((r) => [r.locator, r]));
  const found = new Set(scan.findings.map(locator));
  return {
    added: scan.findings.filter((f) => !byLocator.has(locator(f))),
    gone: inScope.filter((r) => !found.has(r.locator)),
    matched: inScope.filter((r) => found.has(r.locator)),
  };
}

export const REVIEW_HINT =
  'Review each one (test/corpus/secrets/README.md, "Precision on public code"): npm run precision prints them with masked values; ' +
  'add it to test/corpus/public-code/reviewed.tsv as true-secret-shaped or false-alarm with a reason, or fix the detector.';
