import { DiagnosticSeverity, type Position, type Range } from 'vscode-languageserver/node';
import type { Severity, Span, TextEdit as EngineTextEdit } from '../engine';
import type { TextEdit } from 'vscode-languageserver/node';

/** What the converters need from a TextDocument: the offset ↔ position mapping of one version. */
export interface PositionMapper {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export function rangeOf(doc: PositionMapper, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function spanOf(doc: PositionMapper, range: Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

export function toTextEdit(doc: PositionMapper, edit: EngineTextEdit): TextEdit {
  return { range: rangeOf(doc, edit.span), newText: edit.newText };
}

export function severityOf(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'critical':
    case 'high':
      return DiagnosticSeverity.Error;
    case 'medium':
      return DiagnosticSeverity.Warning;
    case 'low':
      return DiagnosticSeverity.Information;
    case 'info':
      return DiagnosticSeverity.Hint;
  }
}

/** Half-open spans; an empty span (an insertion point) touches the offset it sits on. */
export function spanContains(span: Span, offset: number): boolean {
  return span.start === span.end ? offset === span.start : span.start <= offset && offset <= span.end;
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
