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
  const diagnostics = result.findings.map((f) => findingDiagnostic(f, doc, version, rules));
  for (const notice of mergeNotices(result.notices)) diagnostics.push(noticeDiagnostic(notice, doc));
  return diagnostics;
}

export function findingDiagnostic(finding: Finding, doc: PositionMapper, version: number, rules: RuleSetService): Diagnostic {
  const href = rules.meta(finding.ruleId)?.references.find((r) => /^https:\/\/\S+$/.test(r));
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
export function mergeNotices(notices: readonly Notice[]): Notice[] {
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
