import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { isAscii, joinPieces } from './flat-text';

// The server's own open-document store. vscode-languageserver-textdocument rewrites the whole text and
// shifts every later line offset on each incremental change: 2,000 keystrokes in a 3.5 MB manifest
// cost it ~20 s before the next request is read. Here the text lives in chunks of a few KB, each with
// its own line breaks, so a change rewrites one chunk; the whole text is built once, when someone
// reads it (an analysis); positions are found through a per-chunk index whose
// cost is the number of chunks, so a keystroke never walks every line.

const CHUNK_SIZE = 4 * 1024;

interface Chunk {
  readonly text: string;
  /** Offsets inside the chunk just after each line break. */
  readonly breaks: readonly number[];
  /** Every character is ASCII (the whole text is then joined one byte per character, flat-text.ts). */
  readonly ascii: boolean;
}

export class EditableDocument implements TextDocument {
  private chunks: Chunk[] = [];
  private flat: string | undefined;
  private index: ChunkIndex | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
  ) {
    this.reset(text);
  }

  static create(uri: string, languageId: string, version: number, text: string): EditableDocument {
    return new EditableDocument(uri, languageId, version, text);
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    const index = this.chunkIndex();
    return index.lines[index.lines.length - 1] + 1;
  }

  getText(range?: Range): string {
    const text = this.text();
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  positionAt(offset: number): Position {
    const index = this.chunkIndex();
    const at = Math.max(0, Math.min(offset, index.length));
    const line = this.lineOf(at);
    const start = this.lineStart(line);
    // Inside a CRLF pair counts as the end of the line's text, as in vscode-languageserver-textdocument.
    let end = at;
    while (end > start && isEol(this.charCodeAt(end - 1))) end--;
    return { line, character: end - start };
  }

  offsetAt(position: Position): number {
    const length = this.chunkIndex().length;
    if (position.line >= this.lineCount) return length;
    if (position.line < 0) return 0;
    const start = this.lineStart(position.line);
    const next = position.line + 1 < this.lineCount ? this.lineStart(position.line + 1) : length;
    let offset = Math.min(start + Math.max(0, position.character), next);
    while (offset > start && isEol(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  getLineRange(line: number): Range {
    const count = this.lineCount;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const last = Math.min(line, count - 1);
    const end = line >= count ? this.chunkIndex().length : this.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
    return { start: { line: last, character: 0 }, end: { line: last, character: end - this.lineStart(last) } };
  }

  getEOLCharacters(line: number): string {
    const count = this.lineCount;
    if (line < 0 || line >= count) return '';
    const next = line + 1 < count ? this.lineStart(line + 1) : this.chunkIndex().length;
    return this.text().substring(this.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }), next);
  }

  /** The text's size in UTF-8 bytes: its length when every chunk is ASCII (the size limit asks at each analysis). */
  utf8Length(): number {
    return this.chunks.every((c) => c.ascii) ? this.chunkIndex().length : Buffer.byteLength(this.text(), 'utf8');
  }

  /** Applies the changes in order; cost per incremental change is one chunk, not the whole text. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) this.replace(wellFormed(change.range), change.text);
      else this.reset(change.text);
    }
    this.currentVersion = version;
  }

  private text(): string {
    if (this.flat !== undefined) return this.flat;
    const flat = joinPieces(this.chunks);
    // The chunks are re-cut from the joined text: V8 keeps a slice's whole parent alive, so chunks cut from
    // the text as opened would keep that copy of a 1.9 MB manifest resident beside this one for good.
    let at = 0;
    this.chunks = this.chunks.map((c) => ({ text: flat.slice(at, (at += c.text.length)), breaks: c.breaks, ascii: c.ascii }));
    this.flat = flat;
    return flat;
  }

  /** Where each chunk starts, in characters and in lines: O(chunks) to build, not O(text). */
  private chunkIndex(): ChunkIndex {
    if (this.index) return this.index;
    const bases: number[] = [];
    const lines: number[] = [];
    let base = 0;
    let lineCount = 0;
    for (const chunk of this.chunks) {
      bases.push(base);
      lines.push(lineCount);
      base += chunk.text.length;
      lineCount += chunk.breaks.length;
    }
    lines.push(lineCount);
    return (this.index = { bases, lines, length: base });
  }

  /** The line that contains `offset` (0 <= offset <= length). */
  private lineOf(offset: number): number {
    const { bases, lines } = this.chunkIndex();
    const i = Math.max(0, upperBound(bases, offset) - 1);
    return lines[i] + upperBound(this.chunks[i].breaks, offset - bases[i]);
  }

  /** Offset where `line` starts (0 <= line < lineCount). */
  private lineStart(line: number): number {
    if (line <= 0) return 0;
    const { bases, lines } = this.chunkIndex();
    // The chunk holding the line's opening break: the last whose lines-before count is below `line`.
    const i = Math.max(0, lowerBound(lines, line) - 1);
    return bases[i] + this.chunks[i].breaks[line - lines[i] - 1];
  }

  private charCodeAt(offset: number): number {
    if (this.flat !== undefined) return this.flat.charCodeAt(offset);
    const { bases } = this.chunkIndex();
    const i = Math.max(0, upperBound(bases, offset) - 1);
    return this.chunks[i].text.charCodeAt(offset - bases[i]);
  }

  private reset(text: string): void {
    this.chunks = split(text);
    if (this.chunks.length === 0) this.chunks.push({ text: '', breaks: [], ascii: true });
    this.flat = text;
    this.index = undefined;
  }

  private replace(range: Range, text: string): void {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    const first = this.chunkAt(start);
    const last = this.chunkAt(end);
    const merged = this.chunks[first.index].text.slice(0, start - first.base) + text + this.chunks[last.index].text.slice(end - last.base);
    const pieces = split(merged);
    this.chunks.splice(first.index, last.index - first.index + 1, ...pieces);
    // A CRLF pair must not straddle a chunk boundary (each chunk counts its own line breaks).
    this.heal(first.index + pieces.length - 1);
    this.heal(first.index - 1);
    if (this.chunks.length === 0) this.chunks.push({ text: '', breaks: [], ascii: true });
    this.flat = undefined;
    this.index = undefined;
  }

  /** Joins chunk i and i + 1 when i ends with CR and i + 1 starts with LF. */
  private heal(i: number): void {
    const left = this.chunks[i];
    const right = this.chunks[i + 1];
    if (!left || !right || left.text.charCodeAt(left.text.length - 1) !== 13 || right.text.charCodeAt(0) !== 10) return;
    const text = left.text + right.text;
    this.chunks.splice(i, 2, { text, breaks: breaksOf(text), ascii: left.ascii && right.ascii });
  }

  /** The chunk that holds `offset`; the end of the text belongs to the last chunk. */
  private chunkAt(offset: number): { index: number; base: number } {
    const { bases, length } = this.chunkIndex();
    const index = offset >= length ? bases.length - 1 : Math.max(0, upperBound(bases, offset) - 1);
    return { index, base: bases[index] };
  }
}

interface ChunkIndex {
  /** Offset of each chunk's first character. */
  readonly bases: readonly number[];
  /** Line breaks before each chunk; one more entry at the end: all of them. */
  readonly lines: readonly number[];
  readonly length: number;
}

/** Number of entries of the sorted `values` that are ≤ `x`. */
function upperBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Number of entries of the sorted `values` that are < `x`. */
function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function split(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK_SIZE);
    if (end < text.length && text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10) end++;
    const piece = text.slice(start, end);
    chunks.push({ text: piece, breaks: breaksOf(piece), ascii: isAscii(piece) });
    start = end;
  }
  return chunks;
}

function breaksOf(text: string): number[] {
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) breaks.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      breaks.push(i + 1);
    }
  }
  return breaks;
}

function isEol(c: number): boolean {
  return c === 10 || c === 13;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
