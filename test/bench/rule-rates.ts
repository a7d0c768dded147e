import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, canHoldFacts, indexFile, needsWorkspace, onlyRules, SEVERITIES, WorkspaceIndex, type Language, type RuleSet, type Severity } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';

// Rule firing rates over the real-world corpus (`npm run bench -- --only rates`): for each rule, the share
// of the corpus files of its language on which it reports at least once, and at medium or above. The corpus
// is mostly well-maintained files, so a rule that fires on more than half of them deserves a second look
// (issue 9); the review of each such rule is in its README.
//
// The corpus keeps each repository in its own folder (`owner__name`, under dockerfiles/ and k8s/), so each
// repository is analysed as `bulwark scan` would analyse its checkout: with the workspace index of that
// repository's files, built by the same engine functions the CLI uses. The rate of a cross-file rule is
// also measured on each file alone (the editor with a single file open), to show what the workspace changes.

export const SECOND_LOOK = 0.5;

export interface RuleRate {
  readonly ruleId: string;
  readonly language: Language;
  /** Files of the rule's language (every file for text rules). */
  readonly files: number;
  /** Files it fires on with the repository's workspace index, as `bulwark scan` of the repository sees it. */
  readonly fired: number;
  readonly firedAtMedium: number;
  /** Files it fires on when each file is analysed alone (differs from `fired` only for cross-file rules). */
  readonly firedAlone: number;
}

interface CorpusFile {
  /** The repository's folder (`owner__name`): the workspace the file belongs to. */
  readonly repo: string;
  /** `owner/name/` and the path the file had in its repository: the corpus spells `/` as `__` (realworld/README). */
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
  const repo = (file: string, root: string) => path.relative(root, file).split(path.sep)[0];
  const dockerfiles = path.join(realworld, 'dockerfiles');
  const manifests = path.join(realworld, 'k8s');
  return [
    // Some corpus names (Dockerfile_arm) are not recognised by name: say the language outright.
    ...filesUnder(dockerfiles).map((f) => ({ repo: repo(f, dockerfiles), uri: original(f, dockerfiles), path: f, languageId: 'dockerfile' })),
    ...filesUnder(manifests).filter((f) => /\.(ya?ml|json)$/i.test(f)).map((f) => ({ repo: repo(f, manifests), uri: original(f, manifests), path: f })),
  ];
}

const AT_MEDIUM = new Set<Severity>(SEVERITIES.slice(0, SEVERITIES.indexOf('medium') + 1));

/** The repository's workspace index, as the CLI builds it for a scan of its checkout (indexFilesOnDisk). */
function workspaceOf(files: readonly (CorpusFile & { readonly text: string })[]): WorkspaceIndex {
  const facts = files.filter((f) => canHoldFacts(f)).flatMap((f) => {
    try {
      return [indexFile({ uri: f.uri, text: f.text, languageId: f.languageId })];
    } catch {
      return []; // as the CLI does: a file that cannot be indexed contributes nothing
    }
  });
  return new WorkspaceIndex(facts);
}

function byRepo(files: readonly CorpusFile[]): Map<string, CorpusFile[]> {
  const out = new Map<string, CorpusFile[]>();
  for (const f of files) out.set(f.repo, [...(out.get(f.repo) ?? []), f]);
  return out;
}

export function measureRuleRates(realworld: string, ruleSet: RuleSet = loadRuleSet([builtinPackRoot()]).ruleSet, progress: (what: string) => void = () => {}): RuleRate[] {
  const files = corpusFiles(realworld);
  const crossFile = onlyRules(ruleSet, new Set(ruleSet.rules.filter((r) => r.readsWorkspace).map((r) => r.meta.id)));
  const perLanguage = new Map<Language, number>();
  const fired = new Map<string, { any: number; medium: number; alone: number }>();
  const count = (ruleId: string) => fired.get(ruleId) ?? { any: 0, medium: 0, alone: 0 };
  let done = 0;
  for (const [repo, inRepo] of byRepo(files)) {
    progress(`rule rates: ${done}/${files.length} files (${repo})`);
    done += inRepo.length;
    const read = inRepo.map((f) => ({ ...f, text: fs.readFileSync(f.path, 'utf8') }));
    const workspace = needsWorkspace(ruleSet.rules) ? workspaceOf(read) : undefined;
    for (const file of read) {
      const source = { uri: file.uri, text: file.text, languageId: file.languageId };
      const result = analyze(source, ruleSet, { now: new Date(), ...(workspace ? { workspace } : {}) });
      perLanguage.set(result.language, (perLanguage.get(result.language) ?? 0) + 1);
      const rules = new Map<string, boolean>();
      for (const f of result.findings) rules.set(f.ruleId, (rules.get(f.ruleId) ?? false) || AT_MEDIUM.has(f.severity));
      for (const [ruleId, medium] of rules) {
        const c = count(ruleId);
        fired.set(ruleId, { ...c, any: c.any + 1, medium: c.medium + (medium ? 1 : 0) });
      }
      // Alone: only the cross-file rules can differ, so only they run again, without the index.
      if (!workspace) continue;
      for (const ruleId of new Set(analyze(source, crossFile, { now: new Date() }).findings.map((f) => f.ruleId))) fired.set(ruleId, { ...count(ruleId), alone: count(ruleId).alone + 1 });
    }
  }
  const readsWorkspace = new Set(crossFile.rules.map((r) => r.meta.id));
  return ruleSet.rules.map((rule) => {
    const language = rule.meta.language;
    const c = count(rule.meta.id);
    const total = language === 'text' ? files.length : (perLanguage.get(language) ?? 0);
    return { ruleId: rule.meta.id, language, files: total, fired: c.any, firedAtMedium: c.medium, firedAlone: readsWorkspace.has(rule.meta.id) ? c.alone : c.any };
  });
}

export function printRuleRates(rates: readonly RuleRate[], print: (line: string) => void): void {
  const pct = (n: number, of: number) => (of === 0 ? '   -  ' : `${((100 * n) / of).toFixed(1).padStart(5)}%`);
  print('\nRule firing rates over ../shared/corpora/realworld (files with at least one finding; each repository');
  print("scanned as one workspace, as `bulwark scan` sees it; 'alone': the rate with each file analysed by itself)");
  print(`${'rule'.padEnd(42)} ${'language'.padEnd(10)} ${'fired'.padStart(12)} ${'rate'.padStart(6)} ${'≥medium'.padStart(7)} ${'alone'.padStart(6)}`);
  for (const r of [...rates].sort((a, b) => b.fired / (b.files || 1) - a.fired / (a.files || 1) || a.ruleId.localeCompare(b.ruleId))) {
    const flag = r.files > 0 && r.fired / r.files > SECOND_LOOK ? '  > 50%: second look (see its README)' : '';
    const alone = r.firedAlone === r.fired ? ' '.repeat(6) : pct(r.firedAlone, r.files);
    print(`${r.ruleId.padEnd(42)} ${r.language.padEnd(10)} ${`${r.fired}/${r.files}`.padStart(12)} ${pct(r.fired, r.files)} ${pct(r.firedAtMedium, r.files)} ${alone}${flag}`);
  }
}
