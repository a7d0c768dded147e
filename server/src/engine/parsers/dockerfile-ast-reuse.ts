import type { Instruction } from 'dockerfile-ast';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { changedRegion } from '../changed-region';
import { instructionDocument } from './dockerfile-instruction-document';
import { TEXT_MEMO } from './dockerfile-text-memo';

// dockerfile-ast's parser walks every character of the file at each keystroke to find where each
// instruction ends (escaped newlines, embedded comments, heredocs): most of the parse of a long file.
// The parser's state between two top-level items (instructions, comments) is only the offset it is at,
// and an instruction's extent is read from its own text onwards. So an instruction of the last parse
// whose text lies wholly before the edit, or starts after it, is found again without the walk (its end,
// keyword and embedded comments are known) and, when the edit added or removed lines above it, its
// built instruction is moved rather than built again. test/unit/parsers/dockerfile-ast-reuse.test.ts
// holds this to a fresh parse after edits at every line of the rule fixtures and the corpus.

/** An instruction built on its own text (see instructionDocument), kept for the next parse. */
export interface Built {
  readonly text: string;
  readonly escape: string;
  readonly keywordLength: number;
  /** Where the instruction starts: its document's origin. */
  readonly at: Position;
  readonly instruction: Instruction;
}

/** One top-level instruction as the parser read it; offsets after `start` are relative to it. */
export interface ParsedItem {
  readonly start: number;
  /** The keyword as written (escapes included), as the parser handed it to createInstruction. */
  readonly keyword: string;
  readonly keywordEnd: number;
  /** The end createInstruction was given for the instruction's range. */
  readonly lineEnd: number;
  /** Where the parser resumed its walk (what processInstruction returned). */
  readonly end: number;
  /** Comments inside the instruction (between continuation lines), [start, end). */
  readonly comments: readonly (readonly [number, number])[];
  readonly built: Built;
  /** Where the next top-level item starts, or the text's length: the parser read nothing from there. */
  next: number;
}

/** What one parse leaves for the next. */
export interface LastParse {
  readonly text: string;
  readonly escape: string;
  readonly items: ReadonlyMap<number, ParsedItem>;
  /** Built instructions by `line:column` of their start. */
  readonly built: ReadonlyMap<string, Built[]>;
}

/** Which items of the last parse hold for a new text: those before its first change and those after its last. */
export class ItemReuse {
  private readonly prefix: number;
  private readonly suffixFrom: number;
  private readonly delta: number;

  constructor(
    private readonly last: LastParse,
    text: string,
  ) {
    const { prefix, suffixFrom, delta } = changedRegion(last.text, text);
    this.prefix = prefix;
    this.suffixFrom = suffixFrom;
    this.delta = delta;
  }

  /** The last parse's item that the parser would read again at `start` (new offsets), if any. */
  itemAt(start: number, escape: string): ParsedItem | undefined {
    if (escape !== this.last.escape) return undefined;
    if (start < this.prefix) {
      const item = this.last.items.get(start);
      // An item read up to the end of the text may have stopped there only because the text ended.
      return item && item.next <= this.prefix && item.next < this.last.text.length ? item : undefined;
    }
    const old = start - this.delta;
    return old >= this.suffixFrom ? this.last.items.get(old) : undefined;
  }
}

/**
 * `built` moved to start at `at`: its own document there, and every position it holds moved with it
 * (line by line; columns on its first line by the change of column). Undefined when it holds something
 * this cannot move (the caller builds it again then).
 */
export function movedBuilt(built: Built, at: Position): Built | undefined {
  const from = built.at;
  const oldDocument = (built.instruction as unknown as { document: TextDocument }).document;
  const document = instructionDocument(built.text, at);
  const copies = new Map<object, unknown>([[oldDocument, document]]);
  const move = (p: Position): Position => (p.line === from.line ? { line: at.line, character: p.character - from.character + at.character } : { line: p.line - from.line + at.line, character: p.character });
  const copy = (value: unknown): unknown => {
    if (typeof value === 'function') throw new CannotMove();
    if (typeof value !== 'object' || value === null) return value;
    const known = copies.get(value);
    if (known !== undefined) return known;
    if (Array.isArray(value)) {
      const out: unknown[] = new Array(value.length);
      copies.set(value, out);
      for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
      return out;
    }
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto === Object.prototype && isPosition(value)) return move(value);
    // Maps, sets, dates… hold state this copy would not see.
    if (proto === null || Object.prototype.toString.call(value) !== '[object Object]') throw new CannotMove();
    const out = Object.create(proto) as Record<PropertyKey, unknown>;
    copies.set(value, out);
    const from = value as Record<PropertyKey, unknown>;
    for (const key in from) if (Object.prototype.hasOwnProperty.call(from, key)) out[key] = copy(from[key]);
    // The text memo holds offsets relative to the instruction: the moved one shares it.
    for (const key of Object.getOwnPropertySymbols(from)) out[key] = key === TEXT_MEMO ? from[key] : copy(from[key]);
    return out;
  };
  try {
    return { ...built, at, instruction: copy(built.instruction) as Instruction };
  } catch (err) {
    if (err instanceof CannotMove) return undefined;
    throw err;
  }
}

class CannotMove extends Error {}

/** A plain `{ line, character }` (Position.create's); nothing else dockerfile-ast keeps has both. */
function isPosition(value: object): value is Position {
  return typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}

/** `range` at the offsets of `document`: as the parser's Range.create(positionAt(…), positionAt(…)) makes it. */
export function rangeAt(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}
