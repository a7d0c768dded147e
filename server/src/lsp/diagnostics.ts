import { createHash } from 'node:crypto';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { AnalysisResult, Finding, Notice, NoticeCode } from '../engine';
import { rangeOf, severityOf, type PositionMapper } from './convert';
import type { RuleSetService } from './rule-set-service';

/**
 * What a Bulwark diagnostic carries so code actions find the finding again without reading messages.
 * Only the finding's id: the rule is the diagnostic's `code`, and code actions look the finding up in
 * the current analysis whatever version the client's diagnostic came from, so neither is repeated here
 * (a diagnostic then stays the same object, and the same bytes, from one version to the next).
 */
export interface DiagnosticData {
  readonly findingId: string;
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

/** An analysis's diagnostics converted afresh (document-diagnostics.ts keeps them between deliveries). */
export function toDiagnostics(result: AnalysisResult, doc: PositionMapper & { getText(): string }, rules: RuleSetService): Diagnostic[] {
  const hrefOf = ruleHrefs(rules);
  const diagnostics = result.findings.map((f) => diagnosticOf(f, rangeOf(doc, f.span), hrefOf(f.ruleId)));
  diagnostics.push(...noticeDiagnostics(result.notices, doc));
  return diagnostics;
}

export function findingDiagnostic(finding: Finding, doc: PositionMapper, rules: RuleSetService): Diagnostic {
  return diagnosticOf(finding, rangeOf(doc, finding.span), ruleHref(rules, finding.ruleId));
}

/** A rule's documentation link, found once per rule rather than once per finding (thousands in a long file). */
export function ruleHrefs(rules: RuleSetService): (ruleId: string) => string | undefined {
  const hrefs = new Map<string, string | undefined>();
  return (ruleId) => {
    if (hrefs.has(ruleId)) return hrefs.get(ruleId);
    const href = ruleHref(rules, ruleId);
    hrefs.set(ruleId, href);
    return href;
  };
}

function ruleHref(rules: RuleSetService, ruleId: string): string | undefined {
  return rules.meta(ruleId)?.references.find((r) => /^https:\/\/\S+$/.test(r));
}

/** The diagnostic of `finding` at `range`; `range` comes first (document-diagnostics.ts reuses the bytes after it). */
export function diagnosticOf(finding: Finding, range: Range, href: string | undefined): Diagnostic {
  const data: DiagnosticData = { findingId: finding.id };
  return {
    range,
    severity: severityOf(finding.severity),
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(finding.related ? { relatedInformation: finding.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })) } : {}),
    data,
  };
}

/** The notices' diagnostics, merged per code (mergeNotices). */
export function noticeDiagnostics(notices: readonly Notice[], doc: PositionMapper & { getText(): string }): Diagnostic[] {
  return mergeNotices(notices).map((n) => noticeDiagnostic(n, doc));
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
  return typeof v.findingId === 'string';
}

function firstLineEnd(text: string): number {
  const lf = text.search(/\r|\n/);
  return lf < 0 ? Math.min(text.length, 200) : Math.min(lf, 200);
}

/**
 * A pull result id that names what the client is sent: the count, and a hash of each diagnostic's
 * range and of a hash of the rest of its JSON (diagnosticKey), so the same diagnostics always get the
 * same id and any change a client could show or hand back (range, severity, code, link, message,
 * related locations, finding id) gets another.
 */
export function diagnosticsResultId(diagnostics: readonly Diagnostic[]): string {
  return resultIdOf(diagnostics.map((d) => diagnosticKey(JSON.stringify(d), d.range).key));
}

/** `{"range":…` as JSON.stringify begins a diagnostic whose first field is its range. */
export function rangeJson(range: Range): string {
  return `{"range":${JSON.stringify(range)}`;
}

/**
 * A diagnostic's share of the result id: the JSON of its range (when that begins its JSON) and a hash of
 * the rest (sha-256, 132 bits kept), so a diagnostic that only moved gets its key without hashing again.
 */
export function diagnosticKey(json: string, range: Range): { readonly head: string; readonly tailDigest: string; readonly key: string } {
  const head = rangeJson(range);
  const at = json.startsWith(head) ? head.length : 0;
  const tailDigest = createHash('sha256').update(json.slice(at)).digest('base64url').slice(0, 22);
  const shown = at === 0 ? '' : head;
  return { head: shown, tailDigest, key: `${shown}\u0000${tailDigest}` };
}

/** The result id of diagnostics with these keys (diagnosticKey), in this order. */
export function resultIdOf(keys: readonly string[]): string {
  // Hashed as one string: a native call per diagnostic costs more than the hashing with thousands of them.
  return `${keys.length}.${createHash('sha256').update(keys.join('\u0001')).digest('base64url').slice(0, 22)}`;
}
