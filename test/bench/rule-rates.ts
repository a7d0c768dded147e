import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, SEVERITIES, type Language, type RuleSet, type Severity } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';

// Rule firing rates over the real-world corpus (`npm run bench -- --only rates`): for each rule, the share
// of the corpus files of its language on which it reports at least once, and at medium or above. The corpus
// is mostly well-maintained files, so a rule that fires on more than half of them deserves a second look
// (issue 9); the review of each such rule is in its README.

export const SECOND_LOOK = 0.5;

export interface RuleRate {
  readonly ruleId: string;
  readonly language: Language;
  /** Files of the rule's language (every file for text rules). */
  readonly files: number;
  readonly fired: number;
  readonly firedAtMedium: number;
}

interface CorpusFile {
  /** The path the file had in its repository: the corpus spells `/` as `__` (realworld/README). */
  readonly uri: string;
  readonly path: string;
  readonly languageId?: string;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function corpusFiles(realworld: string): CorpusFile[] {
  const original = (file: string, root: string) => path.relative(root, file).replace(/__/g, '/');
  const dockerfiles = path.join(realworld, 'dockerfiles');
  const manifests = path.join(realworld, 'k8s');
  return [
    // Some corpus names (Dockerfile_arm) are not recognised by name: say the language outright.
    ...filesUnder(dockerfiles).map((f) => ({ uri: original(f, dockerfiles), path: f, languageId: 'dockerfile' })),
    ...filesUnder(manifests).filter((f) => /\.(ya?ml|json)$/i.test(f)).map((f) => ({ uri: original(f, manifests), path: f })),
  ];
}

const AT_MEDIUM = new Set<Severity>(SEVERITIES.slice(0, SEVERITIES.indexOf('medium') + 1));

export function measureRuleRates(realworld: string, ruleSet: RuleSet = loadRuleSet([builtinPackRoot()]).ruleSet, progress: (what: string) => void = () => {}): RuleRate[] {
  const files = corpusFiles(realworld);
  const perLanguage = new Map<Language, number>();
  const fired = new Map<string, { any: number; medium: number }>();
  files.forEach((file, i) => {
    if (i % 500 === 0) progress(`rule rates: ${i}/${files.length} files`);
    const text = fs.readFileSync(file.path, 'utf8');
    const result = analyze({ uri: file.uri, text, languageId: file.languageId }, ruleSet, { now: new Date() });
    perLanguage.set(result.language, (perLanguage.get(result.language) ?? 0) + 1);
    const rules = new Map<string, boolean>();
    for (const f of result.findings) rules.set(f.ruleId, (rules.get(f.ruleId) ?? false) || AT_MEDIUM.has(f.severity));
    for (const [ruleId, medium] of rules) {
      const count = fired.get(ruleId) ?? { any: 0, medium: 0 };
      fired.set(ruleId, { any: count.any + 1, medium: count.medium + (medium ? 1 : 0) });
    }
  });
  return ruleSet.rules.map((rule) => {
    const language = rule.meta.language;
    const count = fired.get(rule.meta.id) ?? { any: 0, medium: 0 };
    const total = language === 'text' ? files.length : (perLanguage.get(language) ?? 0);
    return { ruleId: rule.meta.id, language, files: total, fired: count.any, firedAtMedium: count.medium };
  });
}

export function printRuleRates(rates: readonly RuleRate[], print: (line: string) => void): void {
  const pct = (n: number, of: number) => (of === 0 ? '   -  ' : `${((100 * n) / of).toFixed(1).padStart(5)}%`);
  print('\nRule firing rates over ../shared/corpora/realworld (files with at least one finding)');
  print(`${'rule'.padEnd(42)} ${'language'.padEnd(10)} ${'fired'.padStart(12)} ${'rate'.padStart(6)} ${'≥medium'.padStart(7)}`);
  for (const r of [...rates].sort((a, b) => b.fired / (b.files || 1) - a.fired / (a.files || 1) || a.ruleId.localeCompare(b.ruleId))) {
    const flag = r.files > 0 && r.fired / r.files > SECOND_LOOK ? '  > 50%: second look (see its README)' : '';
    print(`${r.ruleId.padEnd(42)} ${r.language.padEnd(10)} ${`${r.fired}/${r.files}`.padStart(12)} ${pct(r.fired, r.files)} ${pct(r.firedAtMedium, r.files)}${flag}`);
  }
}
