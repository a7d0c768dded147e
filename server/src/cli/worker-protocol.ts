import type { FileFacts } from '../engine';
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
  /** The workspace index's facts, when a cross-file rule is enabled. */
  readonly facts?: readonly FileFacts[];
}

/** A chunk of files, each with its place in the report. */
export interface WorkerRequest {
  readonly tasks: readonly (ScanTask & { readonly index: number })[];
}

export type WorkerReply =
  | { readonly kind: 'reports'; readonly reports: readonly { readonly index: number; readonly report: FileReport }[] }
  /** A defect of ours (the main thread would have thrown too): the scan stops with it. */
  | { readonly kind: 'failed'; readonly message: string; readonly stack: string };
