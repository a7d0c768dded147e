import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';

// One instruction's text as a document that answers in the whole file's lines and columns: a cached
// instruction (dockerfile-ast-memo.ts) reads only its own text, through positions that do not change
// while the instruction stays where it is, so it needs neither the file nor the version it came from.
// Offsets are this document's own; dockerfile-ast only passes back offsets it got from the same document.

/** `text` should be a string of its own (ownCopy), or the document keeps what it was cut from alive. */
export function instructionDocument(text: string, at: Position): TextDocument {
  const inner = TextDocument.create('', '', 0, text);
  const toOuter = (p: Position): Position => (p.line === 0 ? { line: at.line, character: p.character + at.character } : { line: p.line + at.line, character: p.character });
  const toInner = (p: Position): Position => {
    if (p.line < at.line) return { line: 0, character: 0 };
    return p.line === at.line ? { line: 0, character: Math.max(0, p.character - at.character) } : { line: p.line - at.line, character: p.character };
  };
  return {
    uri: inner.uri,
    languageId: inner.languageId,
    version: inner.version,
    get lineCount() {
      return inner.lineCount + at.line;
    },
    getText: (range?: Range) => inner.getText(range ? { start: toInner(range.start), end: toInner(range.end) } : undefined),
    positionAt: (offset: number) => toOuter(inner.positionAt(offset)),
    offsetAt: (position: Position) => inner.offsetAt(toInner(position)),
    getLineRange: (line: number) => {
      const range = inner.getLineRange(Math.max(0, line - at.line));
      return { start: toOuter(range.start), end: toOuter(range.end) };
    },
    getEOLCharacters: (line: number) => (line < at.line ? '' : inner.getEOLCharacters(line - at.line)),
  };
}

/** A string of its own: a slice keeps the whole text it was cut from alive in V8. */
export function ownCopy(text: string): string {
  return text.length < 16 ? text : (' ' + text).slice(1);
}
