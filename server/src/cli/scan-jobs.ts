import * as os from 'node:os';
import { ruleSetData } from '../engine/rule-set-data';
import type { ScanOptions } from './args';
import type { ScanReport } from './report';
import { planScan, runScan, scanPlanned, scanReport, type ScanContext } from './scan';
import { scanInWorkers } from './worker-pool';

// `bulwark scan --jobs N`: the same scan on N worker threads. The main thread lists the files and
// builds the workspace index first (every worker sees the whole index, as the single-threaded scan
// does); workers scan the files; the reports go back in listing order, so the report is byte for
// byte the one `--jobs 1` writes.

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
  const plan = planScan(options, context);
  const jobs = workerCount(options, plan.tasks.length);
  if (jobs === 1) return scanPlanned(options, context, plan);
  const facts = plan.workspace ? [...plan.workspace.files.values()] : undefined;
  const files = await scanInWorkers(plan.tasks, { options, cwd: context.cwd, now: context.now, ruleSet: data, ...(facts ? { facts } : {}) }, jobs);
  return scanReport(options, context, plan, files);
}
