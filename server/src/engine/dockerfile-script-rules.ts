import type { DockerfileModel } from './parsers/dockerfile';
import type { CachedScript } from './parsers/dockerfile-script-cache';
import type { ReportReuse } from './dockerfile-report-reuse';
import { movedReport } from './finding-memo';
import { recentMoves, type Move } from './recent-moves';
import { shiftReport } from './text-windows';
import type { CheckContext, ParseCache, Report, Rule } from './types';

// A keystroke in a Dockerfile changes one instruction, yet every rule ran on every RUN again: the
// rules over RUN commands (programs run, packages installed, scripts piped to a shell) were most of
// the rule time in a long file. A rule whose template declares `perRunScript` reports on each script
// from that script alone, so the editor keeps its reports per script (under the script as first read,
// the same object while the instruction's text is: ScriptOrigin) and moves them with the instruction.
// Without a cache kept across analyses (the CLI's is dropped with the file) the rule runs once on the
// whole model, as it always did. As for a YAML section, the rule's regex work is then metered per
// script rather than per file. A rule whose check also reads other instructions (runScriptsApart:
// settings in ENV and in RUN, COPY arguments and RUN operands) keeps its script reports the same way
// and runs on the rest of the model at each analysis.

/** The one cache entry holding every script's kept reports; scripts the cache dropped drop theirs. */
const STORE_KEY = '\u0002dockerfile-script-reports';

type Store = WeakMap<CachedScript, Map<Rule, KeptReports>>;

interface KeptReports {
  /** Where the instruction started when these reports were made (their offsets are the file's then). */
  readonly base: number;
  readonly reports: readonly Report[];
  /**
   * The reports as last moved (recent-moves.ts): typing above an instruction moves it, deleting brings it
   * back, and the same moved reports (the same objects) let the findings made from them be reused (finding-memo.ts).
   */
  moves: readonly Move<readonly Report[]>[];
}

/** The rule's reports on the whole file, from its reports on each RUN script, run again only for changed ones. */
export function dockerfileRulePerScript(rule: Rule, model: DockerfileModel, cache: ParseCache, context: Omit<CheckContext, 'report'>): Report[] {
  const known = cache.get(STORE_KEY);
  const store: Store = known instanceof WeakMap ? (known as Store) : new WeakMap();
  if (!known) cache.set(STORE_KEY, store);
  const out: Report[] = [];
  for (const script of model.runScripts()) {
    const { read, base } = script.origin;
    let byRule = store.get(read);
    if (!byRule) store.set(read, (byRule = new Map<Rule, KeptReports>()));
    let kept = byRule.get(rule);
    if (!kept) {
      // The model narrowed to this one script: a perRunScript check reads nothing else (template.ts).
      // A check that also reads other instructions (runScriptsApart) sees none here: those run on the rest.
      const one: DockerfileModel = rule.runScriptsApart ? { ...model, entries: [], runScripts: () => [script], memo: new Map() } : { ...model, runScripts: () => [script], memo: new Map() };
      const reports: Report[] = [];
      (rule.check as (m: DockerfileModel, ctx: CheckContext) => void)(one, { ...context, report: (r) => reports.push(r) });
      // Kept in the offsets of the script as first read, so each later analysis shifts from there.
      const by = base - script.entry.span.start;
      kept = { base, reports: by === 0 ? reports : reports.map((r) => shiftReport(r, by)), moves: [] };
      byRule.set(rule, kept);
    }
    const by = script.entry.span.start - kept.base;
    // Most rules report nothing on most scripts: nothing to move.
    if (by === 0 || kept.reports.length === 0) {
      for (const r of kept.reports) out.push(r);
      continue;
    }
    const from = kept.reports;
    kept.moves = recentMoves(kept.moves, by, () => from.map((r) => movedReport(r, by)));
    for (const r of kept.moves[0].value) out.push(r);
  }
  return out;
}

/** Under this key of a model's memo, the model without its RUN scripts that runScriptsApart rules share. */
const WITHOUT_SCRIPTS = Symbol('withoutRunScripts');

/**
 * A runScriptsApart rule's reports: those on RUN scripts kept per script as above, the others from the
 * model with no scripts (its own memo: what rules derive from the scripts must not be shared with it),
 * those equal to the last analysis's given back as its objects (dockerfile-report-reuse.ts).
 */
export function dockerfileRuleScriptsApart(rule: Rule, model: DockerfileModel, cache: ParseCache, context: Omit<CheckContext, 'report'>, reuse: ReportReuse): Report[] {
  const out = dockerfileRulePerScript(rule, model, cache, context);
  let rest = model.memo.get(WITHOUT_SCRIPTS) as DockerfileModel | undefined;
  if (!rest) model.memo.set(WITHOUT_SCRIPTS, (rest = { ...model, runScripts: () => [], tooComplexScripts: () => [], memo: new Map() }));
  const others: Report[] = [];
  (rule.check as (m: DockerfileModel, ctx: CheckContext) => void)(rest, { ...context, report: (r) => others.push(r) });
  for (const r of reuse.reuse(rule, others)) out.push(r);
  return out;
}
