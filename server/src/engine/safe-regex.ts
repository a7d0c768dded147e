import type { RE2JS } from 're2js';
import { re2js } from './re2js-module';
import { captureGroupCount } from './regex-groups';
import { anchoredFirstCharacters, requiredCharacters, requiredCharactersWork } from './regex-required';

// Regexes that come from rule packs are data written by someone else: they run on RE2 (linear time),
// never on the backtracking JavaScript engine, so no pack can hang an editor. Linear is not cheap:
// RE2's cost is about input length × program size (up to ~40 ns per character and instruction when
// its DFA gives up), so a pattern's size is capped when it is compiled, and a rule's regex work on
// one file is metered.

/** Longer patterns are refused before compiling (compiling costs about as much as the program is large). */
const MAX_PATTERN_LENGTH = 1000;
/** RE2 instructions a compiled pattern may have; the largest built-in one has ~320. */
export const MAX_PROGRAM_SIZE = 1000;
/**
 * Regex work one rule may do on one file (one YAML section for text rules): the sum over its calls of
 * input length × program size. 100 KB of input for a 1,000-instruction pattern, 700 KB for the
 * 138-instruction GitHub token pattern; a few seconds at RE2's worst.
 */
const MAX_REGEX_WORK = 100_000_000;

/**
 * Whether this re2js's programs read as regex-required.ts expects: decided once, by probes, at the first
 * compile rather than at load (a one-file scan may compile no pattern at all, and the probes' compiles were
 * the first use of re2js, its tables decoded and its code run cold). A memo of a constant, never reset.
 */
const requiredCharactersReadable = memoOnce(requiredCharactersWork);

function memoOnce(compute: () => boolean): () => boolean {
  let answer: boolean | undefined;
  return () => (answer ??= compute());
}

/** test() remembers its answer for inputs up to this long (names, keys, values), at most this many per pattern. */
const MEMO_MAX_INPUT = 512;
const MAX_REMEMBERED_TESTS = 4096;

/**
 * What a compiled pattern says about its matches without running it: its size (what the meter charges),
 * the character sets every match holds one of and, for a `^…` pattern, the ASCII characters a match may
 * start with (regex-required.ts). Plain data, so the build can ship it for the patterns it compiled
 * (validated-packs.ts): most inputs a pattern meets lack a required character, and are answered from
 * these facts with no compile at all.
 */
export interface RegexFacts {
  readonly size: number;
  /** Capture groups (group 0 not counted). */
  readonly groups: number;
  readonly required: readonly string[];
  /** The characters, in one string; absent when a match may start anywhere or with any character. */
  readonly first?: string;
}

/** How a pattern is named among shipped facts: its flag and its source. */
export function regexFactsKey(source: string, caseInsensitive: boolean): string {
  return `${caseInsensitive ? 'i' : '-'}${source}`;
}

interface Prefilter {
  readonly size: number;
  readonly groups: number;
  readonly required: readonly string[];
  /** A table of `firstCharacters`, made when first needed (most shipped patterns are never run). */
  first: Uint8Array | undefined;
  readonly firstCharacters: string | undefined;
}

/** Thrown when a rule's regex work on a file would pass the limit; the engine reports the rule as failed there. */
class RegexWorkLimitError extends Error {}

/** Counts one rule's regex work on the file being checked; the loader resets it before each check. */
export class RegexMeter {
  private spent = 0;

  constructor(readonly limit: number = MAX_REGEX_WORK) {}

  reset(): void {
    this.spent = 0;
  }

  /** Charged before a call runs, so the limit holds whatever the input. */
  charge(work: number): void {
    this.spent += work;
    if (this.spent > this.limit) {
      throw new RegexWorkLimitError(`its patterns would do more than the regex work limit allows on this file (input length × program size over ${this.limit.toLocaleString('en-US')})`);
    }
  }
}

/** What templates compile pack patterns with (see Template.instantiate). */
export type RegexCompiler = (source: string, caseInsensitive?: boolean) => SafeRegex;

export interface SafeMatch {
  readonly start: number;
  readonly end: number;
  readonly groups: readonly (string | undefined)[];
  groupStart(index: number): number;
}

export class SafeRegex {
  // Compiled on first use when deferred: most of a pack's patterns (a secret detector whose keyword never
  // appears) are never run in a given scan, and compiling them all was most of the CLI's startup.
  private regex: RE2JS | undefined;
  /** The compiled program's facts, or the build's facts for it before it is compiled. */
  private prefilter: Prefilter | undefined;
  /**
   * test()'s answers for short inputs already seen, a pure function of the input: Dockerfile rules test
   * the same words (package names, flag values, ENV names) at every keystroke, templates one file name
   * per `---` section and one key against several lists. Bounded: emptied when full.
   */
  private readonly tested = new Map<string, boolean>();

  /**
   * Throws a readable error for invalid RE2 syntax or a pattern over the size limits. `deferred` is for
   * patterns this same engine already compiled and accepted (a pack file in the build's validated
   * snapshot): they are compiled when first run. `known`: the facts the build read from this pattern's
   * program (only with `deferred`), so that the inputs they rule out never compile it.
   */
  constructor(
    readonly source: string,
    private readonly caseInsensitive = false,
    /** The rule's meter; without one, each call alone is held to the limit. */
    private readonly meter?: RegexMeter,
    deferred = false,
    known?: RegexFacts,
  ) {
    if (source.length > MAX_PATTERN_LENGTH) throw new Error(`the pattern ${excerpt(source)} is ${source.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`);
    if (!deferred) this.compile();
    else if (known) this.prefilter = { size: known.size, groups: known.groups, required: known.required, first: undefined, firstCharacters: known.first };
  }

  private get compiled(): RE2JS {
    return this.regex ?? this.compile();
  }

  private compile(): RE2JS {
    const { RE2JS } = re2js();
    const compiled = RE2JS.compile(this.source, this.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    const size = compiled.programSize();
    if (size > MAX_PROGRAM_SIZE) {
      throw new Error(`the pattern ${excerpt(this.source)} compiles to ${size} RE2 instructions; the limit is ${MAX_PROGRAM_SIZE} (large counted repetitions such as {1000} cost one instruction per repeat)`);
    }
    this.regex = compiled;
    if (this.prefilter === undefined) {
      const first = requiredCharactersReadable() ? anchoredFirstCharacters(compiled) : undefined;
      this.prefilter = {
        size,
        groups: compiled.groupCount(),
        required: requiredCharactersReadable() ? requiredCharacters(compiled) : [],
        first,
        firstCharacters: first === undefined ? undefined : asciiCharacters(first),
      };
    }
    return compiled;
  }

  private get facts(): Prefilter {
    if (this.prefilter === undefined) this.compile();
    return this.prefilter as Prefilter;
  }

  /** The facts of this pattern's program, as the build ships them (compiling it if it is not yet). */
  regexFacts(): RegexFacts {
    const { size, groups, required, firstCharacters } = this.facts;
    return firstCharacters === undefined ? { size, groups, required } : { size, groups, required, first: firstCharacters };
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
    return this.regex ? this.regex.groupCount() : (this.prefilter?.groups ?? captureGroupCount(this.source));
  }

  test(input: string): boolean {
    // Charged on every call, answered from memory or not, so the meter's limit holds exactly as before.
    this.checkWork(input);
    // An input without a character every match holds is answered without the memo: most inputs of the
    // many filter patterns a secret candidate meets (allowlists, deferTo, ignoreKeys) end here.
    if (!this.mayMatch(input)) return false;
    const remembered = input.length <= MEMO_MAX_INPUT;
    const known = remembered ? this.tested.get(input) : undefined;
    if (known !== undefined) return known;
    // RE2JS.test asks for no capture groups, so it runs on the lazy DFA (a table step per character,
    // its states kept across calls) instead of the backtracker or NFA a Matcher's find() runs.
    const result = this.compiled.test(input);
    // Only short inputs (names, keys, values) are kept: a large text is neither retained nor compared.
    if (remembered) {
      if (this.tested.size >= MAX_REMEMBERED_TESTS) this.tested.clear();
      this.tested.set(input, result);
    }
    return result;
  }

  *matchAll(input: string): Generator<SafeMatch> {
    this.checkWork(input);
    if (!this.mayMatch(input)) return;
    // Most inputs (the lines around a keyword) hold no match: RE2's DFA says so at a table step per
    // character, where a Matcher with capture groups runs the backtracker or the NFA, several times dearer.
    if (!this.compiled.test(input)) return;
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

  /**
   * False when the input lacks a character every match contains (regex-required.ts): an indexOf per
   * such character instead of an RE2 run, for the many inputs that cannot match.
   */
  private mayMatch(input: string): boolean {
    const program = this.facts;
    // A `^…` pattern's match starts at the input's first character: one table look for the many
    // values the anchored filters (deferTo, allowlists, ignoreKeys) are asked about.
    if (program.first === undefined && program.firstCharacters !== undefined) program.first = asciiTable(program.firstCharacters);
    const first = program.first;
    if (first !== undefined) {
      if (input.length === 0) return false;
      const c = input.charCodeAt(0);
      if (c < 128 && first[c] === 0) return false;
    }
    for (const characters of program.required) if (!containsAny(input, characters)) return false;
    return true;
  }

  private checkWork(input: string): void {
    (this.meter ?? new RegexMeter()).charge(input.length * this.facts.size);
  }
}

/** Whether `input` holds one of `characters` (most often one character; a letter's cases for a case-folded one). */
function containsAny(input: string, characters: string): boolean {
  if (characters.length === 1) return input.indexOf(characters) >= 0;
  for (let i = 0; i < characters.length; i++) if (input.indexOf(characters[i]) >= 0) return true;
  return false;
}

function asciiCharacters(table: Uint8Array): string {
  let characters = '';
  for (let c = 0; c < table.length; c++) if (table[c] === 1) characters += String.fromCharCode(c);
  return characters;
}

/** A table of the ASCII characters in `characters`, as anchoredFirstCharacters makes it. */
function asciiTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < characters.length; i++) table[characters.charCodeAt(i)] = 1;
  return table;
}

/** Which pattern of a rule is meant, in a message (patterns are rule data, not secrets). */
function excerpt(source: string): string {
  return JSON.stringify(source.length > 40 ? `${source.slice(0, 40)}…` : source);
}
