import type { ChunkReader } from '../../chunk-results';
import { ownCopy } from '../../text-windows';

// The whole-file step reads constructions of a few declared types (construction-step.ts) and whether the
// file declares each as an enum: regexes over the whole text at every keystroke, 10% of a keystroke's CPU in a
// 1 MB Java or C# file. Every match of those patterns lies on one line (a constant's pattern may begin at the
// line break before it), so in the editor they are found chunk by chunk (chunk-results.ts) and a keystroke
// re-reads the chunks it changed. A chunk is read from the line break before it: the regex then sees at the
// chunk's first line what it sees in the whole text (a word boundary, a lookbehind, a line break). One reader
// serves every pattern (a reader's upkeep per chunk and keystroke cost as much as the regexes): each chunk
// keeps its matches per pattern, found the first time a pattern is asked of that chunk's text.

/** A chunk's text and its matches per pattern, in offsets of the file when it was read. */
class ChunkMatches {
  private readonly memo = new Map<string, readonly number[]>();

  constructor(
    /** The chunk with the character before it (its own copy). */
    private readonly text: string,
    /** Where `text` started in the file, and where the chunk itself did. */
    private readonly start: number,
    private readonly from: number,
  ) {}

  /** Where the pattern's matches end (their last character) for matches ending in the chunk; by match start when `starts`. `key` names both. */
  positions(key: string, pattern: RegExp, starts: boolean): readonly number[] {
    let found = this.memo.get(key);
    if (!found) {
      const out: number[] = [];
      for (const m of this.text.matchAll(global(pattern))) {
        const at = this.start + (m.index ?? 0) + (starts ? 0 : m[0].length - 1);
        if (at >= this.from) out.push(at);
      }
      this.memo.set(key, (found = out.length === 0 ? NONE : out));
    }
    return found;
  }
}

const NONE: readonly number[] = Object.freeze([]);

/** A chunk's matches, moved by `by` since the chunk was read (its place in the file now). */
export interface PatternChunk {
  readonly chunk: ChunkMatches;
  readonly by: number;
}

/** The chunks' matches of any line-local pattern, read chunk by chunk. */
export const PATTERN_CHUNKS: ChunkReader<PatternChunk> = {
  id: 'line-patterns',
  charsBefore: 1,
  linesAfter: 0,
  charsAfter: 0,
  read(text, from, to) {
    const start = Math.max(0, from - 1);
    return { result: { chunk: new ChunkMatches(ownCopy(text.slice(start, to)), start, from), by: 0 }, resume: to };
  },
  move: (r, by) => ({ chunk: r.chunk, by: r.by + by }),
};

/** Where the pattern's matches end (their last character) in the chunks, in file order. */
export function matchEnds(chunks: readonly PatternChunk[], pattern: RegExp): number[] {
  return positions(chunks, pattern, false);
}

/** Where the matches start, for a pattern that cannot match overlapping itself. */
export function matchStarts(chunks: readonly PatternChunk[], pattern: RegExp): number[] {
  return positions(chunks, pattern, true);
}

function positions(chunks: readonly PatternChunk[], pattern: RegExp, starts: boolean): number[] {
  const key = `${starts ? 's' : 'e'}${pattern.flags}:${pattern.source}`;
  const out: number[] = [];
  for (const { chunk, by } of chunks) for (const p of chunk.positions(key, pattern, starts)) out.push(p + by);
  return out;
}

function global(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
}
