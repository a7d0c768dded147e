// Entry of a scan worker thread (dist/scan-worker.js, started by worker-pool.ts): rebuilds the rule set
// and the workspace index once from the data the main thread sent, then scans the files it is handed,
// one chunk at a time, and answers each chunk with its reports. It never writes files (--fix and
// --pin-digests scan in the main thread) and never prints.
import { parentPort, workerData } from 'node:worker_threads';
import { builtinTemplates, WorkspaceIndex } from '../engine';
import { reviveRuleSet } from '../engine/rule-set-data';
import { rulesByIdOf, scanFile, type ScanContext } from './scan';
import type { WorkerInit, WorkerReply, WorkerRequest } from './worker-protocol';

function serve(init: WorkerInit): void {
  const port = parentPort;
  if (!port) throw new Error('scan-worker.js runs as a worker thread of the bulwark CLI');
  const ruleSet = reviveRuleSet(init.ruleSet, builtinTemplates());
  const rulesById = rulesByIdOf(ruleSet);
  const context: ScanContext = { cwd: init.cwd, now: init.now, ruleSet, ...(init.facts ? { workspace: new WorkspaceIndex(init.facts) } : {}) };
  port.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { kind: 'reports', reports: request.tasks.map((task) => ({ index: task.index, report: scanFile(task, init.options, context, rulesById) })) };
    } catch (err) {
      reply = { kind: 'failed', message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? (err.stack ?? '') : '' };
    }
    port.postMessage(reply);
  });
}

serve(workerData as WorkerInit);
