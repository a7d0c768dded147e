import type { RE2JS } from 're2js';
import { re2js } from './re2js-module';

// Characters every match of an RE2 pattern contains, read from its compiled program: a RUNE1
// instruction (one exact character) that lies on every path from the start to MATCH. An input
// without one of them cannot match, which an indexOf per character says far more cheaply than RE2
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

/** Programs above this size are not analysed (the analysis is quadratic; none of ours is near it). */
const MAX_ANALYSED = 2000;

/** Characters (as one-character strings) that every match of `regex` contains; [] when none is known. */
export function requiredCharacters(regex: RE2JS): string[] {
  const prog = programOf(regex);
  if (!prog || prog.inst.length > MAX_ANALYSED) return [];
  const out = new Set<string>();
  for (let i = 0; i < prog.inst.length; i++) {
    const ch = exactAscii(prog.inst[i]);
    if (ch !== undefined && !out.has(ch) && !matchReachableAvoiding(prog, i)) out.add(ch);
  }
  return [...out];
}

function programOf(regex: RE2JS): Prog | undefined {
  const prog = (regex as unknown as { re2Input?: { prog?: Partial<Prog> } }).re2Input?.prog;
  if (!prog || !Array.isArray(prog.inst) || typeof prog.start !== 'number') return undefined;
  for (const inst of prog.inst as Partial<Inst>[]) {
    if (typeof inst.op !== 'number' || typeof inst.out !== 'number' || typeof inst.arg !== 'number' || inst.op < ALT || inst.op > LB_CHECK) return undefined;
  }
  return prog as Prog;
}

/** The one ASCII character a RUNE1 matches exactly; a case-folded letter matches several, so none. */
function exactAscii(inst: Inst): string | undefined {
  if (inst.op !== RUNE1 || inst.runes.length !== 1) return undefined;
  const rune = inst.runes[0];
  if (rune >= 128) return undefined;
  const ch = String.fromCharCode(rune);
  if ((inst.arg & FOLD_CASE) !== 0 && ch.toLowerCase() !== ch.toUpperCase()) return undefined;
  return ch;
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

/** Whether some path from the start reaches MATCH without passing instruction `avoid`. */
function matchReachableAvoiding(prog: Prog, avoid: number): boolean {
  const seen = new Uint8Array(prog.inst.length);
  const stack = [prog.start];
  while (stack.length > 0) {
    const pc = stack.pop()!;
    if (pc === avoid || pc < 0 || pc >= prog.inst.length || seen[pc] === 1) continue;
    seen[pc] = 1;
    const inst = prog.inst[pc];
    switch (inst.op) {
      case MATCH:
        return true;
      case FAIL:
        break;
      case ALT:
      case ALT_MATCH:
        stack.push(inst.out, inst.arg);
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
        stack.push(inst.out);
        break;
      default:
        // An instruction not known here: assume it can lead anywhere, so nothing is claimed.
        return true;
    }
  }
  return false;
}

/**
 * Whether this re2js reads as expected: known patterns give the characters they must (a character
 * in both branches of an alternation is two instructions, so `:` is not claimed there).
 */
export function requiredCharactersWork(): boolean {
  const { RE2JS } = re2js();
  const probe = (source: string, expected: string): boolean => requiredCharacters(RE2JS.compile(source)).sort().join('') === expected;
  return probe('(?:a|c)@b(?i)d', '@b') && probe('x|y', '') && probe('(?i)k=(?:@)?', '=');
}
