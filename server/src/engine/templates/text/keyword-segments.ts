import type { TextModel } from '../../parsers/text';
import type { Span } from '../../types';

// Where a detector's regex runs: only the lines around its keyword hits, never the whole file.
// RE2 is linear but not free (a few hundred ms for a 2 MB file), and secret rules run on every file
// at every keystroke.

/** Above this length a line is treated as minified or data, and only windows around hits are scanned. */
export const LONG_LINE = 4096;
/** Half-width of the window scanned around a keyword hit on a long line. */
export const HIT_WINDOW = 1024;

/**
 * Sorted, non-overlapping spans of text to scan: each line with a keyword hit, plus `contextLines`
 * lines either side; on a long line, only a window around each hit.
 */
export function keywordSegments(model: TextModel, keywords: readonly string[], contextLines = 0): Span[] {
  return segmentsAround(model, model.keywordOffsets(keywords), contextLines);
}

/** keywordSegments() for hits already found (sorted offsets). */
export function segmentsAround(model: TextModel, hits: readonly number[], contextLines = 0): Span[] {
  const out: Span[] = [];
  const lines = model.lines;
  for (const hit of hits) {
    const last = out[out.length - 1];
    const line = lines.lineOf(hit);
    const lineStart = lines.lineStart(line);
    const lineEnd = lines.lineEnd(line);
    const segment =
      lineEnd - lineStart > LONG_LINE
        ? { start: Math.max(lineStart, hit - HIT_WINDOW), end: Math.min(lineEnd, hit + HIT_WINDOW) }
        : { start: lines.lineStart(Math.max(0, line - contextLines)), end: lines.lineEnd(Math.min(lines.lineCount - 1, line + contextLines)) };
    if (last && segment.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, segment.end) };
    else out.push(segment);
  }
  return out;
}
