import type { FixKind, Language, RuleMeta, Severity } from '../engine';
import { UNREADABLE_CODES } from '../node/source-file';
import type { FailOn, FixMode } from './args';
import type { BundleIdentity, Provenance } from '../engine';

// The one shape every formatter reads: positions already converted to 1-based lines and UTF-16
// columns, paths already relative, and secret text already withheld (see redact.ts).

/** 1-based lines and columns; columns count UTF-16 code units (SARIF utf16CodeUnits). */
export interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ReportedEdit {
  readonly region: Region;
  readonly newText: string;
}

export interface ReportedFix {
  readonly kind: FixKind;
  readonly title: string;
  readonly edits: readonly ReportedEdit[];
}

export interface ReportedFinding {
  readonly path: string;
  readonly ruleId: string;
  readonly packId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly region: Region;
  readonly fingerprint: string;
  readonly fixes: readonly ReportedFix[];
  /** Which policy judged it, when a policy bundle is in use. */
  readonly provenance?: Provenance;
  /** Places in other files a cross-file finding rests on (path as reported, 1-based region). */
  readonly related?: readonly ReportedLocation[];
}

export interface ReportedLocation {
  readonly path: string;
  readonly region: Region;
  readonly message: string;
}

export interface ReportedSuppression {
  readonly finding: ReportedFinding;
  readonly reason: string;
  readonly until?: string;
}

/** Engine notices plus the CLI's own (skipped files, fixes not written). */
export interface ReportedNotice {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly ruleId?: string;
  readonly region?: Region;
}

export interface FileReport {
  /** Relative to the current directory with `/`, or absolute when outside it. */
  readonly path: string;
  readonly absolutePath: string;
  /** Absent when the file was not analysed (binary, too large, unreadable). */
  readonly language?: Language;
  readonly findings: readonly ReportedFinding[];
  readonly suppressed: readonly ReportedSuppression[];
  readonly notices: readonly ReportedNotice[];
  /** Autofixes applied (--fix) or that would be applied (--fix-dry-run). */
  readonly fixesApplied: number;
  /** What to do about the file as a whole (a `.env` file with secrets that git tracks); text output only. */
  readonly advice?: readonly string[];
}

export interface ScanReport {
  /** The scan root (the current directory): SARIF's %SRCROOT%. */
  readonly root: string;
  readonly files: readonly FileReport[];
  /**
   * Paths the scan skipped that are not files it lists: unreadable folders, symbolic links, FIFOs and
   * devices, ignore files not applied.
   */
  readonly pathNotices: readonly ReportedNotice[];
  /** --allow-incomplete: unread input is reported but does not fail the scan. */
  readonly allowIncomplete: boolean;
  /** Rules that ran (not turned off), in rule-set order; SARIF's driver.rules. */
  readonly rules: readonly RuleMeta[];
  readonly failOn: FailOn;
  readonly fixMode: FixMode;
  /** The policy bundle applied, if any (JSON `policy`, SARIF run.automationDetails). */
  readonly bundle?: BundleIdentity;
}

const RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

function isAtOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && RANK[severity] >= RANK[failOn];
}

export function allFindings(report: ScanReport): ReportedFinding[] {
  return report.files.flatMap((f) => f.findings);
}

/** Findings that make the scan fail; suppressed findings never count. */
export function failingFindings(report: ScanReport): ReportedFinding[] {
  return allFindings(report).filter((f) => isAtOrAbove(f.severity, report.failOn));
}

/**
 * Notices that mean part of a file was not fully checked: a rule that failed on it, or a RUN too
 * complex to read in full. Hostile input must not buy a green build, so each counts as a high finding.
 */
const INCOMPLETE_CHECK_NOTICES: ReadonlySet<string> = new Set(['rule-failed', 'script-too-complex']);
const INCOMPLETE_CHECK_SEVERITY: Severity = 'high';

/** Incomplete-check notices that make the scan fail at this --fail-on. */
export function failingNotices(report: ScanReport): ReportedNotice[] {
  if (!isAtOrAbove(INCOMPLETE_CHECK_SEVERITY, report.failOn)) return [];
  return report.files.flatMap((f) => f.notices.filter((n) => INCOMPLETE_CHECK_NOTICES.has(n.code)));
}

/** Whether the scan exits 1: a finding at or above --fail-on, or a check that could not be completed. */
export function scanFails(report: ScanReport): boolean {
  return failingFindings(report).length > 0 || failingNotices(report).length > 0;
}

/** Notices of input that existed but could not be read: the scan's result is incomplete. */
export function unreadNotices(report: ScanReport): ReportedNotice[] {
  return [...report.pathNotices, ...report.files.flatMap((f) => f.notices)].filter((n) => UNREADABLE_CODES.has(n.code));
}

export function severityCounts(findings: readonly ReportedFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
