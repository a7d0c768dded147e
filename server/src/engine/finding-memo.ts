import type { SecretMasker } from './secret-mask';
import { shiftReport } from './text-windows';
import type { Finding, ParseCache, Report, Rule, Severity, Span } from './types';

// Making a finding costs a slice of the matched text, a fingerprint hash, the message's placeholders
// filled through the secret masker and the fix titles: in a 5,000-line Dockerfile with 3,000 findings,
// more than the rules themselves at each keystroke, and most of the garbage. Rules kept per RUN script
// or text window hand back the same Report objects while their text has not changed, so with the
// caller's cache the finding made from a report last time is handed back when everything it was made
// from is still equal: the rule, the severity, the span, the text there, its occurrence number and
// what the masker would do to its values. Without a cache (the CLI) every finding is made afresh.

/** Under this key the caller's cache keeps the memo's owner: the token its reports' findings are kept under. */
const MEMO_KEY = '\u0002findings-by-report';
/** Under this key, the masker's secret texts of the last analysis (one string, compared by reference). */
const SECRETS_KEY = '\u0002finding-secret-texts';

interface Made {
  /** The owner token of the memo that made it (one per cache: another cache's finding is not taken). */
  readonly owner: object;
  readonly rule: Rule;
  readonly severity: Severity;
  readonly span: Span;
  readonly matched: string;
  /** What occurrence numbers count (rule, text, key), as toFinding built it. */
  readonly identity: string;
  readonly occurrence: number;
  /** The masker's secret texts when it was made (see SecretMasker.textsKey). */
  readonly secrets: string;
  /** The values of unknown origin the masker masked in it, and what each became (SecretMasker.recorded). */
  readonly unknown: readonly (readonly [string, string])[];
  readonly finding: Finding;
}

/** On a report moved by movedReport(): the report it was moved from (not enumerable: a copy is no move). */
const MOVED_FROM = Symbol('movedFrom');

/**
 * On a report: the finding last made from it, with what it was made from. Kept on the report rather than
 * in a WeakMap: thousands of entries set per keystroke made a WeakMap's upkeep (and its ephemerons in
 * every GC) the larger part of the memo's cost. Not enumerable, so a copy of a report carries none.
 */
const MADE = Symbol('madeFinding');

function madeOf(report: Report, owner: object): Made | undefined {
  const made = (report as { [MADE]?: Made })[MADE];
  return made?.owner === owner ? made : undefined;
}

function keepMade(report: Report, made: Made): void {
  if (Object.isExtensible(report)) Object.defineProperty(report, MADE, { value: made, configurable: true });
}

/**
 * `report` shifted by `by`, remembered as moved from it: while a word is typed above a RUN, its kept
 * reports move by one more character at each keystroke, and the findings made from the report before
 * are then shifted rather than made again (FindingMemo.finding).
 */
export function movedReport(report: Report, by: number): Report {
  const moved = shiftReport(report, by);
  Object.defineProperty(moved, MOVED_FROM, { value: report });
  return moved;
}

export type MakeFinding = (report: Report, span: Span, matched: string, occurrence: number) => Finding;

/** The findings of one analysis, made or taken from the memo of the last ones. */
export class FindingMemo {
  private readonly occurrences = new Map<string, number>();

  private constructor(
    /** The cache's owner token, undefined without a cache (nothing kept). */
    private readonly owner: object | undefined,
    private readonly text: string,
    private readonly masker: SecretMasker,
    /** masker.textsKey, or the equal string of the last analysis (see of()). */
    private readonly secrets: string,
  ) {}

  /** A memo of the cache's earlier findings, or a pass-through without a cache. */
  static of(cache: ParseCache | undefined, text: string, masker: SecretMasker): FindingMemo {
    if (!cache) return new FindingMemo(undefined, text, masker, masker.textsKey);
    const known = cache.get(MEMO_KEY);
    const owner = typeof known === 'object' && known !== null ? known : {};
    // Set at every analysis, so a cache that keeps only what the last analyses used keeps it.
    cache.set(MEMO_KEY, owner);
    // Each finding compares its secret texts with these: two equal strings made apart are compared
    // character by character (every secret of the file, for each of thousands of findings), the same
    // string by reference. So the last analysis's string is kept and used again while equal.
    const last = cache.get(SECRETS_KEY);
    const secrets = typeof last === 'string' && last === masker.textsKey ? last : masker.textsKey;
    cache.set(SECRETS_KEY, secrets);
    return new FindingMemo(owner, text, masker, secrets);
  }

  /** The finding for `report`, in file order (occurrence numbers count identical earlier ones). */
  finding(rule: Rule, report: Report, severity: Severity, make: MakeFinding): Finding {
    const start = clamp(report.span.start, this.text.length);
    const end = clamp(Math.max(report.span.end, start), this.text.length);
    const owner = this.owner;
    let last = owner && madeOf(report, owner);
    // A report moved from one a finding was made from: that finding, moved the same way (checked below).
    let by = 0;
    if (!last && owner) {
      const origin = (report as { [MOVED_FROM]?: Report })[MOVED_FROM];
      const before = origin && madeOf(origin, owner);
      if (origin && before && origin.span.start === before.span.start && origin.span.end === before.span.end) {
        last = before;
        by = report.span.start - origin.span.start;
      }
    }
    const same =
      last !== undefined &&
      last.rule === rule &&
      last.severity === severity &&
      last.span.start + by === start &&
      last.span.end + by === end &&
      this.text.startsWith(last.matched, start);
    const matched = same && last ? last.matched : this.text.slice(start, end);
    const identity = same && last ? last.identity : `${rule.meta.id}\u0000${matched}\u0000${report.key ?? ''}`;
    const occurrence = this.occurrences.get(identity) ?? 0;
    this.occurrences.set(identity, occurrence + 1);
    const secrets = this.secrets;
    // Typing in a secret changes the secret texts: a finding whose values of unknown origin mask as
    // before is still what would be made (without this, every finding of the file was made again).
    if (same && last && last.occurrence === occurrence && !this.masker.overlapsAny(report.origins) && (last.secrets === secrets || this.masker.maskedAlike(last.unknown))) {
      if (by === 0 && last.secrets === secrets) return last.finding;
      const moved = by === 0 ? last.finding : movedFinding(last.finding, by);
      keepMade(report, { ...last, span: moved.span, secrets, finding: moved });
      return moved;
    }
    const span = { start, end };
    // Recorded only to be kept (the CLI keeps nothing).
    const { value: finding, unknown } = owner ? this.masker.recorded(() => make(report, span, matched, occurrence)) : { value: make(report, span, matched, occurrence), unknown: [] };
    // A value read from where a secret lies is masked by that secret's place, which the memo does not
    // compare: such findings are made afresh each time.
    if (owner && !this.masker.overlapsAny(report.origins)) keepMade(report, { owner, rule, severity, span, matched, identity, occurrence, secrets, unknown, finding });
    return finding;
  }
}

/**
 * What toFinding makes from a report moved by `by`, from what it made before the move: the span and the
 * fixes' edits move; the fingerprint, message and titles read no position (the text there is compared).
 */
function movedFinding(finding: Finding, by: number): Finding {
  const shift = (span: Span): Span => ({ start: span.start + by, end: span.end + by });
  return {
    ...finding,
    span: shift(finding.span),
    fixes: finding.fixes.length === 0 ? finding.fixes : finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, span: shift(e.span) })) })),
  };
}

export function clampSpan(span: Span, max: number): Span {
  const start = clamp(span.start, max);
  return { start, end: clamp(Math.max(span.end, start), max) };
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}
