// The engine's public vocabulary. Nothing here may import vscode, LSP or node: the engine is pure
// (text + rule set in, findings out) so the language server, the CLI and tests share one code path.

import type { CompiledApprovedImages } from './images/approved';
import type { Range } from './workspace/facts';
import type { WorkspaceIndex } from './workspace/workspace-index';
import type { ApprovedImages } from './policy/policy';
import type { SharedKeywordPass } from './templates/text/keyword-pass';
import type { ChunkReader } from './chunk-results';

/** Which model a rule runs on. `text` rules (secrets) run on every file, whatever its language. */
export type Language = 'dockerfile' | 'kubernetes' | 'text';

/** Risk severity chosen by rule authors; the editor maps it to its own levels at the edge. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type Confidence = 'high' | 'medium' | 'low';

/** A half-open range of UTF-16 offsets into the analysed text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/**
 * `autofix` keeps the intent of the code and is safe for "fix all" and `bulwark scan --fix`;
 * `suggestion` changes behaviour or adds structure, so a person must choose it.
 */
export type FixKind = 'autofix' | 'suggestion';

export interface Fix {
  readonly title: string;
  readonly kind: FixKind;
  readonly edits: readonly TextEdit[];
  /**
   * A new file this fix needs, offered by the editor as its own action beside the fix (a Secret
   * manifest for a `secretKeyRef`). Never a secret value; the CLI does not write it.
   */
  readonly companionFile?: CompanionFile;
}

export interface CompanionFile {
  readonly title: string;
  /** A plain file name, created in the analysed file's folder. */
  readonly fileName: string;
  readonly text: string;
  /**
   * Add `text` at the end of the file when it exists (a line break first where it lacks one), instead of
   * offering nothing: for files that are lists of entries (`.dockerignore`).
   */
  readonly append?: boolean;
}

export interface SourceFile {
  /** A URI or a path; used for language detection by file name only. */
  readonly uri: string;
  readonly text: string;
  /** The editor's language id when known (LSP); the CLI leaves it out. */
  readonly languageId?: string;
}

export interface Finding {
  /** Fingerprint: stable across edits elsewhere in the file (no line numbers in it). */
  readonly id: string;
  readonly ruleId: string;
  readonly packId: string;
  readonly severity: Severity;
  /** Already interpolated; never contains a secret value. */
  readonly message: string;
  readonly span: Span;
  readonly fixes: readonly Fix[];
  /** Places in other files the finding rests on (cross-file rules): LSP relatedInformation, SARIF relatedLocations. */
  readonly related?: readonly RelatedLocation[];
}

export interface RelatedLocation {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

export interface SuppressedFinding {
  readonly finding: Finding;
  readonly reason: string;
  readonly until?: string;
}

export type NoticeCode =
  | 'binary-file'
  | 'file-too-large'
  | 'parse-error'
  | 'templated-yaml'
  | 'rule-failed'
  | 'script-too-complex';

/**
 * Something the user may want to know that is not a finding; at most one per code per file, except
 * `script-too-complex`, given once per RUN instruction with its span.
 */
export interface Notice {
  readonly code: NoticeCode;
  readonly message: string;
  readonly span?: Span;
  readonly ruleId?: string;
}

export interface AnalysisResult {
  readonly language: Language;
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  readonly notices: readonly Notice[];
}

/** Peer tools' ids for the same concern, so people who know those tools recognise the finding. */
export type PeerIds = Readonly<Record<string, readonly string[]>>;

export interface RuleMeta {
  readonly id: string;
  readonly packId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly language: Language;
  /** Message template with `{{placeholders}}` filled from the template's report data. */
  readonly message: string;
  /** Why it matters (hover, SARIF fullDescription). */
  readonly description: string;
  /** How to fix it; one or two sentences. */
  readonly remediation: string;
  readonly peers: PeerIds;
  readonly cwe: readonly string[];
  readonly references: readonly string[];
  readonly tags: readonly string[];
  /** More general rules (or `tag:<tag>`: every rule so tagged) whose overlapping findings this rule's findings replace (one problem, one report). */
  readonly supersedes: readonly string[];
  /** Weaker rules whose findings about the same subject (report key, e.g. one container) this rule's finding already implies. */
  readonly implies?: readonly string[];
  /** Present when the rule offers the template's fix; `kind` may only demote an autofix. */
  readonly fix?: { readonly kind?: FixKind; readonly title?: string };
  /** Markdown of the rule's README.md, when the pack ships one. */
  readonly docs?: string;
  /** Where the rule's files live inside its pack, for "show documentation". */
  readonly path?: string;
  /** Set when a policy bundle is in use: which policy judged with this rule (hover, JSON, SARIF). */
  readonly provenance?: Provenance;
}

/** Identity of a policy bundle: what a security reviewer needs to tell which policy judged a file. */
export interface BundleIdentity {
  readonly name: string;
  readonly version: string;
  /** `sha256:…` of the bundle's OCI image manifest (the digest a registry reference pins). */
  readonly digest: string;
}

export interface Provenance {
  readonly ruleId: string;
  readonly packId: string;
  readonly packVersion: string;
  /** `bundle` for a rule shipped in the bundle's packs; `builtin` for a built-in rule the bundle's policy governs. */
  readonly source: 'bundle' | 'builtin' | 'user';
  readonly bundle: BundleIdentity;
  /** Where the severity came from: the rule's own, the bundle's policy, or a user override. */
  readonly severityFrom: 'rule' | 'policy' | 'user';
  /** A bulwark-ignore cannot hide this rule's findings. */
  readonly nonWaivable: boolean;
}

/** What a policy allows a bulwark-ignore comment to do. */
export interface SuppressionPolicy {
  /** Rules a bulwark-ignore cannot suppress: the comment is reported and ignored. */
  readonly nonWaivable: ReadonlySet<string>;
  /** A suppression must carry until=YYYY-MM-DD no further than this many days after the analysis date. */
  readonly maxUntilDays?: number;
  /** Names the policy in messages ("policy acme-policy 1.2.0"). */
  readonly source: string;
}

/** What a template's check reports; the engine turns it into a Finding. */
export interface Report {
  readonly span: Span;
  /** Values for the message's placeholders. Secret values must already be masked. */
  readonly data?: Readonly<Record<string, string>>;
  /**
   * Where a placeholder's value was read from in the file. Such a value is masked only where a secret
   * finding's range overlaps its origin; a value without an origin is searched for every secret text.
   */
  readonly origins?: Readonly<Record<string, Span>>;
  readonly fixes?: readonly Fix[];
  /**
   * Extra identity for the fingerprint when the spanned text alone is ambiguous
   * (for example the container name for a missing field reported on the same key).
   */
  readonly key?: string;
  /**
   * This finding's severity when it differs from the rule's by fact, not taste: a deprecated image is
   * a warning before its date and an error after. A user override still wins.
   */
  readonly severity?: Severity;
  /** Where in other files the finding comes from (cross-file rules); messages must not carry secrets. */
  readonly related?: readonly RelatedLocation[];
}

export interface CheckContext {
  report(report: Report): void;
  /** The analysed file's URI or path (SourceFile.uri), for rules whose answer depends on where a file lives. */
  readonly uri?: string;
  /** Today, as the caller sees it (suppression expiry, dated policy). */
  readonly now: Date;
  /** The policy bundle's limits on suppressions, when one is in use. */
  readonly suppressionPolicy?: SuppressionPolicy;
  /** The organisation's approved images, when a list is in force; the approved-image rules are silent without. */
  readonly approvedImages?: CompiledApprovedImages;
  /** Digests the caller got from registries (AnalyzeOptions.imageDigests); never guessed in the engine. */
  readonly imageDigests?: ReadonlyMap<string, string>;
  /** The other files of the workspace (AnalyzeOptions.workspace); cross-file rules are silent without it. */
  readonly workspace?: WorkspaceIndex;
  /** Set for rules that map to a Pod Security Standards control (peers.pss). */
  readonly podSecurity?: PodSecurityContext;
  /** The PSS level checked where no Namespace label says otherwise (AnalyzeOptions.podSecurityProfile). */
  readonly podSecurityProfile?: PodSecurityLevel;
  /** Text: the model is a window of a larger file (text-windows.ts), not the whole text. */
  readonly inWindow?: boolean;
  /**
   * Text, with inWindow: the whole text's first line when it is a `#!` line (a script's interpreter, which says
   * the file holds commands), else ''. A window away from the text's start does not hold it.
   */
  readonly shebang?: string;
  /** Text, with inWindow: what the rule's windowFact read from the whole text (Rule.windowFact); undefined when none was given. */
  readonly windowFact?: string;
  /**
   * Text, for a rule with a whole-file step (Rule.wholeFileStep): the check runs on the whole file after its
   * windows, given their reports (in offsets of the file), and reports the file's reports from them.
   */
  readonly windowReports?: readonly Report[];
  /** With windowReports: a scan of the whole file read per chunk and kept per chunk between analyses (chunk-results.ts). */
  readonly chunkResults?: <R>(reader: ChunkReader<R>) => R[];
  /**
   * Text, with a cache kept between analyses of one document (the editor's): where a check keeps what it
   * read from one line, found again by the line's text alone (command-line-memo.ts). Absent in the CLI.
   */
  readonly lineMemo?: ParseCache;
}

export type Check<M> = (model: M, ctx: CheckContext) => void;

/**
 * How far from a line it reports on a text check reads: whole lines before and after, and at least
 * so many characters (a value up to 1 KB past its key, a PEM block up to 32 KB long). A check that
 * declares it promises that its reports on a line depend only on that much text around it, on the
 * file's name and on its `#!` line (CheckContext.shebang), so the engine may run it on windows of a large
 * file and keep each window's reports while its text is unchanged (the editor's keystrokes).
 */
export interface TextLookaround {
  readonly linesBefore: number;
  readonly linesAfter: number;
  readonly charsBefore?: number;
  readonly charsAfter?: number;
  /**
   * The check reads a line continued with `\`, `` ` `` or `^` at its end together with the lines it continues
   * (a command line): a window then never opens or closes inside such a run of lines (bounded: continued-lines.ts).
   */
  readonly continuedLines?: boolean;
}

/** Pod Security Standards levels, least to most strict. */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';
export const POD_SECURITY_LEVELS: readonly PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];

/** What a Pod Security Standards rule needs to know to judge a pod at the level that applies to it. */
export interface PodSecurityContext {
  /** The level the caller chose (AnalyzeOptions.podSecurityProfile), for pods without a labelled Namespace. */
  readonly profile: PodSecurityLevel;
  /** The lowest PSS level the rule maps to (from its `pss` peers); pods held to a lower level are skipped. */
  readonly ruleLevel: PodSecurityLevel;
}

export interface Rule {
  readonly meta: RuleMeta;
  readonly check: Check<never>;
  /** From the rule's template: the Kubernetes object kinds the check reads; absent, every kind. */
  readonly objectKinds?: readonly string[];
  /** From the rule's template: the check reads the workspace index (a cross-file rule). */
  readonly readsWorkspace?: boolean;
  /**
   * Kubernetes: the check's reports on one `---` section depend only on that section, the pod-security
   * profile, the Namespace enforce labels and the line-break style (kubernetes-sections.ts), so the
   * editor memoises them per section.
   */
  readonly perSection?: boolean;
  /** Dockerfile: the check's reports on one RUN script depend only on that script (dockerfile-script-rules.ts). */
  readonly perRunScript?: boolean;
  /** Dockerfile: the check's reports on RUN scripts come from each script alone, its others read none (dockerfile-script-rules.ts). */
  readonly runScriptsApart?: boolean;
  /** From a text rule's template: how far around a line the check reads in this file (text-windows.ts). */
  readonly lookaround?: (fileName: string) => TextLookaround | undefined;
  /**
   * From a text rule's template: in a file of this name the check, besides running on windows, runs once
   * on the whole file with the windows' reports (CheckContext.windowReports) and gives the file's reports.
   */
  readonly wholeFileStep?: (fileName: string) => boolean;
  /**
   * From a text rule's template: a short fact of the whole text that its checks on windows read
   * (CheckContext.windowFact); a change of it re-checks every window of the file.
   */
  readonly windowFact?: (fileName: string, text: string) => string;
  /** From a text rule's template: the keywords its prefilter looks for in every file (RuleSet.keywordPass). */
  readonly keywords?: readonly string[];
  /**
   * The validated `match` of the rule.yaml the check was instantiated from (set by the pack loader):
   * with `meta`, enough to instantiate the rule again without re-reading its YAML (a cached policy bundle).
   */
  readonly match?: RuleMatch;
}

/** A rule's template id and its params, as validated against the template's schema. */
export interface RuleMatch {
  readonly template: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface PackInfo {
  readonly id: string;
  readonly version: string;
  readonly description: string;
  readonly root: string;
}

export interface RuleSet {
  readonly rules: readonly Rule[];
  /**
   * One keyword pass per text for every rule's `keywords` (keyword-pass.ts): the text model runs it
   * once, on first use, and the rules read their own keywords' hits from it. Absent, each rule scans.
   */
  readonly keywordPass?: SharedKeywordPass;
  readonly packs: readonly PackInfo[];
  /** Present when a policy bundle was applied (engine/policy/apply.ts): enforced by analyze(). */
  readonly suppressionPolicy?: SuppressionPolicy;
  readonly bundle?: BundleIdentity;
  /** The bundle's approved-images.yaml, when it carries one (docs/approved-images.md). */
  readonly approvedImages?: ApprovedImages;
  /**
   * The digest a registry serves for a reference, keyed by the normalised reference with its tag
   * (`registry.acme.example/base/node:20-slim`, see formatImageReference). The caller HEADs the
   * registry; with a digest here, the replacement fix writes `name:tag@digest`, else the tag alone.
   */
  readonly imageDigests?: ReadonlyMap<string, string>;
}

export type SeverityOverride = Severity | 'off';

export interface AnalyzeOptions {
  /** Today's date, for suppression expiry; injected so the engine stays pure and testable. */
  readonly now?: Date;
  /** Files above this many UTF-16 code units are skipped with a notice. */
  readonly maxFileSize?: number;
  /** Per-rule severity overrides by rule id; `off` disables the rule. A Map: ids are data, never object keys. */
  readonly severityOverrides?: ReadonlyMap<string, SeverityOverride>;
  /** Reuses parsed YAML documents and RUN scripts between analyses of one file (the editor's keystrokes). */
  readonly cache?: ParseCache;
  /**
   * With `cache`, text rules that declare their lookaround run on windows of a large file and each
   * window's reports are kept in the cache (text-windows.ts): the editor sets it, so a keystroke re-checks
   * the windows it changed. Same findings; only a pack regex's work limit then counts per window.
   */
  readonly textWindows?: boolean;
  /** An approved-images list given by the caller (CLI --approved-images, editor setting); wins over the rule set's. */
  readonly approvedImages?: ApprovedImages;
  /**
   * The digest a registry serves for a reference, keyed by the normalised reference with its tag
   * (`registry.acme.example/base/node:20-slim`, see formatImageReference). The caller HEADs the
   * registry; with a digest here, the replacement fix writes `name:tag@digest`, else the tag alone.
   */
  readonly imageDigests?: ReadonlyMap<string, string>;
  /**
   * Honour the peers' suppression comments (`# hadolint ignore=DL3008`, `# checkov:skip=CKV_K8S_20:…`,
   * `# kics-scan ignore-line`, `# trivy:ignore:KSV-0017`) through each rule's `peers:` (opt-in; peer-suppressions.ts).
   */
  readonly honorPeerSuppressions?: boolean;
  /**
   * What the other files of the workspace say (engine/workspace): the CLI indexes what it scans, the
   * editor its workspace folders. Without it, cross-file rules stay silent rather than guess.
   */
  readonly workspace?: WorkspaceIndex;
  /**
   * The Pod Security Standards level the pod-security rules check (default `restricted`); a Namespace in
   * the same file labelled `pod-security.kubernetes.io/enforce` wins for the workloads in it.
   */
  readonly podSecurityProfile?: 'baseline' | 'restricted';
}

/** An owned, bounded cache of parsed pieces of one file (YAML documents, RUN scripts) keyed by their text. */
export interface ParseCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /**
   * The cache is dropped with the file it serves (the CLI's cache per file, across its fix passes): a
   * section it keeps cannot hold an old text alive for long, so sections need not own copies (ownCopy).
   */
  readonly shortLived?: boolean;
}
