// Entry of a scan worker thread (dist/scan-worker.js, started by worker-pool.ts): rebuilds the rule set
// and the workspace index once from the data the main thread sent, then scans the files it is handed,
// one chunk at a time, and answers each chunk with its reports. It never writes files (--fix and
// --pin-digests scan in the main thread) and never prints.
import { parentPort, workerData } from 'node:worker_threads';
import { builtinTemplates, WorkspaceIndex, type WorkloadContainerFact } from '../engine';
import { reviveRuleSet } from '../engine/rule-set-data';
import { collectWorkloads, rulesByIdOf, scanFile, type ScanContext, type ScanTask } from './scan';
import type { ScannedFile, WorkerInit, WorkerReply, WorkerRequest } from './worker-protocol';

function serve(init: WorkerInit): void {
  const port = parentPort;
  if (!port) throw new Error('scan-worker.js runs as a worker thread of the bulwark CLI');
  const ruleSet = reviveRuleSet(init.ruleSet, builtinTemplates());
  const rulesById = rulesByIdOf(ruleSet);
  const context: ScanContext = { cwd: init.cwd, now: init.now, ruleSet, ...(init.facts ? { workspace: new WorkspaceIndex(init.facts) } : {}) };
  // With a workspace index, the main thread scans the Dockerfiles after the workers, with the workloads they found.
  const scanned = (task: ScanTask, index: number): ScannedFile => {
    if (!context.workspace) return { index, report: scanFile(task, init.options, context, rulesById) };
    const workloads = new Map<string, WorkloadContainerFact[]>();
    const report = scanFile(task, init.options, context, rulesById, collectWorkloads(workloads));
    const found = workloads.get(task.absolutePath);
    return { index, report, ...(found ? { workloads: found } : {}) };
  };
  port.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { kind: 'reports', reports: request.tasks.map((task) => scanned(task, task.index)) };
    } catch (err) {
      reply = { kind: 'failed', message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? (err.stack ?? '') : '' };
    }
    port.postMessage(reply);
  });
}

serve(workerData as WorkerInit);
