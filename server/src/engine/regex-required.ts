import type { RE2JS } from 're2js';
import { re2js } from './re2js-module';

// Characters every match of an RE2 pattern contains, read from its compiled program: an exact character
// (or a letter in either case, for a case-insensitive one) consumed on every path from the start to MATCH.
// An input without one of them cannot match, which an indexOf per character says far more cheaply than RE2
// (the lines around a `://` keyword rarely hold the `@` a password in a URI needs). The program is
// re2js's own (RE2JS → RE2 → Prog); if its shape is not the one known here, no character is
// claimed, and a probe of known patterns at first use checks the reading is right.

/** re2js Inst opcodes (re2js/src/Inst.js). */
const ALT = 1;
const ALT_MATCH = 2;
const CAPTURE = 3;
const EMPTY_WIDTH = 4;
const FAIL = 5;
const MATCH = 6;
const NOP = 7;
const RUNE = 8;
const RUNE1 = 9;
const RUNE_ANY = 10;
const RUNE_ANY_NOT_NL = 11;
const LB_WRITE = 12;
const LB_CHECK = 13;
/** re2js RE2Flags.FOLD_CASE, set in a RUNE1's arg when it matches case-insensitively. */
const FOLD_CASE = 0x01;

interface Inst {
  readonly op: number;
  readonly out: number;
  readonly arg: number;
  readonly runes: ArrayLike<number>;
}

interface Prog {
  readonly inst: readonly Inst[];
  readonly start: number;
}

/** Programs above this size are not analysed (each pass is linear, the passes few; none of ours is near it). */
const MAX_ANALYSED = 2000;

/** Token sets, one bit per token: 0-127 an exact ASCII character, 128 + i the i-th letter in either case. */
const WORDS = 5;
const FOLDED = 128;

/**
 * What every match of `regex` contains, as character sets (strings): a match holds at least one
 * character of each. An exact ASCII character is a set of one; a letter matched case-insensitively is
 * the set its case folds to (`Nn`; `Kk\u212a` and `Ss\u017f` hold the Kelvin sign and the long s RE2
 * folds with them). Read from the program as what every path from an instruction to MATCH consumes,
 * so a character on each branch of an alternation counts (`.` in `a\.json|b\.lock`). [] when none is known.
 */
export function requiredCharacters(regex: RE2JS): string[] {
  const prog = programOf(regex);
  if (!prog || prog.inst.length > MAX_ANALYSED) return [];
  const count = prog.inst.length;
  // Every token until shown otherwise (a path that never reaches MATCH asks for anything); the sets
  // only shrink from there, to the greatest fixpoint.
  const sets = new Uint32Array(count * WORDS).fill(0xffffffff);
  const next = new Uint32Array(WORDS);
  for (let changed = true; changed; ) {
    changed = false;
    for (let pc = count - 1; pc >= 0; pc--) {
      const inst = prog.inst[pc];
      switch (inst.op) {
        case MATCH:
          next.fill(0);
          break;
        case FAIL:
          next.fill(0xffffffff);
          break;
        case ALT:
        case ALT_MATCH:
          for (let w = 0; w < WORDS; w++) next[w] = sets[inst.out * WORDS + w] & sets[inst.arg * WORDS + w];
          break;
        case CAPTURE:
        case EMPTY_WIDTH:
        case NOP:
        case RUNE:
        case RUNE1:
        case RUNE_ANY:
        case RUNE_ANY_NOT_NL:
        case LB_WRITE:
        case LB_CHECK:
          next.set(sets.subarray(inst.out * WORDS, inst.out * WORDS + WORDS));
          addTokens(inst, next);
          break;
        default:
          // An instruction not known here: assume it can lead anywhere, so nothing is claimed.
          return [];
      }
      for (let w = 0; w < WORDS; w++) {
        if (next[w] !== sets[pc * WORDS + w]) {
          sets[pc * WORDS + w] = next[w];
          changed = true;
        }
      }
    }
  }
  const has = (token: number) => ((sets[prog.start * WORDS + (token >> 5)] >>> (token & 31)) & 1) === 1;
  const out: string[] = [];
  for (let c = 0; c < FOLDED; c++) if (has(c)) out.push(String.fromCharCode(c));
  for (let i = 0; i < 26; i++) {
    // An exact letter says more than the same letter in either case.
    if (has(FOLDED + i) && !has(65 + i) && !has(97 + i)) out.push(foldedLetter(97 + i));
  }
  return out;
}

/** The tokens one instruction consumes for certain, added to `set`. */
function addTokens(inst: Inst, set: Uint32Array): void {
  const add = (token: number) => (set[token >> 5] |= 1 << (token & 31));
  // A RUNE1 is one rune (case-folded when FOLD_CASE is set); a RUNE of one rune is a case-folded one.
  if (inst.runes.length !== 1 || !(inst.op === RUNE1 || (inst.op === RUNE && (inst.arg & FOLD_CASE) !== 0))) return;
  const rune = inst.runes[0];
  if (rune >= 128) return;
  const lower = asciiLower(rune);
  const letter = lower >= 97 && lower <= 122;
  if (letter) add(FOLDED + lower - 97);
  if (!letter || (inst.arg & FOLD_CASE) === 0) add(rune);
}

/** The characters RE2's simple case folding joins to an ASCII letter. */
function foldedLetter(lower: number): string {
  const extra = lower === 107 ? '\u212a' : lower === 115 ? '\u017f' : '';
  return String.fromCharCode(lower - 32, lower) + extra;
}

function programOf(regex: RE2JS): Prog | undefined {
  const prog = (regex as unknown as { re2Input?: { prog?: Partial<Prog> } }).re2Input?.prog;
  if (!prog || !Array.isArray(prog.inst) || typeof prog.start !== 'number') return undefined;
  for (const inst of prog.inst as Partial<Inst>[]) {
    if (typeof inst.op !== 'number' || typeof inst.out !== 'number' || typeof inst.arg !== 'number' || inst.op < ALT || inst.op > LB_CHECK) return undefined;
  }
  return prog as Prog;
}

/** re2js Utils.EMPTY_BEGIN_TEXT: `^` outside multi-line mode, the input's first position only. */
const EMPTY_BEGIN_TEXT = 4;

/**
 * For a pattern whose every match starts at the input's start (`^…`, not multi-line): which ASCII
 * characters a match can start with, as a 128-entry table (1: possible). A non-ASCII first character
 * is left to RE2. Undefined when the pattern is not anchored so, may match the empty text, or holds an
 * instruction not read here (a case-folded non-ASCII rune, a lookbehind).
 */
export function anchoredFirstCharacters(regex: RE2JS): Uint8Array | undefined {
  const prog = programOf(regex);
  if (!prog || prog.inst.length > MAX_ANALYSED) return undefined;
  const first = new Uint8Array(128);
  // Each instruction is visited once before `^` and once after it (2 * pc + anchored).
  const seen = new Uint8Array(prog.inst.length * 2);
  const stack: number[] = [prog.start * 2];
  while (stack.length > 0) {
    const state = stack.pop()!;
    const pc = state >> 1;
    const anchored = state & 1;
    if (pc < 0 || pc >= prog.inst.length || seen[state] === 1) continue;
    seen[state] = 1;
    const inst = prog.inst[pc];
    switch (inst.op) {
      case FAIL:
        break;
      case ALT:
      case ALT_MATCH:
        stack.push(inst.out * 2 + anchored, inst.arg * 2 + anchored);
        break;
      case CAPTURE:
      case NOP:
        stack.push(inst.out * 2 + anchored);
        break;
      case EMPTY_WIDTH:
        // Other conditions (`\b`, `$`) only narrow what follows: passing them keeps the answer an over-approximation.
        stack.push(inst.out * 2 + ((inst.arg & EMPTY_BEGIN_TEXT) !== 0 ? 1 : anchored));
        break;
      case RUNE:
      case RUNE1:
      case RUNE_ANY:
      case RUNE_ANY_NOT_NL:
        if (anchored === 0 || !addFirstCharacters(inst, first)) return undefined;
        break;
      default:
        // MATCH before any character (an empty match), a lookbehind, or an instruction not known here.
        return undefined;
    }
  }
  return first;
}

/** Marks the ASCII characters one consuming instruction accepts; false when it cannot be read exactly. */
function addFirstCharacters(inst: Inst, first: Uint8Array): boolean {
  for (let c = 0; c < 128; c++) {
    switch (inst.op) {
      case RUNE_ANY:
        first[c] = 1;
        break;
      case RUNE_ANY_NOT_NL:
        if (c !== 10) first[c] = 1;
        break;
      default: {
        const accepts = acceptsAscii(inst, c);
        if (accepts === undefined) return false;
        if (accepts) first[c] = 1;
      }
    }
  }
  return true;
}

/** Whether a RUNE or RUNE1 accepts ASCII character `c`, as re2js's Inst.matchRune decides; undefined when not known here. */
function acceptsAscii(inst: Inst, c: number): boolean | undefined {
  const runes = inst.runes;
  if (runes.length === 1) {
    const r0 = runes[0];
    if ((inst.arg & FOLD_CASE) === 0 || inst.op === RUNE1) return r0 === c;
    // A case-folded rune: ASCII letters fold by case alone; a non-ASCII one (the Kelvin sign) may fold to ASCII.
    if (r0 >= 128) return undefined;
    return asciiLower(r0) === asciiLower(c);
  }
  if (runes.length % 2 !== 0) return undefined;
  for (let j = 0; j < runes.length; j += 2) if (runes[j] <= c && c <= runes[j + 1]) return true;
  return false;
}

function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/**
 * Whether this re2js reads as expected: known patterns give the character sets they must (a case-folded
 * letter a RUNE of one rune, a character on both branches of an alternation claimed, an optional one not).
 */
export function requiredCharactersWork(): boolean {
  const { RE2JS } = re2js();
  const probe = (source: string, expected: string): boolean => requiredCharacters(RE2JS.compile(source)).sort().join(' ') === expected;
  return probe('(?:a|c)@b(?i)d', '@ Dd b') && probe('x|y', '') && probe('(?i)k=(?:@)?', '= Kk\u212a') && probe('a:x|b:y', ':');
}
