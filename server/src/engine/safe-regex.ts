import { RE2JS } from 're2js';

// Regexes that come from rule packs are data written by someone else: they run on RE2 (linear time),
// never on the backtracking JavaScript engine, so no pack can hang an editor.

export interface SafeMatch {
  readonly start: number;
  readonly end: number;
  readonly groups: readonly (string | undefined)[];
  groupStart(index: number): number;
}

export class SafeRegex {
  private readonly compiled: RE2JS;

  constructor(readonly source: string, caseInsensitive = false) {
    this.compiled = RE2JS.compile(source, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  }

  /** Throws a readable error when the pattern is not valid RE2 syntax. */
  static validate(source: string): string | undefined {
    try {
      RE2JS.compile(source);
      return undefined;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }

  /** How many capture groups the pattern has (group 0, the whole match, not counted). */
  get groupCount(): number {
    return this.compiled.groupCount();
  }

  test(input: string): boolean {
    return this.compiled.matcher(input).find();
  }

  *matchAll(input: string): Generator<SafeMatch> {
    const m = this.compiled.matcher(input);
    const groupCount = m.groupCount();
    while (m.find()) {
      const groups: (string | undefined)[] = [];
      const starts: number[] = [];
      for (let g = 0; g <= groupCount; g++) {
        const value = m.group(g);
        groups.push(value ?? undefined);
        starts.push(value == null ? -1 : m.start(g));
      }
      yield { start: m.start(), end: m.end(), groups, groupStart: (i) => starts[i] ?? -1 };
    }
  }
}
