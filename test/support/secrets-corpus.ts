import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, LineIndex, type RuleSet } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';

// Scores the secret rules on the labeled corpus in test/corpus/secrets (see its README): every file is
// analysed with the whole core pack, every secret-tagged finding is matched by file and line against
// labels.tsv. A label is found when a secret finding starts on its line; a secret finding on a line with
// no label is a false alarm. Shared by the corpus test (thresholds) and `npm run bench` (the table).
// The corpus has two parts, scored apart: the development batches (used to tune the detectors, so their
// figures are optimistic) and the held-out batches (scored before any change made because of them).

export const SECRETS_CORPUS = path.resolve(__dirname, '..', 'corpus', 'secrets');
const NOW = new Date('2026-06-01T00:00:00Z');

export interface Label {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly kind: string;
  readonly note: string;
}

export interface ScoredFinding {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
  readonly kind: string;
  readonly labeled: boolean;
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface CorpusScore {
  readonly labels: readonly Label[];
  readonly findings: readonly ScoredFinding[];
  readonly missed: readonly Label[];
  readonly falseAlarms: readonly ScoredFinding[];
  /** By kind (generic, k8s; provider, jwt, uri in batches 5 and 7–12), by language (the corpus folder), and overall (`all`). */
  readonly byKind: ReadonlyMap<string, Tally>;
  readonly byLanguage: ReadonlyMap<string, Tally>;
  readonly total: Tally;
}

/**
 * The kind a secret rule's finding counts under when it is a false alarm (a found label counts under the
 * label's kind): Kubernetes rules, then the provider, JWT and URI rules (the kinds held-out batch 5
 * and development batches 7–12 label), and `generic` for every other secret rule.
 */
const RULE_KINDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^k8s-/, 'k8s'],
  [/^secret-(provider-token|github-token|slack-webhook|aws-access-key|aws-secret-access-key)$/, 'provider'],
  [/^secret-jwt$/, 'jwt'],
  [/^secret-credential-in-uri$/, 'uri'],
];

export function kindOfRule(ruleId: string): string {
  return RULE_KINDS.find(([pattern]) => pattern.test(ruleId))?.[1] ?? 'generic';
}

/**
 * Held-out batches (README, "How it was built"): each is every file under `<language>/<folder>/`, and its
 * labels are noted `<name>:`. A batch stays here until a detector change is made because of its misses;
 * from then on it is development data and a new held-out batch is needed to measure again. Batches 4
 * (`harbor/` folders), 6 (`quarry/` folders), 7 (`lantern/` folders), 8 (`meridian/` folders), 9 (`kestrel/` folders),
 * 10 (`juniper/` folders), 11 (`osprey/` folders), 12 (`puffin/` folders), 13 (`tern/`), 14 (`wren/`), 15 (`plover/`), 16 (`avocet/`) and 17 (`curlew/`) became development data that way: their
 * first scores stay on record in the README.
 */
export const HELD_OUT_BATCHES: ReadonlyArray<{ readonly name: string; readonly folder: string; readonly kinds: readonly string[] }> = [
  { name: 'batch 5', folder: 'harbor-tokens', kinds: ['jwt', 'provider', 'uri'] },
  { name: 'batch 18', folder: 'dunlin', kinds: ['generic', 'jwt', 'k8s', 'provider', 'uri'] },
];

/** The held-out batch a corpus file belongs to, or undefined for the development part. */
export function heldOutBatchOf(file: string): string | undefined {
  const folder = file.split('/')[1];
  return HELD_OUT_BATCHES.find((b) => b.folder === folder)?.name;
}

export function readLabels(root = SECRETS_CORPUS): Label[] {
  const lines = fs.readFileSync(path.join(root, 'labels.tsv'), 'utf8').split(/\r?\n/).slice(1);
  return lines
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l, i) => {
      const [file, line, kind, note = ''] = l.split('\t');
      const n = Number(line);
      if (!file || !Number.isInteger(n) || n < 1 || !kind) throw new Error(`labels.tsv line ${i + 2}: expected file<TAB>line<TAB>kind<TAB>note`);
      return { file, line: n, kind, note };
    });
}

export function corpusFiles(root = SECRETS_CORPUS): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return walk(root)
    .map((f) => path.relative(root, f).split(path.sep).join('/'))
    .filter((f) => f !== 'labels.tsv' && f !== 'README.md')
    .sort();
}

export function languageOf(file: string): string {
  return file.split('/')[0];
}

export function scoreCorpus(root = SECRETS_CORPUS, ruleSet: RuleSet = loadRuleSet([builtinPackRoot()]).ruleSet): CorpusScore {
  const secretRules = new Set(ruleSet.rules.filter((r) => r.meta.tags.includes('secret')).map((r) => r.meta.id));
  const labels = readLabels(root);
  const labelAt = new Map(labels.map((l) => [`${l.file}:${l.line}`, l]));
  const findings: ScoredFinding[] = [];
  for (const file of corpusFiles(root)) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const lines = new LineIndex(text);
    for (const f of analyze({ uri: file, text }, ruleSet, { now: NOW }).findings) {
      if (!secretRules.has(f.ruleId)) continue;
      const line = lines.lineOf(f.span.start) + 1;
      findings.push({ file, line, ruleId: f.ruleId, kind: kindOfRule(f.ruleId), labeled: labelAt.has(`${file}:${line}`) });
    }
  }
  return tally(labels, findings);
}

/** The score of the corpus files `include` accepts (a batch, the development part), from the whole score. */
export function scorePart(score: CorpusScore, include: (file: string) => boolean): CorpusScore {
  return tally(
    score.labels.filter((l) => include(l.file)),
    score.findings.filter((f) => include(f.file)),
  );
}

/** The development batches: every file outside the held-out batches' folders. */
export function developmentPart(score: CorpusScore): CorpusScore {
  return scorePart(score, (file) => heldOutBatchOf(file) === undefined);
}

export function heldOutPart(score: CorpusScore, batch: string): CorpusScore {
  return scorePart(score, (file) => heldOutBatchOf(file) === batch);
}

function tally(labels: readonly Label[], findings: readonly ScoredFinding[]): CorpusScore {
  const foundAt = new Set(findings.map((f) => `${f.file}:${f.line}`));
  const missed = labels.filter((l) => !foundAt.has(`${l.file}:${l.line}`));
  const falseAlarms = findings.filter((f) => !f.labeled);
  const byKind = new Map<string, Tally>();
  const byLanguage = new Map<string, Tally>();
  const total: Tally = { tp: 0, fp: 0, fn: 0 };
  const bump = (kind: string, language: string, field: keyof Tally) => {
    for (const [map, key] of [[byKind, kind], [byLanguage, language]] as const) {
      const t = map.get(key) ?? { tp: 0, fp: 0, fn: 0 };
      t[field]++;
      map.set(key, t);
    }
    total[field]++;
  };
  for (const l of labels) bump(l.kind, languageOf(l.file), foundAt.has(`${l.file}:${l.line}`) ? 'tp' : 'fn');
  // Several findings on one false-alarm line are one false alarm: the unit is a reported place.
  const alarmLines = new Map(falseAlarms.map((f) => [`${f.file}:${f.line}`, f]));
  for (const f of alarmLines.values()) bump(f.kind, languageOf(f.file), 'fp');
  return { labels, findings, missed, falseAlarms, byKind, byLanguage, total };
}

export function precision(t: Tally): number {
  return t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
}

export function recall(t: Tally): number {
  return t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
}

export function f1(t: Tally): number {
  const p = precision(t);
  const r = recall(t);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** The table `npm run bench` prints and the corpus test shows on failure. */
export function scoreTable(score: CorpusScore): string[] {
  const row = (name: string, t: Tally) =>
    `${name.padEnd(12)} ${String(t.tp + t.fn).padStart(6)} ${String(t.tp).padStart(5)} ${String(t.fp).padStart(5)} ${String(t.fn).padStart(5)}   ${precision(t).toFixed(3)}   ${recall(t).toFixed(3)}   ${f1(t).toFixed(3)}`;
  const head = `${''.padEnd(12)} ${'labels'.padStart(6)} ${'TP'.padStart(5)} ${'FP'.padStart(5)} ${'FN'.padStart(5)}   prec.   recall   F1`;
  const sorted = (m: ReadonlyMap<string, Tally>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  return [
    head,
    ...sorted(score.byKind).map(([k, t]) => row(`kind ${k}`, t)),
    ...sorted(score.byLanguage).map(([k, t]) => row(k, t)),
    row('all', score.total),
    ...score.missed.map((l) => `missed       ${l.file}:${l.line} (${l.kind}: ${l.note})`),
    ...[...new Map(score.falseAlarms.map((f) => [`${f.file}:${f.line}`, f])).values()].map((f) => `false alarm  ${f.file}:${f.line} (${f.ruleId})`),
  ];
}
