import * as fs from 'node:fs';
import * as os from 'node:os';
import { ruleSetData } from '../engine/rule-set-data';
import type { ScanOptions } from './args';
import type { ScanReport } from './report';
import { indexedPlan, listScan, rulesByIdOf, runScan, scannedFile, scanPhases, scanPlanned, scanReport, withWorkloads, type ScanContext, type ScanPlan } from './scan';
import type { FileFacts, WorkloadContainerFact } from '../engine';
import { workspaceIndexOf } from '../node/workspace-index';
import { factsOfItem, indexItems } from './index-items';
import type { FileReport } from './report';
import { ScanWorkerPool, type LocalScan, type Placement } from './worker-pool';
import { IndexedReads } from './indexed-reads';
import { ReadBuffer } from '../node/regular-file';

// `bulwark scan --jobs N`: the same scan on N threads, this one and N - 1 workers. The main thread lists
// the files and starts the workers; every thread reads a share of the workspace index (index-items.ts)
// and every worker is then sent the whole index, as the single-threaded scan sees it; the threads scan
// the files, each first those whose index facts it read, Dockerfiles in a second phase with the
// workloads of the first; the reports go back in listing order, so the report is byte for byte the one
// `--jobs 1` writes.

/**
 * Without --jobs, each thread must have this much to scan: a worker costs about half a CPU second to
 * start and warm up (it loads and compiles the code again), which a smaller share does not pay back.
 */
export const MIN_BYTES_PER_THREAD = 4 * 1024 * 1024;
/** A file counts at least this much: each has its own fixed cost (read, language, report). */
export const MIN_BYTES_PER_FILE = 4096;

/** What a scan has to do: its files and their bytes. */
export interface ScanWork {
  readonly files: number;
  readonly bytes: number;
}

/**
 * Below this many cores the default is one thread: on 2 cores the bench (README, 2026-12-07) found
 * `--jobs 2` slower than `--jobs 1` on every tree it times (20 MiB mixed: 3.46 against 3.95 MiB/s; the
 * 80 MiB real-world corpus: 6.23 against 6.47), since the one worker pays its own code load and JIT warm-up.
 */
export const MIN_CORES_FOR_WORKERS = 3;

/** How many threads a scan gets: 1 means the main thread alone. */
export function workerCount(options: Pick<ScanOptions, 'jobs' | 'fix'>, work: ScanWork, cores: number = os.availableParallelism()): number {
  // Fixes are written (or their result computed) file by file in the main thread.
  if (options.fix !== 'off') return 1;
  if (options.jobs !== undefined) return options.jobs;
  if (cores < MIN_CORES_FOR_WORKERS) return 1;
  const weight = work.bytes + work.files * MIN_BYTES_PER_FILE;
  return Math.max(1, Math.min(cores, Math.floor(weight / MIN_BYTES_PER_THREAD)));
}

export async function runScanJobs(options: ScanOptions, context: ScanContext): Promise<ScanReport> {
  const data = ruleSetData(context.ruleSet);
  // Digests to pin come with --fix only; a rule made in code (not from a pack) cannot be sent.
  const unbounded = { files: Number.MAX_SAFE_INTEGER, bytes: Number.MAX_SAFE_INTEGER };
  if (workerCount(options, unbounded) === 1 || context.pins || !data) return runScan(options, context);
  const listing = listScan(options, context);
  const sizes = fileSizes(listing.files);
  const taskSizes = listing.tasks.map((t) => sizes.get(t.absolutePath) ?? 0);
  const work = { files: listing.tasks.length, bytes: taskSizes.reduce((sum, n) => sum + n, 0) };
  const jobs = Math.min(workerCount(options, work), Math.max(1, listing.tasks.length));
  // This thread keeps what it read for the index of the files it analyses, as the workers do.
  const here: ScanContext = { ...context, indexedReads: new IndexedReads(), readBuffer: new ReadBuffer() };
  if (jobs === 1) return scanPlanned(options, here, indexedPlan(options, here, listing));
  // This thread is one of the n: n - 1 workers load the code and the rule set while it starts reading the index.
  const pool = new ScanWorkerPool({ options, cwd: context.cwd, now: context.now, ruleSet: data }, jobs - 1);
  const rulesById = rulesByIdOf(context.ruleSet);
  const local = (scope: ScanContext, collect: boolean): LocalScan => (task, index) => scannedFile(task, index, options, scope, rulesById, collect);
  try {
    const items = indexItems(options, context.ruleSet.rules, listing);
    const plan: ScanPlan = { tasks: listing.tasks, pathNotices: listing.pathNotices };
    if (!items) return scanReport(options, context, plan, (await pool.scan(plan.tasks, false, local(here, false), { sizes: taskSizes })).map((s) => s.report));
    // Every thread reads a share of the index; each file then goes back to the thread that read it.
    const indexed = await pool.index(items, (item) => factsOfItem(item, options.maxFileSize, here.indexedReads), items.map((item) => sizes.get(item.file) ?? 0));
    const facts = indexed.facts.filter((f): f is FileFacts => f !== undefined);
    const workspace = workspaceIndexOf(facts, options.maxFileSize);
    pool.updateWorkspace({ kind: 'facts', facts: [...workspace.files.values()] });
    const readBy = new Map(items.map((item, i) => [item.file, indexed.readBy[i]]));
    const placement = (indices: readonly number[]): Placement => ({ sizes: indices.map((i) => taskSizes[i]), owners: indices.map((i) => readBy.get(plan.tasks[i].absolutePath)) });
    // Manifests first; then the Dockerfiles, with the workloads the first phase found (scanPhases).
    const { first, last } = scanPhases({ ...plan, workspace }, workspace);
    const reports = new Array<FileReport>(plan.tasks.length);
    const workloads = new Map<string, WorkloadContainerFact[]>();
    (await pool.scan(first.map((i) => plan.tasks[i]), true, local({ ...here, workspace }, true), placement(first))).forEach((s, n) => {
      reports[first[n]] = s.report;
      if (s.workloads) workloads.set(plan.tasks[first[n]].absolutePath, s.workloads);
    });
    if (workloads.size > 0) pool.updateWorkspace({ kind: 'workloads', workloads: [...workloads] });
    const complete = { ...here, workspace: withWorkloads(workspace, workloads) };
    (await pool.scan(last.map((i) => plan.tasks[i]), false, local(complete, false), placement(last))).forEach((s, n) => (reports[last[n]] = s.report));
    return scanReport(options, context, { ...plan, workspace }, reports);
  } finally {
    await pool.close();
  }
}

/** Each file's size in bytes (0 when it cannot be read: its analysis says why), to hand the largest out first. */
function fileSizes(files: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const file of files) {
    try {
      sizes.set(file, fs.statSync(file).size);
    } catch {
      sizes.set(file, 0);
    }
  }
  return sizes;
}
