import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

// The server's own open-document store. vscode-languageserver-textdocument rewrites the whole text and
// shifts every later line offset on each incremental change: 2,000 keystrokes in a 3.5 MB manifest
// cost it ~20 s before the next request is read. Here the text lives in chunks of a few KB, each with
// its own line breaks, so a change rewrites one chunk; the whole text and its line index are built
// once, when someone reads them (an analysis, a hover), not once per keystroke.

const CHUNK_SIZE = 4 * 1024;

interface Chunk {
  readonly text: string;
  /** Offsets inside the chunk just after each line break. */
  readonly breaks: readonly number[];
}

export class EditableDocument implements TextDocument {
  private chunks: Chunk[] = [];
  private flat: string | undefined;
  private lineStarts: number[] | undefined;

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
    return this.starts().length;
  }

  getText(range?: Range): string {
    const text = this.text();
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  positionAt(offset: number): Position {
    const starts = this.starts();
    const at = Math.max(0, Math.min(offset, this.text().length));
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] > at) hi = mid;
      else lo = mid + 1;
    }
    const line = lo - 1;
    // Inside a CRLF pair counts as the end of the line's text, as in vscode-languageserver-textdocument.
    let end = at;
    const text = this.text();
    while (end > starts[line] && isEol(text.charCodeAt(end - 1))) end--;
    return { line, character: end - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.starts();
    const text = this.text();
    if (position.line >= starts.length) return text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
    let offset = Math.min(start + Math.max(0, position.character), next);
    while (offset > start && isEol(text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  getLineRange(line: number): Range {
    const starts = this.starts();
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const last = Math.min(line, starts.length - 1);
    const end = line >= starts.length ? this.text().length : this.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
    return { start: { line: last, character: 0 }, end: { line: last, character: end - starts[last] } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.starts();
    if (line < 0 || line >= starts.length) return '';
    const next = line + 1 < starts.length ? starts[line + 1] : this.text().length;
    return this.text().substring(this.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }), next);
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
    return (this.flat ??= this.chunks.map((c) => c.text).join(''));
  }

  private starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    let base = 0;
    for (const chunk of this.chunks) {
      for (const b of chunk.breaks) starts.push(base + b);
      base += chunk.text.length;
    }
    return (this.lineStarts = starts);
  }

  private reset(text: string): void {
    this.chunks = split(text);
    if (this.chunks.length === 0) this.chunks.push({ text: '', breaks: [] });
    this.flat = text;
    this.lineStarts = undefined;
  }

  private replace(range: Range, text: string): void {
    const start = this.locate(range.start);
    const end = this.locate(range.end);
    const first = this.chunkAt(start);
    const last = this.chunkAt(end);
    const merged = this.chunks[first.index].text.slice(0, start - first.base) + text + this.chunks[last.index].text.slice(end - last.base);
    const pieces = split(merged);
    this.chunks.splice(first.index, last.index - first.index + 1, ...pieces);
    // A CRLF pair must not straddle a chunk boundary (each chunk counts its own line breaks).
    this.heal(first.index + pieces.length - 1);
    this.heal(first.index - 1);
    if (this.chunks.length === 0) this.chunks.push({ text: '', breaks: [] });
    this.flat = undefined;
    this.lineStarts = undefined;
  }

  /** Joins chunk i and i + 1 when i ends with CR and i + 1 starts with LF. */
  private heal(i: number): void {
    const left = this.chunks[i];
    const right = this.chunks[i + 1];
    if (!left || !right || left.text.charCodeAt(left.text.length - 1) !== 13 || right.text.charCodeAt(0) !== 10) return;
    const text = left.text + right.text;
    this.chunks.splice(i, 2, { text, breaks: breaksOf(text) });
  }

  /** offsetAt() computed on the chunks, without building the whole text. */
  private locate(position: Position): number {
    let base = 0;
    let linesBefore = 0;
    let lineStart: number | undefined = position.line <= 0 ? 0 : undefined;
    let index = 0;
    if (position.line < 0) return 0;
    for (; index < this.chunks.length && lineStart === undefined; index++) {
      const chunk = this.chunks[index];
      if (position.line <= linesBefore + chunk.breaks.length) lineStart = base + chunk.breaks[position.line - linesBefore - 1];
      else {
        linesBefore += chunk.breaks.length;
        base += chunk.text.length;
      }
    }
    if (lineStart === undefined) return base;
    // The line's end: the next break, which may lie in a later chunk.
    const wanted = lineStart + Math.max(0, position.character);
    let offset = lineStart;
    for (let at = this.chunkAt(lineStart); offset < wanted; ) {
      const chunk = this.chunks[at.index];
      const local = offset - at.base;
      if (local >= chunk.text.length) {
        if (at.index + 1 >= this.chunks.length) break;
        at = { index: at.index + 1, base: at.base + chunk.text.length };
        continue;
      }
      if (isEol(chunk.text.charCodeAt(local))) break;
      offset++;
    }
    return offset;
  }

  private chunkAt(offset: number): { index: number; base: number } {
    let base = 0;
    for (let index = 0; index < this.chunks.length; index++) {
      const length = this.chunks[index].text.length;
      if (offset < base + length || index === this.chunks.length - 1) return { index, base };
      base += length;
    }
    return { index: 0, base: 0 };
  }
}

function split(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK_SIZE);
    if (end < text.length && text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10) end++;
    const piece = text.slice(start, end);
    chunks.push({ text: piece, breaks: breaksOf(piece) });
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
