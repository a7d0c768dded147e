import * as os from 'node:os';
import { ruleSetData } from '../engine/rule-set-data';
import type { ScanOptions } from './args';
import type { ScanReport } from './report';
import { indexedPlan, listScan, rulesByIdOf, runScan, scannedFile, scanPhases, scanPlanned, scanReport, withWorkloads, type ScanContext } from './scan';
import type { WorkloadContainerFact } from '../engine';
import type { FileReport } from './report';
import { ScanWorkerPool, type LocalScan } from './worker-pool';
import { IndexedReads } from './indexed-reads';

// `bulwark scan --jobs N`: the same scan on N threads, this one and N - 1 workers. The main thread lists
// the files, starts the workers and builds the workspace index while they load (every worker sees the whole index, as the
// single-threaded scan does); workers scan the files, Dockerfiles in a second phase with the workloads
// of the first; the reports go back in listing order, so the report is byte for byte the one
// `--jobs 1` writes.

/** Without --jobs, a scan of fewer files stays in this thread: starting workers would cost more than it saves. */
export const MIN_FILES_PER_WORKER = 24;

/** How many workers a scan of `files` files gets: 1 means the main thread alone. */
export function workerCount(options: Pick<ScanOptions, 'jobs' | 'fix'>, files: number, cores: number = os.availableParallelism()): number {
  // Fixes are written (or their result computed) file by file in the main thread.
  if (options.fix !== 'off') return 1;
  if (options.jobs !== undefined) return options.jobs;
  return Math.max(1, Math.min(cores, Math.floor(files / MIN_FILES_PER_WORKER)));
}

export async function runScanJobs(options: ScanOptions, context: ScanContext): Promise<ScanReport> {
  const data = ruleSetData(context.ruleSet);
  // Digests to pin come with --fix only; a rule made in code (not from a pack) cannot be sent.
  if (workerCount(options, Number.MAX_SAFE_INTEGER) === 1 || context.pins || !data) return runScan(options, context);
  const listing = listScan(options, context);
  const jobs = Math.min(workerCount(options, listing.tasks.length), Math.max(1, listing.tasks.length));
  if (jobs === 1) {
    const here = { ...context, indexedReads: new IndexedReads() };
    return scanPlanned(options, here, indexedPlan(options, here, listing));
  }
  // This thread is one of the n: n - 1 workers load the code and the rule set while it reads the files the index needs.
  const pool = new ScanWorkerPool({ options, cwd: context.cwd, now: context.now, ruleSet: data }, jobs - 1);
  const rulesById = rulesByIdOf(context.ruleSet);
  const here = (scope: ScanContext, collect: boolean): LocalScan => (task, index) => scannedFile(task, index, options, scope, rulesById, collect);
  try {
    const plan = indexedPlan(options, context, listing);
    const workspace = plan.workspace;
    if (!workspace) return scanReport(options, context, plan, (await pool.scan(plan.tasks, false, here(context, false))).map((s) => s.report));
    pool.updateWorkspace({ kind: 'facts', facts: [...workspace.files.values()] });
    // Manifests first; then the Dockerfiles, with the workloads the first phase found (scanPhases).
    const { first, last } = scanPhases(plan, workspace);
    const reports = new Array<FileReport>(plan.tasks.length);
    const workloads = new Map<string, WorkloadContainerFact[]>();
    (await pool.scan(first.map((i) => plan.tasks[i]), true, here({ ...context, workspace }, true))).forEach((s, n) => {
      reports[first[n]] = s.report;
      if (s.workloads) workloads.set(plan.tasks[first[n]].absolutePath, s.workloads);
    });
    if (workloads.size > 0) pool.updateWorkspace({ kind: 'workloads', workloads: [...workloads] });
    const complete = { ...context, workspace: withWorkloads(workspace, workloads) };
    (await pool.scan(last.map((i) => plan.tasks[i]), false, here(complete, false))).forEach((s, n) => (reports[last[n]] = s.report));
    return scanReport(options, context, plan, reports);
  } finally {
    await pool.close();
  }
}
