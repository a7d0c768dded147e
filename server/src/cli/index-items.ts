import { needsWorkspace, type FileFacts, type Rule } from '../engine';
import { factsOfFile, mayHoldFacts } from '../node/workspace-index';
import type { ScanOptions } from './args';
import type { IndexedReads } from './indexed-reads';
import type { ScanListing } from './scan';
import type { IndexItem } from './worker-protocol';

// The workspace index of a scan on several threads is read by all of them: each thread reads the facts
// of the files it is handed and keeps what it read of the files it analyses later (IndexedReads), so
// the index is built in parallel and no file is read or parsed twice. The main thread puts the facts
// back in listing order, so the index is the one a one-thread scan builds (indexFilesOnDisk).

/** The files the index reads, in listing order; undefined when no enabled rule reads the index. */
export function indexItems(options: ScanOptions, rules: readonly Rule[], listing: ScanListing): IndexItem[] | undefined {
  const enabled = rules.filter((r) => options.severityOverrides.get(r.meta.id) !== 'off');
  if (!needsWorkspace(enabled)) return undefined;
  // Workload containers of the files this scan analyses come from their own analysis, not a second parse.
  const analysed = new Set(listing.tasks.map((t) => t.absolutePath));
  return listing.files.filter(mayHoldFacts).map((file, index) => {
    const mine = analysed.has(file);
    return { index, file, readWorkloads: !mine, keep: mine };
  });
}

/** One file's facts, as indexFilesOnDisk reads them; what it read is kept in `reads` when the item says so. */
export function factsOfItem(item: IndexItem, maxBytes: number, reads: IndexedReads | undefined): FileFacts | undefined {
  return factsOfFile(item.file, item.file, maxBytes, item.readWorkloads, item.keep ? reads?.hookFor(item.file) : undefined);
}
