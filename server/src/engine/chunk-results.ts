import { fingerprint, ownCopy } from './text-windows';
import type { ParseCache, Span } from './types';

// A whole-file step of a text rule (Rule.wholeFileStep) reads the whole file after its windows, at every
// keystroke. When what it reads is found by a left-to-right scan whose results each depend on a little text
// around them (credential tuples: a literal among a call's arguments), the step reads the file in the same
// chunks as the windows (text-windows.ts) and keeps each chunk's results under the text it read: a keystroke
// re-reads the chunks whose text it changed, and moves the results of the others.

/** A scan read chunk by chunk; its results for a chunk depend only on the chunk's context (see read). */
export interface ChunkReader<R> {
  /** Names the reader's results in the document's cache (readers of one name read alike). */
  readonly id: string;
  /** How far before a chunk its scan may read (characters). */
  readonly charsBefore: number;
  /** How far past a chunk's end: whole lines and characters, the most of both. */
  readonly linesAfter: number;
  readonly charsAfter: number;
  /**
   * The results of the scan's matches that start in [from, to), the scan resuming at `resume` (from <=
   * resume: a match of the chunk before may end past its chunk), reading `text` from `charsBefore` before
   * `from` to `contextEnd` only; and where the next chunk's scan resumes.
   */
  read(text: string, from: number, to: number, resume: number, contextEnd: number): { readonly result: R; readonly resume: number };
  /** A result moved by `by` characters (its chunk and the text around it moved unchanged). */
  move(result: R, by: number): R;
}

interface ChunkEntry {
  readonly context: string;
  /** The chunk's place in its context, where its scan resumed and whether it ends the file. */
  readonly key: string;
  /** Where the chunk started when its result was read (the result's offsets are of that text). */
  readonly at: number;
  readonly result: unknown;
  /** Where the next chunk's scan resumes, relative to `at`. */
  readonly resume: number;
}

/** One reader's chunk results for one document: those of the last two analyses, by a fingerprint of their context. */
class ChunkStore {
  private current = new Map<number, ChunkEntry[]>();
  private previous = new Map<number, ChunkEntry[]>();
  private analysis: object | undefined;

  /** Once per analysis (the first read of it): what the analysis before the last did not use ages out. */
  startAnalysis(analysis: object): void {
    if (this.analysis === analysis) return;
    this.analysis = analysis;
    this.previous = this.current;
    this.current = new Map();
  }

  find(print: number, context: string, key: string): ChunkEntry | undefined {
    const hit = (list: readonly ChunkEntry[] | undefined) => list?.find((e) => e.key === key && e.context === context);
    const now = hit(this.current.get(print));
    if (now) return now;
    const before = hit(this.previous.get(print));
    if (before) this.add(print, before);
    return before;
  }

  add(print: number, entry: ChunkEntry): void {
    const list = this.current.get(print);
    if (!list) this.current.set(print, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  }
}

/**
 * The reader's result for each chunk of the file, in order: kept ones (moved where their chunk moved) and
 * ones read again where the chunk's context or the place its scan resumes changed. `analysis` is an object
 * of the current analysis (the store ages its entries once per analysis).
 */
export function chunkResults<R>(text: string, cores: readonly Span[], reader: ChunkReader<R>, cache: ParseCache, analysis: object): R[] {
  const storeKey = `\u0002chunk-results:${reader.id}`;
  const known = cache.get(storeKey);
  const store = known instanceof ChunkStore ? known : new ChunkStore();
  if (!known) cache.set(storeKey, store);
  store.startAnalysis(analysis);
  const out: R[] = [];
  let resume = 0;
  for (const core of cores) {
    const from = Math.max(core.start, resume);
    const contextStart = Math.max(0, core.start - reader.charsBefore);
    const contextEnd = contextEndAfter(text, core.end, reader);
    const context = text.slice(contextStart, contextEnd);
    const key = `${core.start - contextStart}:${core.end - contextStart}:${from - core.start}:${core.end === text.length}`;
    const print = fingerprint(context);
    let entry = store.find(print, context, key);
    if (!entry) {
      const read = reader.read(text, core.start, core.end, from, contextEnd);
      // The context's own copy, so a kept entry does not keep this version of the whole text alive.
      entry = { context: cache.shortLived ? context : ownCopy(context), key, at: core.start, result: read.result, resume: read.resume - core.start };
      store.add(print, entry);
    }
    const by = core.start - entry.at;
    out.push(by === 0 ? (entry.result as R) : reader.move(entry.result as R, by));
    resume = entry.at + by + entry.resume;
  }
  return out;
}

/** The end of the text a chunk's scan may read: `linesAfter` whole lines past the chunk, or `charsAfter` characters. */
function contextEndAfter(text: string, end: number, reader: ChunkReader<unknown>): number {
  let lineEnd = end;
  for (let i = 0; i < reader.linesAfter && lineEnd < text.length; i++) {
    const lf = text.indexOf('\n', lineEnd);
    lineEnd = lf < 0 ? text.length : lf + 1;
  }
  return Math.min(text.length, Math.max(lineEnd, end + reader.charsAfter));
}
