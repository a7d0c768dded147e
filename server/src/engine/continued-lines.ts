import type { Span } from './types';

// A check that reads command lines (TextLookaround.continuedLines) reads a line ending in a continuation
// character together with the lines it continues: a window cut by its lookaround alone may open inside such
// a command and hand the check a fragment without the command's name. The window is widened to whole ones.

/**
 * How many continued lines a window reaches past its lookaround to take a whole command line (TextLookaround.
 * continuedLines): at least as many as a command line's reader joins (command-line.ts), bounded in characters.
 */
const MAX_CONTINUED_LINES = 200;
const MAX_CONTINUED_CHARS = 16 * 1024;

/** A line break at `lineEnd` (its LF, or CR) that follows a continuation character. */
function continuedAt(text: string, lineEnd: number): boolean {
  const c = text[lineEnd - 1];
  return c === '\\' || c === '`' || c === '^';
}

/**
 * The window `start`..`end` (whole lines) widened so that it neither opens on a line continued from the line
 * before nor closes after a line that continues: a command line is read whole or not at all (bounded).
 */
export function withContinuedLines(text: string, window: Span): Span {
  let { start, end } = window;
  const least = Math.max(0, start - MAX_CONTINUED_CHARS);
  for (let n = 0; n < MAX_CONTINUED_LINES && start > least && continuedAt(text, lineBreakBefore(text, start)); n++) {
    start = lineStartBefore(text, lineBreakBefore(text, start));
  }
  const most = Math.min(text.length, end + MAX_CONTINUED_CHARS);
  for (let n = 0; n < MAX_CONTINUED_LINES && end > 0 && end < most && continuedAt(text, lineBreakBefore(text, end)); n++) end = nextLineStartFrom(text, end);
  return { start, end };
}

/** The offset of the line break (its CR of a CRLF, or its only character) that ends just before `lineStart`. */
function lineBreakBefore(text: string, lineStart: number): number {
  return lineStart >= 2 && text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
}

/** The start of the line that holds `offset` (a line ends at an LF, a CRLF or a lone CR). */
function lineStartBefore(text: string, offset: number): number {
  let at = offset - 1;
  while (at >= 0 && text[at] !== '\n' && text[at] !== '\r') at--;
  return at + 1;
}

/** The start of the line after the one starting at `lineStart`. */
function nextLineStartFrom(text: string, lineStart: number): number {
  for (let at = lineStart; at < text.length; at++) {
    if (text[at] === '\n') return at + 1;
    if (text[at] === '\r') return text[at + 1] === '\n' ? at + 2 : at + 1;
  }
  return text.length;
}
