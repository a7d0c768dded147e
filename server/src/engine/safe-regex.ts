import { RE2JS } from 're2js';

// Regexes that come from rule packs are data written by someone else: they run on RE2 (linear time),
// never on the backtracking JavaScript engine, so no pack can hang an editor. Linear is not cheap:
// RE2's cost is about input length × program size (up to ~40 ns per character and instruction when
// its DFA gives up), so a pattern's size is capped when it is compiled and its input on every call.

/** Longer patterns are refused before compiling (compiling costs about as much as the program is large). */
export const MAX_PATTERN_LENGTH = 1000;
/** RE2 instructions a compiled pattern may have; the largest built-in one has ~320. */
export const MAX_PROGRAM_SIZE = 1000;
/** Input length × program size allowed in one call (e.g. 200 KB for a 1,000-instruction program). */
export const MAX_REGEX_WORK = 200_000_000;

/** Thrown when an input is too long for a pattern; the engine reports the rule as failed on that file. */
export class RegexWorkLimitError extends Error {}

export interface SafeMatch {
  readonly start: number;
  readonly end: number;
  readonly groups: readonly (string | undefined)[];
  groupStart(index: number): number;
}

export class SafeRegex {
  private readonly compiled: RE2JS;

  private readonly programSize: number;

  /** Throws a readable error for invalid RE2 syntax or a pattern over the size limits. */
  constructor(readonly source: string, caseInsensitive = false) {
    if (source.length > MAX_PATTERN_LENGTH) throw new Error(`the pattern is ${source.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`);
    this.compiled = RE2JS.compile(source, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    this.programSize = this.compiled.programSize();
    if (this.programSize > MAX_PROGRAM_SIZE) {
      throw new Error(`the pattern compiles to ${this.programSize} RE2 instructions; the limit is ${MAX_PROGRAM_SIZE} (large counted repetitions such as {1000} cost one instruction per repeat)`);
    }
  }

  /** The error a constructor would throw, or undefined for a usable pattern. */
  static validate(source: string): string | undefined {
    try {
      new SafeRegex(source);
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
    this.checkWork(input);
    return this.compiled.matcher(input).find();
  }

  *matchAll(input: string): Generator<SafeMatch> {
    this.checkWork(input);
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

  private checkWork(input: string): void {
    if (input.length * this.programSize <= MAX_REGEX_WORK) return;
    const most = Math.floor(MAX_REGEX_WORK / this.programSize);
    throw new RegexWorkLimitError(`its pattern may read at most ${most.toLocaleString('en-US')} characters at once and was given ${input.length.toLocaleString('en-US')} (regex work limit)`);
  }
}
