import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { ScanTask } from './scan';
import type { FileFacts } from '../engine';
import type { IndexItem, IndexRequest, ScannedFile, WorkerInit, WorkerReply, WorkerRequest, WorkspaceUpdate } from './worker-protocol';

// Runs a scan's files on worker threads (and this one). Each idle thread is handed its next chunk of
// files, the largest first, so a slow file holds up one thread, not the others, and no large file is
// left for the end; a file whose index facts a thread read goes back to that thread, which kept its
// text and parse. Each result is stored at its file's index, so the report's order never depends on
// which thread finished first. The workers live across a scan's phases (the index, manifests, then
// Dockerfiles): each loads the code and the rule set once.

/** A worker stopped or failed on its own: a defect of ours, reported as an internal error. */
export class ScanWorkerError extends Error {}

/** The worker's code: beside the bundle (dist/scan-worker.js), or the TypeScript source run through tsx. */
function workerEntry(): { readonly file: string; readonly execArgv?: string[] } {
  const bundled = path.join(__dirname, 'scan-worker.js');
  if (fs.existsSync(bundled)) return { file: bundled };
  return { file: path.join(__dirname, 'scan-worker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

/** Files per chunk: small enough to balance the workers' load, large enough that messages cost little. */
export function chunkSize(tasks: number, workers: number): number {
  return Math.max(1, Math.min(16, Math.ceil(tasks / (workers * 8))));
}

/**
 * Where a batch's items go: their sizes in bytes (the largest are handed out first, so no thread is left
 * with a large file at the end, and a chunk holds about as many bytes as the next) and, for an item a
 * thread has already read, that thread (a worker's number, or `workers` for this thread).
 */
export interface Placement {
  readonly sizes?: readonly number[];
  readonly owners?: readonly (number | undefined)[];
}

/** The batch under way: a scan's or the index's items, and how each thread's share is handed out. */
interface Batch {
  /** Each thread's own items (the workers', then this thread's), the next one last. */
  readonly queues: number[][];
  /** Items of no thread, the next one last. */
  readonly shared: number[];
  readonly sizes: readonly number[];
  readonly chunk: number;
  readonly threads: number;
  /** Bytes of the items not handed out yet: a chunk shrinks with them, so the threads finish together. */
  untakenBytes: number;
  /** Which thread took each item. */
  readonly takenBy: number[];
  readonly request: (items: readonly number[]) => WorkerRequest | IndexRequest;
  /** How an item is named when its worker fails. */
  readonly label: (item: number) => string;
  /** Stores a worker's answer; how many items it answered. */
  readonly accept: (reply: Exclude<WorkerReply, { kind: 'failed' }>) => number;
  /** Items not answered yet. */
  remaining: number;
  readonly resolve: () => void;
}

/** An item handled in this thread, in between the workers' messages: the caller's own share of the work. */
type LocalStep = (item: number) => void;

/** A file scanned in this thread, in between the workers' messages: the caller's own share of the work. */
export type LocalScan = (task: ScanTask, index: number) => ScannedFile;

/** Chunks each worker holds at once: the next one is waiting when a worker finishes one, whatever this thread is doing. */
const CHUNKS_AHEAD = 2;

interface Slot {
  readonly worker: Worker;
  /** The chunks handed to the worker and not answered yet, oldest first (a worker answers in order). */
  readonly held: string[][];
}

export class ScanWorkerPool {
  private readonly slots: Slot[] = [];
  private batch: Batch | undefined;
  private failure: ScanWorkerError | undefined;
  private rejectBatch: ((err: unknown) => void) | undefined;
  private closing = false;

  /** Starts `jobs` workers; they load the code and rule set while the caller goes on. */
  constructor(init: WorkerInit, jobs: number) {
    const entry = workerEntry();
    // Loaded here, not imported: a scan on one thread (one file, --jobs 1) never pays for loading it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
    for (let w = 0; w < jobs; w++) {
      const worker = new WorkerThread(entry.file, { workerData: init, ...(entry.execArgv ? { execArgv: entry.execArgv } : {}), stdout: true, stderr: true });
      const slot: Slot = { worker, held: [] };
      this.slots.push(slot);
      const scanning = () => (slot.held.length > 0 ? ` while scanning ${slot.held.flat().join(', ')}` : '');
      worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'failed') return this.fail(`${reply.message}\n${reply.stack.split('\n').slice(1).join('\n')}`);
        const batch = this.batch;
        if (!batch) return;
        slot.held.shift();
        batch.remaining -= batch.accept(reply);
        this.handOut(w, batch);
        this.settle(batch);
      });
      worker.on('error', (err) => this.fail(`a scan worker failed${scanning()}: ${err.message}`));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(`a scan worker stopped (exit code ${code})${scanning()}`);
      });
    }
  }

  /** The workers' number: a Placement names this thread by it. */
  get workers(): number {
    return this.slots.length;
  }

  /** Every worker scans what it is handed next with this workspace (messages to a worker keep their order). */
  updateWorkspace(update: WorkspaceUpdate): void {
    for (const slot of this.slots) slot.worker.postMessage(update);
  }

  /**
   * Every task's report, in the tasks' order; `collectWorkloads` asks for each file's workload containers.
   * With `local`, this thread scans files too, one at a time, taking the next file as a worker would.
   */
  async scan(tasks: readonly ScanTask[], collectWorkloads = true, local?: LocalScan, placement: Placement = {}): Promise<ScannedFile[]> {
    const reports = new Array<ScannedFile | undefined>(tasks.length);
    await this.run(tasks.length, placement, {
      label: (i) => tasks[i].path,
      request: (items) => ({ kind: 'scan', collectWorkloads, tasks: items.map((index) => ({ index, path: tasks[index].path, absolutePath: tasks[index].absolutePath, listedAsFile: tasks[index].listedAsFile })) }),
      accept: (reply) => (reply.kind === 'reports' ? reply.reports.map((scanned) => (reports[scanned.index] = scanned)).length : 0),
      ...(local ? { local: (i: number) => void (reports[i] = local(tasks[i], i)) } : {}),
    });
    return reports.map((report, i) => {
      if (!report) throw new ScanWorkerError(`no report for ${tasks[i].path}`);
      return report;
    });
  }

  /**
   * Every item's index facts, in the items' order, read by the workers and (with `local`) this thread,
   * and which thread read each: that thread keeps what it read of a file it analyses later.
   */
  async index(items: readonly IndexItem[], local?: (item: IndexItem) => FileFacts | undefined, sizes?: readonly number[]): Promise<{ readonly facts: (FileFacts | undefined)[]; readonly readBy: readonly number[] }> {
    const facts = new Array<FileFacts | undefined>(items.length);
    const readBy = await this.run(items.length, sizes ? { sizes } : {}, {
      label: (i) => items[i].file,
      request: (chunk) => ({ kind: 'index', files: chunk.map((i) => ({ ...items[i], index: i })) }),
      accept: (reply) => (reply.kind === 'facts' ? reply.facts.map((one) => (facts[one.index] = one.facts)).length : 0),
      ...(local ? { local: (i: number) => void (facts[i] = local(items[i])) } : {}),
    });
    return { facts, readBy };
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** Hands `count` items out to the workers (and this thread, with `local`) until every one is answered; who took each. */
  private async run(
    count: number,
    placement: Placement,
    work: { readonly label: (item: number) => string; readonly request: Batch['request']; readonly accept: Batch['accept']; readonly local?: LocalStep },
  ): Promise<number[]> {
    if (this.failure) throw this.failure;
    if (this.batch) throw new Error('one scan at a time on a ScanWorkerPool');
    const takenBy = new Array<number>(count);
    if (count === 0) return takenBy;
    const sizes = placement.sizes ?? new Array<number>(count).fill(1);
    const threads = this.slots.length + (work.local ? 1 : 0);
    const queues = Array.from({ length: this.slots.length + 1 }, () => [] as number[]);
    const shared: number[] = [];
    // Smallest first, so the next (largest) is last; ties in listing order.
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => sizes[a] - sizes[b] || b - a);
    for (const i of order) {
      const owner = placement.owners?.[i];
      (owner !== undefined && owner < queues.length && (owner < this.slots.length || work.local) ? queues[owner] : shared).push(i);
    }
    const total = sizes.reduce((sum, n) => sum + n, 0);
    try {
      await new Promise<void>((resolve, reject) => {
        this.rejectBatch = reject;
        const batch: Batch = {
          queues,
          shared,
          sizes,
          chunk: chunkSize(count, threads),
          threads,
          untakenBytes: total,
          takenBy,
          request: work.request,
          label: work.label,
          accept: work.accept,
          remaining: count,
          resolve,
        };
        this.batch = batch;
        for (let ahead = 0; ahead < CHUNKS_AHEAD; ahead++) this.slots.forEach((_, w) => this.handOut(w, batch));
        if (work.local) this.runLocally(batch, work.local, reject);
        this.settle(batch);
      });
      return takenBy;
    } finally {
      this.batch = undefined;
      this.rejectBatch = undefined;
    }
  }

  /** One item at a time, yielding to the event loop in between so the workers' replies are answered at once. */
  private runLocally(batch: Batch, local: LocalStep, reject: (err: unknown) => void): void {
    const here = this.slots.length;
    const step = () => {
      if (this.failure || this.batch !== batch) return;
      const [item] = take(batch, here, 1);
      if (item === undefined) return this.settle(batch);
      try {
        local(item);
      } catch (err) {
        reject(err);
        return;
      }
      batch.remaining--;
      this.settle(batch);
      setImmediate(step);
    };
    setImmediate(step);
  }

  private settle(batch: Batch): void {
    if (batch.remaining === 0) batch.resolve();
  }

  private handOut(w: number, batch: Batch): void {
    const items = take(batch, w, batch.chunk);
    if (items.length === 0) return;
    const slot = this.slots[w];
    slot.held.push(items.map(batch.label));
    slot.worker.postMessage(batch.request(items));
  }

  private fail(message: string): void {
    if (this.failure || this.closing) return;
    this.failure = new ScanWorkerError(message);
    this.rejectBatch?.(this.failure);
  }
}

/**
 * The next items for a thread: its own first, then the shared ones, then (when both are out) the smallest
 * of the thread with the most left, which then reads them again rather than wait. At most `max` items
 * and, past the first, about a chunk's bytes.
 */
function take(batch: Batch, thread: number, max: number): number[] {
  const out: number[] = [];
  let bytes = 0;
  // Guided: a chunk holds at most a quarter of each thread's share of what is left.
  const budget = batch.untakenBytes / (batch.threads * 4);
  const room = () => out.length < max && (out.length === 0 || bytes < budget);
  const add = (item: number) => {
    out.push(item);
    bytes += batch.sizes[item];
    batch.untakenBytes -= batch.sizes[item];
    batch.takenBy[item] = thread;
  };
  for (const queue of [batch.queues[thread], batch.shared]) {
    while (room() && queue.length > 0) add(queue.pop() as number);
  }
  if (out.length > 0) return out;
  const fullest = batch.queues.reduce((most, queue) => (queue.length > most.length ? queue : most));
  while (room() && fullest.length > 0) add(fullest.shift() as number);
  return out;
}

/** Every task's report, in the tasks' order, scanned by up to `jobs` workers. */
export async function scanInWorkers(tasks: readonly ScanTask[], init: WorkerInit, jobs: number): Promise<ScannedFile[]> {
  if (tasks.length === 0) return [];
  const pool = new ScanWorkerPool(init, Math.min(jobs, tasks.length));
  try {
    return await pool.scan(tasks);
  } finally {
    await pool.close();
  }
}
