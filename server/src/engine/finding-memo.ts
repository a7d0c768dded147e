import type { SecretMasker } from './secret-mask';
import type { Finding, ParseCache, Report, Rule, Severity, Span } from './types';

// Making a finding costs a slice of the matched text, a fingerprint hash, the message's placeholders
// filled through the secret masker and the fix titles: in a 5,000-line Dockerfile with 3,000 findings,
// more than the rules themselves at each keystroke, and most of the garbage. Rules kept per RUN script
// or text window hand back the same Report objects while their text has not changed, so with the
// caller's cache the finding made from a report last time is handed back when everything it was made
// from is still equal: the rule, the severity, the span, the text there, its occurrence number and
// what the masker would do to its values. Without a cache (the CLI) every finding is made afresh.

/** Under this key the caller's cache keeps the memo (a WeakMap: a report nobody keeps drops its finding). */
const MEMO_KEY = '\u0002findings-by-report';

interface Made {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly span: Span;
  readonly matched: string;
  /** What occurrence numbers count (rule, text, key), as toFinding built it. */
  readonly identity: string;
  readonly occurrence: number;
  /** The masker's secret texts when it was made (see SecretMasker.textsKey). */
  readonly secrets: string;
  readonly finding: Finding;
}

export type MakeFinding = (report: Report, span: Span, matched: string, occurrence: number) => Finding;

/** The findings of one analysis, made or taken from the memo of the last ones. */
export class FindingMemo {
  private readonly occurrences = new Map<string, number>();

  private constructor(
    private readonly made: WeakMap<Report, Made> | undefined,
    private readonly text: string,
    private readonly masker: SecretMasker,
  ) {}

  /** A memo of the cache's earlier findings, or a pass-through without a cache. */
  static of(cache: ParseCache | undefined, text: string, masker: SecretMasker): FindingMemo {
    if (!cache) return new FindingMemo(undefined, text, masker);
    const known = cache.get(MEMO_KEY);
    const made = known instanceof WeakMap ? (known as WeakMap<Report, Made>) : new WeakMap<Report, Made>();
    // Set at every analysis, so a cache that keeps only what the last analyses used keeps it.
    cache.set(MEMO_KEY, made);
    return new FindingMemo(made, text, masker);
  }

  /** The finding for `report`, in file order (occurrence numbers count identical earlier ones). */
  finding(rule: Rule, report: Report, severity: Severity, make: MakeFinding): Finding {
    const start = clamp(report.span.start, this.text.length);
    const end = clamp(Math.max(report.span.end, start), this.text.length);
    const last = this.made?.get(report);
    const same =
      last !== undefined &&
      last.rule === rule &&
      last.severity === severity &&
      last.span.start === start &&
      last.span.end === end &&
      this.text.startsWith(last.matched, start);
    const matched = same ? last.matched : this.text.slice(start, end);
    const identity = same ? last.identity : `${rule.meta.id}\u0000${matched}\u0000${report.key ?? ''}`;
    const occurrence = this.occurrences.get(identity) ?? 0;
    this.occurrences.set(identity, occurrence + 1);
    const secrets = this.masker.textsKey;
    if (same && last.occurrence === occurrence && last.secrets === secrets && !this.masker.overlapsAny(report.origins)) return last.finding;
    const span = { start, end };
    const finding = make(report, span, matched, occurrence);
    // A value read from where a secret lies is masked by that secret's place, which the memo does not
    // compare: such findings are made afresh each time.
    if (this.made && !this.masker.overlapsAny(report.origins)) this.made.set(report, { rule, severity, span, matched, identity, occurrence, secrets, finding });
    return finding;
  }
}

export function clampSpan(span: Span, max: number): Span {
  const start = clamp(span.start, max);
  return { start, end: clamp(Math.max(span.end, start), max) };
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}
