import { LineIndex, eolOf } from '../text';

/** Any file seen as plain text: what secret detectors and suppression comments work on. */
export interface TextModel {
  readonly language: 'text';
  readonly text: string;
  readonly eol: string;
  readonly lines: LineIndex;
  /** The file name (last path segment), for detectors that only apply to some files. */
  readonly fileName: string;
  /** The URI or path as given, decoded, with `/` separators, for path filters. */
  readonly path: string;
  /**
   * Sorted offsets where any of `keywords` (lower-case literals) occurs, case-insensitively.
   * Text rules run on every file at every keystroke, so this is their cheap prefilter: the file is
   * lower-cased once, and each keyword set is scanned once per file however many rules share it.
   */
  keywordOffsets(keywords: readonly string[]): readonly number[];
}

export function parseText(text: string, uri: string, lines = new LineIndex(text)): TextModel {
  const path = decodeURIComponentSafe(uri).replace(/\\/g, '/');
  const fileName = path.split('/').pop() ?? path;
  let lower: string | undefined;
  const hits = new Map<string, readonly number[]>();
  return {
    language: 'text',
    text,
    eol: eolOf(text),
    lines,
    fileName,
    path,
    keywordOffsets(keywords) {
      const key = [...keywords].sort().join('\u0000');
      let found = hits.get(key);
      if (!found) {
        lower ??= lowerSameLength(text);
        found = scanKeywords(lower, keywords);
        hits.set(key, found);
      }
      return found;
    },
  };
}

/**
 * Lower-cases without moving offsets. `toLowerCase` can lengthen a string (İ becomes i + U+0307);
 * in that rare case only ASCII letters are lowered, which is all a keyword needs.
 */
function lowerSameLength(text: string): string {
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return lowered;
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

function scanKeywords(lower: string, keywords: readonly string[]): number[] {
  const needles = [...new Set(keywords.map((k) => k.toLowerCase()).filter((k) => k.length > 0))];
  const out: number[] = [];
  if (needles.length === 1) {
    // One literal: indexOf is the fastest scan there is.
    for (let at = lower.indexOf(needles[0]); at >= 0; at = lower.indexOf(needles[0], at + 1)) out.push(at);
    return out;
  }
  if (needles.length === 0) return out;
  // Several literals: one pass of an alternation of escaped literals (no backtracking hazard)
  // beats one indexOf pass per keyword on large files. Longest first so overlaps report once.
  const alternation = new RegExp(needles.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  for (const m of lower.matchAll(alternation)) out.push(m.index ?? 0);
  return out;
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
