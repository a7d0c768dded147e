import type { ChunkReader } from '../../chunk-results';
import type { Assignment } from './assignment-scan';
import { ARGUMENT_LITERAL, argumentTuple, callTuples, MAX_TUPLES, MEMBER_TUPLE_HINT, memberTuples } from './call-tuples';
import { fieldDeclarations } from './declared-parameters';

// Credential tuples (call-tuples.ts) have no keyword near them, so in the editor they are read by the
// generic rule's whole-file step rather than in its windows; to keep a keystroke from reading the whole
// file for them, the step reads them per chunk (chunk-results.ts) and re-reads only the chunks an edit
// touched. callTuples(text) of the whole text is what this must give, tuple for tuple: the scan of
// ARGUMENT_LITERAL resumes where the last match of the chunk before ended, a tuple reads at most
// TUPLE_CONTEXT around its match, and what is not local (the first MAX_TUPLES tuples of the file, a type
// declared anywhere in it, the member tuples) is decided from every chunk's result.

/** One chunk's part of callTuples: its argument tuples and what decides the file-wide parts. */
export interface TupleChunk {
  /** The chunk's argument tuples in order, at most MAX_TUPLES, each with where its match starts. */
  readonly tuples: readonly { readonly at: number; readonly tuple: Assignment }[];
  /** Where the chunk's last ARGUMENT_LITERAL match starts (-1: none). */
  readonly lastMatch: number;
  /** The chunk declares a type by its fields' names (the file's tuples are then read whole: declared-parameters.ts). */
  readonly declares: boolean;
  /** The chunk holds the start of a member tuple's line. */
  readonly memberHint: boolean;
}

/** How far a tuple reads around its match (argumentTuple), with room to spare; a match spans at most three lines. */
const TUPLE_CONTEXT = { charsBefore: 2048, linesAfter: 12, charsAfter: 1024 };

export const TUPLE_CHUNKS: ChunkReader<TupleChunk> = {
  id: 'call-tuples',
  ...TUPLE_CONTEXT,
  read(text, from, to, resume, contextEnd) {
    const tuples: { at: number; tuple: Assignment }[] = [];
    let lastMatch = -1;
    let next = resume;
    // The scan stops at the context's end: a match starting in the chunk ends within three lines of it.
    const scanned = text.slice(resume, contextEnd);
    for (const m of scanned.matchAll(ARGUMENT_LITERAL)) {
      const at = resume + (m.index ?? 0);
      if (at >= to) break;
      lastMatch = at;
      next = at + m[0].length;
      if (tuples.length >= MAX_TUPLES) continue;
      const tuple = argumentTuple(text, at, m, undefined);
      if (tuple) tuples.push({ at, tuple });
    }
    // Both patterns sit on one line, and a chunk is whole lines.
    const own = text.slice(from, to);
    return { result: { tuples, lastMatch, declares: fieldDeclarations(own) !== undefined, memberHint: MEMBER_TUPLE_HINT.test(own) }, resume: Math.max(next, to) };
  },
  move(chunk, by) {
    return { ...chunk, lastMatch: chunk.lastMatch < 0 ? -1 : chunk.lastMatch + by, tuples: chunk.tuples.map((t) => ({ at: t.at + by, tuple: movedAssignment(t.tuple, by) })) };
  },
};

/** callTuples(text), from the chunks' results of TUPLE_CHUNKS. */
export function tuplesFromChunks(text: string, chunks: readonly TupleChunk[]): Assignment[] {
  if (chunks.some((c) => c.declares)) return [...callTuples(text)];
  const out: Assignment[] = [];
  for (let c = 0; c < chunks.length; c++) {
    for (const { at, tuple } of chunks[c].tuples) {
      out.push(tuple);
      // callTuples stops at the next match after its last tuple, member tuples unread.
      if (out.length === MAX_TUPLES) return matchAfter(chunks, c, at) ? out : [...out, ...membersOf(text, chunks)];
    }
  }
  return [...out, ...membersOf(text, chunks)];
}

function matchAfter(chunks: readonly TupleChunk[], c: number, at: number): boolean {
  return chunks[c].lastMatch > at || chunks.slice(c + 1).some((later) => later.lastMatch >= 0);
}

function membersOf(text: string, chunks: readonly TupleChunk[]): Assignment[] {
  return chunks.some((c) => c.memberHint) ? [...memberTuples(text)] : [];
}

function movedAssignment(a: Assignment, by: number): Assignment {
  const moved = (s: { readonly start: number; readonly end: number }) => ({ start: s.start + by, end: s.end + by });
  return { ...a, keySpan: moved(a.keySpan), valueSpan: moved(a.valueSpan), literalSpan: a.literalSpan && moved(a.literalSpan) };
}
