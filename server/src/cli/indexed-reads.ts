import { detectLanguage, type ParseCache } from '../engine';
import type { IndexedRead, IndexedReadHook } from '../node/workspace-index';

/**
 * What the workspace index read of the files a one-thread scan analyses next, kept within a memory
 * budget: each kept file is then neither read nor parsed again (the index parses every Dockerfile for
 * its final USER, which was half of a Dockerfile's cost in a scan, and reads every manifest).
 * A file's entry is handed out once, to its analysis, and dropped.
 */
export class IndexedReads {
  private readonly kept = new Map<string, IndexedRead>();
  private spent = 0;

  /** `budget`: an estimate of the heap the kept texts and parses may hold, in bytes. */
  constructor(private readonly budget: number = DEFAULT_BUDGET) {}

  /** The hook for one file, or undefined when the budget is spent (the index then reads as before). */
  hookFor(file: string): IndexedReadHook | undefined {
    if (this.spent >= this.budget) return undefined;
    return (_file: string, read: IndexedRead['read'], cache: ParseCache) => {
      const cost = estimatedBytes(file, read.text);
      if (this.spent + cost > this.budget) return;
      this.spent += cost;
      this.kept.set(file, { read, cache });
    };
  }

  /** The file's text and parse cache as the index left them, once; undefined when not kept. */
  take(file: string): IndexedRead | undefined {
    const entry = this.kept.get(file);
    if (entry) this.kept.delete(file);
    return entry;
  }
}

/** 96 MiB: a scan of thousands of manifests and Dockerfiles keeps what fits, and reads the rest again. */
const DEFAULT_BUDGET = 96 * 1024 * 1024;

/**
 * A parsed Dockerfile (dockerfile-ast's instructions, tokens and ranges) holds about 34 bytes of heap
 * per character of text (measured over 411 real Dockerfiles); a manifest keeps its text and the text of
 * its sections, and parses only the few kinds the index reads.
 */
function estimatedBytes(file: string, text: string): number {
  return text.length * (detectLanguage({ uri: file, text }) === 'dockerfile' ? 40 : 4);
}
