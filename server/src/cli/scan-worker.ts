// Entry of a scan worker thread (dist/scan-worker.js, started by worker-pool.ts): rebuilds the rule set
// once from the data the main thread sent, reads the index facts of the files it is handed (keeping
// what it read of those it analyses later), takes the workspace index when the main thread has put it
// together (and the workloads its first phase found), then scans the files it is handed, one chunk at a time, and
// answers each chunk with its reports. It never writes files (--fix and --pin-digests scan in the main
// thread) and never prints.
import { parentPort, workerData } from 'node:worker_threads';
import { builtinTemplates, WorkspaceIndex } from '../engine';
import { reviveRuleSet } from '../engine/rule-set-data';
import { rulesByIdOf, scannedFile, withWorkloads, type ScanContext } from './scan';
import type { WorkerInit, WorkerMessage, WorkerReply, WorkerRequest } from './worker-protocol';
import { IndexedReads } from './indexed-reads';
import { ReadBuffer } from '../node/regular-file';
import { factsOfItem } from './index-items';

function serve(init: WorkerInit): void {
  const port = parentPort;
  if (!port) throw new Error('scan-worker.js runs as a worker thread of the bulwark CLI');
  const ruleSet = reviveRuleSet(init.ruleSet, builtinTemplates());
  const rulesById = rulesByIdOf(ruleSet);
  // What this worker read for the index of the files it analyses later (they come back to it).
  const indexedReads = new IndexedReads();
  const base: ScanContext = { cwd: init.cwd, now: init.now, ruleSet, indexedReads, readBuffer: new ReadBuffer() };
  let indexed: WorkspaceIndex | undefined = init.facts ? new WorkspaceIndex(init.facts) : undefined;
  let context: ScanContext = indexed ? { ...base, workspace: indexed } : base;
  // With a workspace index, the Dockerfiles are scanned last, with the workloads the first phase found.
  const scanChunk = (request: WorkerRequest): WorkerReply => ({
    kind: 'reports',
    reports: request.tasks.map((task) => scannedFile(task, task.index, init.options, context, rulesById, request.collectWorkloads !== false)),
  });
  port.on('message', (message: WorkerMessage) => {
    let reply: WorkerReply | undefined;
    try {
      if (message.kind === 'facts') {
        indexed = new WorkspaceIndex(message.facts);
        context = { ...base, workspace: indexed };
      } else if (message.kind === 'index') {
        reply = { kind: 'facts', facts: message.files.map((item) => ({ index: item.index, ...optional(factsOfItem(item, init.options.maxFileSize, indexedReads)) })) };
      } else if (message.kind === 'workloads') {
        if (!indexed) throw new Error('workloads sent to a scan worker before the workspace index');
        context = { ...base, workspace: withWorkloads(indexed, new Map(message.workloads)) };
      } else {
        reply = scanChunk(message);
      }
    } catch (err) {
      reply = { kind: 'failed', message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? (err.stack ?? '') : '' };
    }
    if (reply) port.postMessage(reply);
  });
}

function optional<T>(facts: T | undefined): { facts?: T } {
  return facts === undefined ? {} : { facts };
}

serve(workerData as WorkerInit);
