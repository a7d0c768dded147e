import { DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { AnalysisResult } from '../engine';
import type { PositionMapper } from './convert';
import { DiagnosticJsonCache, type PreparedDiagnosticsEncoder } from './diagnostic-json';
import { diagnosticsResultId, toDiagnostics } from './diagnostics';
import type { RuleSetService } from './rule-set-service';

/** What one delivery of an open document's diagnostics is made from. */
export interface DeliveredAnalysis {
  readonly result: AnalysisResult;
  readonly version: number;
}

/**
 * One open document's diagnostics from analysis to bytes, kept from one delivery to the next: what a
 * pull answers and what a push sends, with the encoder handed the JSON of this delivery.
 */
export class DocumentDiagnostics {
  private readonly json = new DiagnosticJsonCache();

  constructor(
    private readonly rules: RuleSetService,
    private readonly encoder: PreparedDiagnosticsEncoder | undefined,
  ) {}

  /** A pull's answer: Unchanged when the client holds these very diagnostics (LSP 3.17 previousResultId). */
  pull(analysis: DeliveredAnalysis, doc: PositionMapper & { getText(): string }, previousResultId: string | undefined): DocumentDiagnosticReport {
    const items = toDiagnostics(analysis.result, doc, analysis.version, this.rules);
    const resultId = diagnosticsResultId(items);
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    this.prepare(items, analysis.version);
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /** A push's diagnostics. */
  push(analysis: DeliveredAnalysis, doc: PositionMapper & { getText(): string }): Diagnostic[] {
    const diagnostics = toDiagnostics(analysis.result, doc, analysis.version, this.rules);
    this.prepare(diagnostics, analysis.version);
    return diagnostics;
  }

  /** Hands the encoder this delivery's bytes, made mostly of the last deliveries' (diagnostic-json.ts). */
  private prepare(diagnostics: Diagnostic[], version: number): void {
    this.encoder?.prepare(diagnostics, this.json.arrayJson(diagnostics, version));
  }
}
