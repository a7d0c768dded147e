import type { Fix, TextEdit } from './types';

/**
 * Applies edits in one pass: sorted by position, and an edit that overlaps one already taken is
 * skipped (the caller re-analyses and applies again, as ESLint does). Returns the new text and
 * how many edits were applied.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const edit of sorted) {
    if (edit.span.start < cursor || edit.span.end < edit.span.start || edit.span.end > text.length) continue;
    out += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
    applied++;
  }
  return { text: out + text.slice(cursor), applied };
}

/** Applies whole fixes (all of a fix's edits or none), skipping fixes that overlap earlier ones. */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const taken: TextEdit[] = [];
  let applied = 0;
  const ordered = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  for (const fix of ordered) {
    if (fix.edits.some((e) => taken.some((t) => overlaps(t, e)))) continue;
    taken.push(...fix.edits);
    applied++;
  }
  return { text: applyEdits(text, taken).text, applied };
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.span.start));
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point conflict too: their order would be arbitrary.
  if (a.span.start === a.span.end && b.span.start === b.span.end) return a.span.start === b.span.start;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}
