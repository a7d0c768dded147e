import type { FileFacts, WorkloadContainerFact } from '../engine';
import type { RuleSetData } from '../engine/rule-set-data';
import type { ScanOptions } from './args';
import type { FileReport } from './report';
import type { ScanTask } from './scan';

// The messages between the CLI's main thread and its scan workers (structured-clone data only).

/** Sent once, as workerData: everything a worker needs to scan any file the way the main thread would. */
export interface WorkerInit {
  readonly options: ScanOptions;
  readonly cwd: string;
  readonly now: Date;
  readonly ruleSet: RuleSetData;
  /** The workspace index's facts, when a cross-file rule is enabled (or sent later, as a WorkspaceUpdate). */
  readonly facts?: readonly FileFacts[];
}

/** A chunk of files, each with its place in the report. */
export interface WorkerRequest {
  readonly kind?: 'scan';
  readonly tasks: readonly (ScanTask & { readonly index: number })[];
  /** Whether to return the workload containers each analysis found (false for a scan's last phase). */
  readonly collectWorkloads?: boolean;
}

/**
 * Files whose workspace-index facts to read. A worker keeps what it read of a file it analyses later
 * (`keep`): the scan hands that file back to the same worker, so it is neither read nor parsed twice.
 */
export interface IndexRequest {
  readonly kind: 'index';
  readonly files: readonly IndexItem[];
}

/** One file the index reads: `readWorkloads` unless the scan analyses it (its analysis reads them then). */
export interface IndexItem {
  readonly index: number;
  readonly file: string;
  readonly readWorkloads: boolean;
  readonly keep: boolean;
}

/** A file's facts, or none (not a candidate, or unreadable: its own analysis says why). */
export interface IndexedFacts {
  readonly index: number;
  readonly facts?: FileFacts;
}

/**
 * The workspace index the next chunks are scanned with: its facts (the main thread builds the index while
 * the workers start), then, before a scan's last phase, the workload containers the first phase found.
 */
export type WorkspaceUpdate =
  | { readonly kind: 'facts'; readonly facts: readonly FileFacts[] }
  | { readonly kind: 'workloads'; readonly workloads: readonly (readonly [string, readonly WorkloadContainerFact[]])[] };

export type WorkerMessage = WorkerRequest | IndexRequest | WorkspaceUpdate;

export type WorkerReply =
  | { readonly kind: 'reports'; readonly reports: readonly ScannedFile[] }
  | { readonly kind: 'facts'; readonly facts: readonly IndexedFacts[] }
  /** A defect of ours (the main thread would have thrown too): the scan stops with it. */
  | { readonly kind: 'failed'; readonly message: string; readonly stack: string };

/** A file's report and, when the scan reads the workspace, the workload containers its analysis found. */
export interface ScannedFile {
  readonly index: number;
  readonly report: FileReport;
  readonly workloads?: WorkloadContainerFact[];
}
