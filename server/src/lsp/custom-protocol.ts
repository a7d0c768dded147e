// Bulwark's own messages on top of LSP. Plain types and names only (no LSP imports) so the VS Code
// client can import this file too. Documented in docs/protocol.md.

/** Server → client notification, sent once after `initialized` (and again if packs are reloaded). */
export const STATUS_NOTIFICATION = 'bulwark/status';
/** Client → server request: documentation of one rule. */
export const RULE_DOCS_REQUEST = 'bulwark/ruleDocs';
/** Client → server request: analyse every file of every workspace folder. */
export const SCAN_WORKSPACE_REQUEST = 'bulwark/scanWorkspace';
/** Client → server request: the loaded rules, for the status item. */
export const RULE_SET_REQUEST = 'bulwark/ruleSet';
/**
 * Client-side command attached to "Suppress … with a reason" when the client cannot take snippet
 * edits: after applying the edit, the client puts the cursor at `position` (inside `reason=""`).
 */
export const SELECT_SUPPRESSION_REASON_COMMAND = 'bulwark.selectSuppressionReason';
/** Code action kind of "Fix all safe problems in this file". */
export const FIX_ALL_KIND = 'source.fixAll.bulwark';

export interface PackStatus {
  readonly id: string;
  readonly version: string;
  readonly ruleCount: number;
}

export interface PackLoadError {
  /** The pack folder (empty when the error is about combining packs). */
  readonly pack: string;
  /** File inside the pack, relative to its root. */
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export interface StatusParams {
  readonly packs: readonly PackStatus[];
  readonly errors: readonly PackLoadError[];
}

export interface RuleDocsParams {
  readonly ruleId: string;
}

/** `null` when no loaded rule has that id. */
export type RuleDocsResult = { readonly title: string; readonly markdown: string } | null;

export interface RuleSummary {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly language: string;
  readonly packId: string;
}

export interface RuleSetResult {
  readonly rules: readonly RuleSummary[];
  readonly packs: readonly PackStatus[];
}

export interface ScanWorkspaceParams {
  /** Optional progress token the client created (LSP work-done progress). */
  readonly workDoneToken?: string | number;
}

export interface ScanWorkspaceResult {
  /** Files analysed (skipped ones — too large, binary, excluded — are not counted). */
  readonly files: number;
  /** Findings across those files after suppressions. */
  readonly findings: number;
  /** Files skipped because of bulwark.maxFileSize, binary content, bulwark.exclude, or unreadable. */
  readonly skipped: number;
  /**
   * Files and folders that could not be read (permissions, I/O errors): when above 0 the scan is
   * incomplete. Each skipped path is also written to the log.
   */
  readonly unreadable?: number;
}

/** What a client may pass as `initializationOptions`. */
export interface InitializationOptions {
  /** Settings for clients without `workspace/configuration` (the `bulwark` section's value). */
  readonly settings?: unknown;
  /** Extra rule pack folders, loaded after the built-in pack. */
  readonly extraPackRoots?: readonly string[];
}
