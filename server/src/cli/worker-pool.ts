import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { ScanTask } from './scan';
import type { ScannedFile, WorkerInit, WorkerReply, WorkerRequest, WorkspaceUpdate } from './worker-protocol';

// Runs a scan's files on worker threads. Each idle worker is handed the next chunk of files in report
// order, so a slow file holds up one worker, not the others; each report is stored at its file's index,
// so the report's order never depends on which worker finished first. The workers live across a scan's
// phases (manifests, then Dockerfiles): each loads the code and the rule set once, while the main
// thread lists the files and builds the workspace index.

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

/** The scan under way: where its reports go and how it ends. */
interface Batch {
  readonly tasks: readonly ScanTask[];
  readonly reports: (ScannedFile | undefined)[];
  readonly chunk: number;
  readonly collectWorkloads: boolean;
  next: number;
  /** Chunks handed out and not answered yet, plus one while this thread scans a file. */
  busy: number;
  readonly resolve: () => void;
}

/** A file scanned in this thread, in between the workers' messages: the caller's own share of the work. */
export type LocalScan = (task: ScanTask, index: number) => ScannedFile;

/** Chunks each worker holds at once: the next one is waiting when a worker finishes one, whatever this thread is doing. */
const CHUNKS_AHEAD = 2;

interface Slot {
  readonly worker: Worker;
  /** The chunks handed to the worker and not answered yet, oldest first (a worker answers in order). */
  readonly held: ScanTask[][];
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
      const scanning = () => (slot.held.length > 0 ? ` while scanning ${slot.held.flat().map((t) => t.path).join(', ')}` : '');
      worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'failed') return this.fail(`${reply.message}\n${reply.stack.split('\n').slice(1).join('\n')}`);
        const batch = this.batch;
        if (!batch) return;
        for (const scanned of reply.reports) batch.reports[scanned.index] = scanned;
        slot.held.shift();
        batch.busy--;
        this.handOut(slot, batch);
      });
      worker.on('error', (err) => this.fail(`a scan worker failed${scanning()}: ${err.message}`));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(`a scan worker stopped (exit code ${code})${scanning()}`);
      });
    }
  }

  /** Every worker scans what it is handed next with this workspace (messages to a worker keep their order). */
  updateWorkspace(update: WorkspaceUpdate): void {
    for (const slot of this.slots) slot.worker.postMessage(update);
  }

  /**
   * Every task's report, in the tasks' order; `collectWorkloads` asks for each file's workload containers.
   * With `local`, this thread scans files too, one at a time, taking the next file as a worker would.
   */
  async scan(tasks: readonly ScanTask[], collectWorkloads = true, local?: LocalScan): Promise<ScannedFile[]> {
    if (this.failure) throw this.failure;
    if (this.batch) throw new Error('one scan at a time on a ScanWorkerPool');
    if (tasks.length === 0) return [];
    const reports = new Array<ScannedFile | undefined>(tasks.length);
    try {
      await new Promise<void>((resolve, reject) => {
        this.rejectBatch = reject;
        const batch: Batch = { tasks, reports, chunk: chunkSize(tasks.length, this.slots.length), collectWorkloads, next: 0, busy: 0, resolve };
        this.batch = batch;
        for (let ahead = 0; ahead < CHUNKS_AHEAD; ahead++) for (const slot of this.slots) this.handOut(slot, batch);
        if (local) this.scanLocally(batch, local, reject);
      });
      return reports.map((report, i) => {
        if (!report) throw new ScanWorkerError(`no report for ${tasks[i].path}`);
        return report;
      });
    } finally {
      this.batch = undefined;
      this.rejectBatch = undefined;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** One file at a time, yielding to the event loop in between so the workers' replies are answered at once. */
  private scanLocally(batch: Batch, local: LocalScan, reject: (err: unknown) => void): void {
    const step = () => {
      if (this.failure || this.batch !== batch) return;
      if (batch.next >= batch.tasks.length) return this.settle(batch);
      const index = batch.next++;
      batch.busy++;
      try {
        batch.reports[index] = local(batch.tasks[index], index);
      } catch (err) {
        reject(err);
        return;
      }
      batch.busy--;
      setImmediate(step);
    };
    setImmediate(step);
  }

  private settle(batch: Batch): void {
    if (batch.next >= batch.tasks.length && batch.busy === 0) batch.resolve();
  }

  private handOut(slot: Slot, batch: Batch): void {
    if (batch.next >= batch.tasks.length) return this.settle(batch);
    const start = batch.next;
    const indices = Array.from({ length: Math.min(batch.chunk, batch.tasks.length - start) }, (_, i) => start + i);
    batch.next += indices.length;
    batch.busy++;
    slot.held.push(indices.map((i) => batch.tasks[i]));
    const request: WorkerRequest = { kind: 'scan', collectWorkloads: batch.collectWorkloads, tasks: indices.map((index) => ({ index, path: batch.tasks[index].path, absolutePath: batch.tasks[index].absolutePath, listedAsFile: batch.tasks[index].listedAsFile })) };
    slot.worker.postMessage(request);
  }

  private fail(message: string): void {
    if (this.failure || this.closing) return;
    this.failure = new ScanWorkerError(message);
    this.rejectBatch?.(this.failure);
  }
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
