import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileReport } from './report';
import type { ScanTask } from './scan';
import type { WorkerInit, WorkerReply, WorkerRequest } from './worker-protocol';

// Runs a scan's files on worker threads. Each idle worker is handed the next chunk of files in report
// order, so a slow file holds up one worker, not the others; each report is stored at its file's index,
// so the report's order never depends on which worker finished first.

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

/** Every task's report, in the tasks' order, scanned by up to `jobs` workers. */
export async function scanInWorkers(tasks: readonly ScanTask[], init: WorkerInit, jobs: number): Promise<FileReport[]> {
  const reports: (FileReport | undefined)[] = new Array<FileReport | undefined>(tasks.length);
  if (tasks.length === 0) return [];
  const entry = workerEntry();
  const count = Math.min(jobs, tasks.length);
  const chunk = chunkSize(tasks.length, count);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let idle = 0;
      let failed = false;
      const fail = (message: string) => {
        if (failed) return;
        failed = true;
        reject(new ScanWorkerError(message));
      };
      for (let w = 0; w < count; w++) {
        const worker = new Worker(entry.file, { workerData: init, ...(entry.execArgv ? { execArgv: entry.execArgv } : {}), stdout: true, stderr: true });
        workers.push(worker);
        let held: readonly ScanTask[] = [];
        const handOut = () => {
          if (next >= tasks.length) {
            held = [];
            if (++idle === count) resolve();
            return;
          }
          const indices = Array.from({ length: Math.min(chunk, tasks.length - next) }, (_, i) => next + i);
          next += indices.length;
          held = indices.map((i) => tasks[i]);
          const request: WorkerRequest = { tasks: indices.map((index) => ({ index, path: tasks[index].path, absolutePath: tasks[index].absolutePath })) };
          worker.postMessage(request);
        };
        worker.on('message', (reply: WorkerReply) => {
          if (reply.kind === 'failed') {
            fail(`${reply.message}\n${reply.stack.split('\n').slice(1).join('\n')}`);
            return;
          }
          for (const { index, report } of reply.reports) reports[index] = report;
          handOut();
        });
        const scanning = () => (held.length > 0 ? ` while scanning ${held.map((t) => t.path).join(', ')}` : '');
        worker.on('error', (err) => fail(`a scan worker failed${scanning()}: ${err.message}`));
        worker.on('exit', (code) => {
          if (held.length > 0 || (code !== 0 && idle < count)) fail(`a scan worker stopped (exit code ${code})${scanning()}`);
        });
        handOut();
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return reports.map((report, i) => {
    if (!report) throw new ScanWorkerError(`no report for ${tasks[i].path}`);
    return report;
  });
}
