import { changedRegion } from './changed-region';
import { movedReport } from './finding-memo';
import { recentMoves, type Move } from './recent-moves';
import type { ParseCache, Report, Rule, Span } from './types';

// A rule that reads the whole Dockerfile (the secret in an ENV, pipefail, the image tags) runs again at
// each keystroke and hands back new Report objects, ~530 of them in the 5,000-line bench file: each was
// then made a finding again (text slice, fingerprint, message through the secret masker), most of the
// findings' cost and garbage per keystroke. A new report equal to one of the last analysis (the same
// fields, its offsets moved by the edit where it lies after it) is replaced by that report object, or
// by it moved (movedReport), so the finding made from it is handed back (finding-memo.ts). Only the
// object changes, never a value: what is handed back equals what the rule reported.

/** Under this key: each rule's reports of the last analysis, by where they start. */
const LAST_KEY = '\u0002dockerfile-whole-file-reports';

interface Kept {
  /** What the rule's check returned, or a report replaced by one of an earlier analysis. */
  readonly report: Report;
  /** The report first kept (its finding was made from it), and how far `report` lies from it. */
  readonly root: Report;
  readonly by: number;
  /** The recent moves of root, `report`'s first when it is one (recent-moves.ts): typing and deleting a word reuses their objects. */
  readonly moves: readonly Move<Report>[];
}

interface LastReports {
  readonly text: string;
  readonly byRule: Map<Rule, Map<number, Kept[]>>;
}

/** One analysis's replacing of whole-file Dockerfile rules' reports by those of the last analysis. */
export class ReportReuse {
  private readonly last: LastReports | undefined;
  private readonly next: LastReports;
  /** The last text's first difference from this one, where its unchanged end starts, and the length change. */
  private readonly prefix: number;
  private readonly suffixFrom: number;
  private readonly delta: number;

  constructor(cache: ParseCache, text: string) {
    const known = cache.get(LAST_KEY) as LastReports | undefined;
    this.last = known;
    this.next = { text, byRule: new Map() };
    // Set before any rule runs: an analysis stopped half-way leaves only the rules that ran.
    cache.set(LAST_KEY, this.next);
    const { prefix, suffixFrom, delta } = changedRegion(known?.text ?? '', text);
    this.prefix = prefix;
    this.suffixFrom = suffixFrom;
    this.delta = delta;
  }

  /** `reports` with each one equal to a report of the rule's last analysis replaced by that report (moved). */
  reuse(rule: Rule, reports: Report[]): Report[] {
    const last = this.last?.byRule.get(rule);
    const kept = new Map<number, Kept[]>();
    for (let i = 0; i < reports.length; i++) {
      const fresh = reports[i];
      const found = last && this.keptEqual(last, fresh);
      const entry: Kept = found ? this.movedOn(found, fresh.span.start - found.report.span.start) : { report: fresh, root: fresh, by: 0, moves: [] };
      reports[i] = entry.report;
      const at = kept.get(entry.report.span.start);
      if (at) at.push(entry);
      else kept.set(entry.report.span.start, [entry]);
    }
    this.next.byRule.set(rule, kept);
    return reports;
  }

  /** The unused report of the last analysis that `fresh` equals, moved by the edit; taken from `last`. */
  private keptEqual(last: Map<number, Kept[]>, fresh: Report): Kept | undefined {
    const start = fresh.span.start;
    const old = start < this.prefix ? start : start - this.delta;
    // After the first change, only what lay in the last text's unchanged end.
    if (start >= this.prefix && old < this.suffixFrom) return undefined;
    const candidates = last.get(old);
    if (!candidates) return undefined;
    const by = start - old;
    for (let i = 0; i < candidates.length; i++) {
      if (!equalReports(candidates[i].report, fresh, by)) continue;
      const found = candidates[i];
      candidates.splice(i, 1);
      return found;
    }
    return undefined;
  }

  /** `kept` moved by `by` more: its root itself, or a moved root already made when it is where one was. */
  private movedOn(kept: Kept, by: number): Kept {
    if (by === 0) return kept;
    const total = kept.by + by;
    const root = kept.root;
    if (total === 0) return { report: root, root, by: 0, moves: kept.moves };
    const moves = recentMoves(kept.moves, total, () => movedReport(root, total));
    return { report: moves[0].value, root, by: total, moves };
  }
}

/** Whether `fresh` is `kept` with every offset shiftReport moves moved by `by`, and everything else equal. */
function equalReports(kept: Report, fresh: Report, by: number): boolean {
  if (!equalSpans(kept.span, fresh.span, by)) return false;
  const keptOrigins = kept.origins;
  const freshOrigins = fresh.origins;
  if (keptOrigins !== freshOrigins) {
    if (!keptOrigins || !freshOrigins) return false;
    const names = Object.keys(keptOrigins);
    if (names.length !== Object.keys(freshOrigins).length) return false;
    for (const name of names) if (!(name in freshOrigins) || !equalSpans(keptOrigins[name], freshOrigins[name], by)) return false;
  }
  const keptFixes = kept.fixes ?? [];
  const freshFixes = fresh.fixes ?? [];
  if (keptFixes.length !== freshFixes.length) return false;
  for (let i = 0; i < keptFixes.length; i++) {
    const a = keptFixes[i];
    const b = freshFixes[i];
    if (a.edits.length !== b.edits.length || !equalValuesBut(a, b, 'edits')) return false;
    for (let j = 0; j < a.edits.length; j++) if (!equalSpans(a.edits[j].span, b.edits[j].span, by) || !equalValuesBut(a.edits[j], b.edits[j], 'span')) return false;
  }
  return equalValuesBut(kept, fresh, 'span', 'origins', 'fixes');
}

function equalSpans(kept: Span, fresh: Span, by: number): boolean {
  return kept.start + by === fresh.start && kept.end + by === fresh.end;
}

/** Every own enumerable field of both but `skipped` deeply equal; a field set to undefined counts as absent. */
function equalValuesBut(a: object, b: object, ...skipped: string[]): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) if (!skipped.includes(key) && Object.prototype.hasOwnProperty.call(x, key) && !equalValues(x[key], y[key])) return false;
  for (const key in y) if (!skipped.includes(key) && Object.prototype.hasOwnProperty.call(y, key) && !Object.prototype.hasOwnProperty.call(x, key) && y[key] !== undefined) return false;
  return true;
}

function equalValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const list = b as unknown[];
    if (a.length !== list.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalValues(a[i], list[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  return equalValuesBut(a, b);
}
