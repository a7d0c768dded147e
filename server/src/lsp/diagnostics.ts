import { createHash } from 'node:crypto';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { AnalysisResult, Finding, Notice, NoticeCode } from '../engine';
import { rangeOf, severityOf, type PositionMapper } from './convert';
import type { RuleSetService } from './rule-set-service';

/** What a Bulwark diagnostic carries so code actions find the finding again without reading messages. */
export interface DiagnosticData {
  readonly findingId: string;
  readonly ruleId: string;
  readonly version: number;
}

export const DIAGNOSTIC_SOURCE = 'bulwark';

// Notices inform rather than warn: what the user can act on is Information, the rest a Hint. A RUN
// too complex to read warns: its checks are approximate, and such syntax can be a way to hide a command.
const NOTICE_SEVERITY: Readonly<Record<NoticeCode, DiagnosticSeverity>> = {
  'script-too-complex': DiagnosticSeverity.Warning,
  'parse-error': DiagnosticSeverity.Information,
  'file-too-large': DiagnosticSeverity.Information,
  'rule-failed': DiagnosticSeverity.Information,
  'templated-yaml': DiagnosticSeverity.Hint,
  'binary-file': DiagnosticSeverity.Hint,
};

export function toDiagnostics(result: AnalysisResult, doc: PositionMapper & { getText(): string }, version: number, rules: RuleSetService): Diagnostic[] {
  // A rule's documentation link, found once per rule rather than once per finding (thousands in a long file).
  const hrefs = new Map<string, string | undefined>();
  const hrefOf = (ruleId: string) => {
    if (hrefs.has(ruleId)) return hrefs.get(ruleId);
    const href = ruleHref(rules, ruleId);
    hrefs.set(ruleId, href);
    return href;
  };
  const diagnostics = result.findings.map((f) => diagnosticOf(f, doc, version, hrefOf(f.ruleId)));
  for (const notice of mergeNotices(result.notices)) diagnostics.push(noticeDiagnostic(notice, doc));
  return diagnostics;
}

export function findingDiagnostic(finding: Finding, doc: PositionMapper, version: number, rules: RuleSetService): Diagnostic {
  return diagnosticOf(finding, doc, version, ruleHref(rules, finding.ruleId));
}

function ruleHref(rules: RuleSetService, ruleId: string): string | undefined {
  return rules.meta(ruleId)?.references.find((r) => /^https:\/\/\S+$/.test(r));
}

function diagnosticOf(finding: Finding, doc: PositionMapper, version: number, href: string | undefined): Diagnostic {
  const data: DiagnosticData = { findingId: finding.id, ruleId: finding.ruleId, version };
  return {
    range: rangeOf(doc, finding.span),
    severity: severityOf(finding.severity),
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(finding.related ? { relatedInformation: finding.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })) } : {}),
    data,
  };
}

function noticeDiagnostic(notice: Notice, doc: PositionMapper & { getText(): string }): Diagnostic {
  const range = notice.span ? rangeOf(doc, notice.span) : { start: { line: 0, character: 0 }, end: doc.positionAt(firstLineEnd(doc.getText())) };
  return { range, severity: NOTICE_SEVERITY[notice.code], code: `bulwark/${notice.code}`, source: DIAGNOSTIC_SOURCE, message: notice.message };
}

/**
 * At most one diagnostic per notice code: several failing rules become one notice naming them all.
 * `script-too-complex` stays one per RUN instruction, on that instruction.
 */
function mergeNotices(notices: readonly Notice[]): Notice[] {
  const byCode = new Map<NoticeCode, Notice[]>();
  for (const n of notices) byCode.set(n.code, [...(byCode.get(n.code) ?? []), n]);
  const merged: Notice[] = [];
  for (const [code, group] of byCode) {
    if (group.length === 1 || code === 'script-too-complex') merged.push(...group);
    else if (code === 'rule-failed') merged.push({ code, message: `${group.length} rules failed on this file and were skipped: ${group.map((n) => n.ruleId ?? '?').join(', ')}. See the Bulwark output for details.` });
    else merged.push(group[0]);
  }
  return merged;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.findingId === 'string' && typeof v.ruleId === 'string' && typeof v.version === 'number';
}

function firstLineEnd(text: string): number {
  const lf = text.search(/\r|\n/);
  return lf < 0 ? Math.min(text.length, 200) : Math.min(lf, 200);
}

/**
 * A pull result id that names what the client shows: ranges, severities, codes, messages, related
 * locations and finding ids. The document version inside `data` is left out on purpose: code actions find a finding by its
 * id, so diagnostics a client keeps from an earlier version stay usable while they are the same.
 */
export function diagnosticsResultId(diagnostics: readonly Diagnostic[]): string {
  // Hashed as one string: three native calls per diagnostic cost more than the hashing with thousands of them.
  const parts: string[] = [];
  for (const d of diagnostics) {
    const { start, end } = d.range;
    const findingId = isDiagnosticData(d.data) ? d.data.findingId : '';
    parts.push(`${start.line}:${start.character}-${end.line}:${end.character}\u0000${d.severity ?? ''}\u0000${String(d.code ?? '')}\u0000${findingId}\u0000${d.codeDescription?.href ?? ''}\u0000${typeof d.message === 'string' ? d.message : d.message.value}\u0000`);
    // A cross-file finding points at the other file: that place can move while this one stays.
    parts.push(d.relatedInformation ? JSON.stringify(d.relatedInformation) : '', '\u0001');
  }
  return `${diagnostics.length}.${createHash('sha256').update(parts.join('')).digest('base64url').slice(0, 22)}`;
}
