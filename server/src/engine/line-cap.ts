import type { Notice } from './types';

// dockerfile-ast and the RUN-script reader spend seconds on a single line of megabytes (a 5 MB RUN
// line took 10.6 s), so such a line is not handed to them: its text is replaced by spaces (offsets
// stay exact), keeping the instruction keyword and a trailing line continuation, and a notice says
// which line the Dockerfile checks did not read. The text rules (secrets) still read every line.

/** Longest line, in UTF-16 code units, that the Dockerfile parser and rules are given. */
export const MAX_DOCKERFILE_LINE_LENGTH = 100_000;

export function capLongLines(text: string, max: number = MAX_DOCKERFILE_LINE_LENGTH): { text: string; notices: Notice[] } {
  // No line is longer than the whole text: a Dockerfile of the usual size is not walked character by character.
  if (text.length <= max) return { text, notices: [] };
  const notices: Notice[] = [];
  const pieces: string[] = [];
  let copied = 0;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    if (end - start > max) {
      const kept = /^\s*\S+/.exec(text.slice(start, start + 64))?.[0].length ?? 0;
      const tail = /[\\`]\s*$/.exec(text.slice(Math.max(start, end - 64), end))?.[0] ?? '';
      pieces.push(text.slice(copied, start + kept), ' '.repeat(end - start - kept - tail.length), tail);
      copied = end;
      notices.push({ code: 'parse-error', span: { start, end: start + kept }, message: `Line ${line + 1} is longer than ${max.toLocaleString('en-US')} characters: the Dockerfile checks skipped it (secret checks still read it).` });
    }
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  if (notices.length === 0) return { text, notices };
  pieces.push(text.slice(copied));
  return { text: pieces.join(''), notices };
}
