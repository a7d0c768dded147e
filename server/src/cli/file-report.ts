import { LineIndex, type AnalysisResult, type Finding, type Fix, type Notice, type Provenance, type Range, type RuleMeta, type Span } from '../engine';
import { ownCopy } from '../engine/parsers/dockerfile-instruction-document';
import { redactorFor, type Redactor } from './redact';
import type { FileReport, Region, ReportedFinding, ReportedFix, ReportedNotice } from './report';

/** Converts one file's analysis (offsets into `text`) into the report shape every format prints. */
export function analysedFileReport(
  file: { readonly path: string; readonly absolutePath: string },
  text: string,
  result: AnalysisResult,
  rulesById: ReadonlyMap<string, RuleMeta>,
  extra: { readonly notices?: readonly ReportedNotice[]; readonly fixesApplied?: number; readonly pathOf?: (uri: string) => string } = {},
): FileReport {
  const lines = new LineIndex(text);
  const redactor = redactorFor(text, result, rulesById);
  const pathOf = extra.pathOf ?? ((uri: string) => uri);
  const toFinding = (f: Finding) => reportedFinding(file.path, f, lines, redactor, rulesById.get(f.ruleId)?.provenance, pathOf);
  return {
    path: file.path,
    absolutePath: file.absolutePath,
    language: result.language,
    findings: result.findings.map(toFinding),
    suppressed: result.suppressed.map((s) => ({ finding: toFinding(s.finding), reason: redactor.text(s.reason), until: s.until })),
    // The CLI's own notices may quote the file too (an image reference --pin-digests could not pin).
    notices: [...result.notices.map((n) => reportedNotice(file.path, n, lines, redactor)), ...(extra.notices ?? []).map((n) => ({ ...n, message: redactor.text(n.message) }))],
    fixesApplied: extra.fixesApplied ?? 0,
  };
}

export function skippedFileReport(file: { readonly path: string; readonly absolutePath: string }, code: string, message: string): FileReport {
  return { path: file.path, absolutePath: file.absolutePath, findings: [], suppressed: [], notices: [{ path: file.path, code, message }], fixesApplied: 0 };
}

function reportedFinding(path: string, finding: Finding, lines: LineIndex, redactor: Redactor, provenance: Provenance | undefined, pathOf: (uri: string) => string): ReportedFinding {
  return {
    path,
    ruleId: finding.ruleId,
    packId: finding.packId,
    severity: finding.severity,
    // Built safe by the engine (secret-mask.ts): searching it again would hide a container name that
    // merely equals a password written elsewhere, which the editor shows as it is.
    message: finding.message,
    region: regionOf(finding.span, lines),
    fingerprint: finding.id,
    fixes: finding.fixes.filter((fix) => !fixLeaks(fix, redactor)).map((fix) => reportedFix(fix, lines, redactor)),
    ...(provenance ? { provenance } : {}),
    ...(finding.related ? { related: finding.related.map((r) => ({ path: pathOf(r.uri), region: rangeRegion(r.range), message: r.message })) } : {}),
  };
}

/** A related location comes with its own 0-based range (the other file's text is not at hand here). */
function rangeRegion(range: Range): Region {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function fixLeaks(fix: Fix, redactor: Redactor): boolean {
  return fix.edits.some((e) => redactor.leaks(e.newText));
}

function reportedFix(fix: Fix, lines: LineIndex, redactor: Redactor): ReportedFix {
  return {
    kind: fix.kind,
    title: redactor.text(fix.title),
    // The report outlives the file: an edit's text is often a slice of the file's text, and a slice keeps the
    // whole text alive (24 of the 25 MB a report of the mixed bench tree held, for 3,192 edits).
    edits: fix.edits.map((e) => ({ region: regionOf(e.span, lines), newText: ownCopy(e.newText) })),
  };
}

function reportedNotice(path: string, notice: Notice, lines: LineIndex, redactor: Redactor): ReportedNotice {
  return {
    path,
    code: notice.code,
    message: redactor.text(notice.message),
    ruleId: notice.ruleId,
    region: notice.span ? regionOf(notice.span, lines) : undefined,
  };
}

function regionOf(span: Span, lines: LineIndex): Region {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
