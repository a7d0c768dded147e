// Whether a Go line lies inside a `const ( … )` block (a lookup there would not compile), asked for each
// finding's line. Reading the text above each finding again made a Go file's fixes quadratic: 2 s of CPU
// per keystroke in a 1 MB file, read whole in the editor. So the lines that open and close blocks are
// found once per text, and each question is two binary searches. The answer is the one the line-by-line
// reading of the text above gave (test/unit/engine/go-const-blocks.test.ts holds it to that reading),
// quirks included: the block is the last `const (` written with one space, and any line above that opens
// one counts.

/** Line terminators, as `linesOf` (trim.ts) splits at them. */
const TERMINATOR = /[\n\r\u2028\u2029]/;
const OPENS = /^\s*const\s*\(/;
const CONST_OPEN = 'const (';

export interface GoConstBlocks {
  /** Whether `offset` (a line's start) is inside a `const (` block: see insideConstBlockByLines. */
  inside(offset: number): boolean;
}

/** The blocks' openers and closers of `text`, found once. */
export function goConstBlocks(text: string): GoConstBlocks {
  // The end (its terminator) of the first whole line that opens a block without closing it there.
  let firstOpenerEnd = Infinity;
  // Line starts and the `)` that is the first non-blank character of that line, in text order.
  const closerLines: number[] = [];
  const closerAt: number[] = [];
  let start = 0;
  for (const line of text.split(TERMINATOR)) {
    if (firstOpenerEnd === Infinity && opensBlock(line)) firstOpenerEnd = start + line.length;
    const lead = line.length - line.trimStart().length;
    if (line[lead] === ')') {
      closerLines.push(start);
      closerAt.push(start + lead);
    }
    start += line.length + 1;
  }
  const opens: number[] = [];
  for (let at = text.indexOf(CONST_OPEN); at >= 0; at = text.indexOf(CONST_OPEN, at + 1)) opens.push(at);
  return {
    inside(offset) {
      // The text above as its lines split it: whole lines end before `offset`, and the line it is in is cut there.
      let cut = offset;
      while (cut > 0 && !TERMINATOR.test(text[cut - 1])) cut--;
      if (!(firstOpenerEnd < offset) && !opensBlock(text.slice(cut, offset))) return false;
      // The last `const (` that ends by `offset`.
      const o = lastAtMost(opens, offset - CONST_OPEN.length);
      if (o < 0) return false;
      const open = opens[o];
      // A line after it whose first non-blank character, before `offset`, is `)` closes it.
      const c = firstAbove(closerLines, open);
      return c >= closerLines.length || closerAt[c] >= offset;
    },
  };
}

function opensBlock(line: string): boolean {
  return OPENS.test(line) && !line.slice(line.indexOf('(')).includes(')');
}

/** The index of the last value <= `most` in ascending `values`, or -1. */
function lastAtMost(values: readonly number[], most: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= most) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The index of the first value > `least` in ascending `values` (values.length when none). */
function firstAbove(values: readonly number[], least: number): number {
  return lastAtMost(values, least) + 1;
}
