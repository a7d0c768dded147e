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
/** Client → server request: check the policy registry now (answers the policy status afterwards). */
export const REFRESH_POLICY_REQUEST = 'bulwark/refreshPolicy';
/**
 * Client → server request: what a candidate policy bundle (a source folder or an image-layout tar on this
 * machine) would change on the workspace, compared with the rules in force: `bulwark policy preview`.
 */
export const PREVIEW_POLICY_REQUEST = 'bulwark/previewPolicy';
/**
 * Loads a bundle archive (`bulwark policy export`) for an air-gapped machine: verified with the
 * configured key exactly as a pull, then cached and applied. Params: ImportPolicyParams.
 */
export const IMPORT_POLICY_REQUEST = 'bulwark/importPolicy';

export interface ImportPolicyParams {
  /** The archive's path on the machine the server runs on. */
  readonly archive: string;
}

/** The policy in force afterwards; `error` says why the archive was refused (the last good bundle stays). */
export interface ImportPolicyResult {
  readonly status: PolicyStatus;
  readonly error?: string;
}
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
  /** The organisation's policy bundle, when one is configured. */
  readonly policy?: PolicyStatus;
}

/**
 * `none`: no policy configured. `loading`: configured, nothing verified yet. `verified`: a verified bundle
 * is active and the registry agreed recently. `stale`: active, but not confirmed for longer than the
 * configured age. `error`: the last attempt failed (`message` says why and what to do); the fields
 * describe the last good bundle still in force, if any.
 */
export interface PolicyStatus {
  readonly state: 'none' | 'loading' | 'verified' | 'stale' | 'error';
  readonly ref?: string;
  readonly digest?: string;
  readonly name?: string;
  readonly version?: string;
  /** ISO times: when the signature was verified, and when the registry last confirmed the digest. */
  readonly verifiedAt?: string;
  readonly checkedAt?: string;
  readonly message?: string;
}

/** A user name and password for the policy registry. */
export interface RegistryLogin {
  readonly username: string;
  readonly password: string;
}

/** The organisation's policy source: from user/machine settings only, never from a workspace. */
export interface PolicyInitOptions {
  readonly ref?: string;
  /** A PEM public key, or the path of a PEM file. */
  readonly publicKey?: string;
  readonly caFile?: string;
  readonly refreshMinutes?: number;
  /** A verified bundle not confirmed by the registry for longer than this is shown as stale. */
  readonly maxAgeDays?: number;
  /** From the editor's secret storage ("Sign in to policy registry"); otherwise Docker's config.json. */
  readonly credentials?: RegistryLogin;
  /** The editor's user-level `http.proxy` / `http.noProxy`; otherwise HTTPS_PROXY / NO_PROXY. */
  readonly proxy?: { readonly url: string; readonly noProxy?: readonly string[] };
}

export interface RuleDocsParams {
  readonly ruleId: string;
}

export interface RuleDocs {
  readonly title: string;
  /** Markdown, rendered by the same code as the hover. */
  readonly markdown: string;
}

/** `null` when no loaded rule has that id. */
export type RuleDocsResult = RuleDocs | null;

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
  /** The organisation's signed policy bundle (docs/policy.md). */
  readonly policy?: PolicyInitOptions;
  /** An approved-images list outside a policy bundle (docs/approved-images.md): user/machine settings only. */
  readonly approvedImages?: ApprovedImagesInitOptions;
}

/** `bulwark.approvedImages.file`: the absolute path of an approved-images.yaml; a policy bundle's list wins. */
export interface ApprovedImagesInitOptions {
  readonly file?: string;
}

export interface PreviewPolicyParams {
  /** Absolute path of a bundle source folder or an image-layout tar (`bulwark policy build`). */
  readonly candidate: string;
}

export interface PolicyPreviewChange {
  /** Relative to its workspace folder (prefixed with the folder's name when there are several). */
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  /** Severity changes: the severity under the rules in force. */
  readonly from?: string;
}

export type PreviewPolicyResult =
  | {
      readonly ok: true;
      readonly candidate: { readonly name: string; readonly version: string; readonly digest: string };
      /** What the findings are compared against: the bundle in force, or the built-in rules. */
      readonly against: string;
      readonly added: readonly PolicyPreviewChange[];
      readonly removed: readonly PolicyPreviewChange[];
      readonly changed: readonly PolicyPreviewChange[];
      /** The same, as `bulwark policy preview` prints it. */
      readonly text: string;
    }
  | { readonly ok: false; readonly message: string };
