import { MarkupKind, type Hover, type HoverParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisService } from './analysis-service';
import { rangeOf, spanContains } from './convert';
import { hoverMarkdown } from './rule-docs';

export async function provideHover(documents: TextDocuments<TextDocument>, analysis: AnalysisService, params: HoverParams): Promise<Hover | null> {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const result = await analysis.analyzeDocument(doc);
  if (result.version !== doc.version) return null;
  const offset = doc.offsetAt(params.position);
  const hits = result.result.findings.filter((f) => spanContains(f.span, offset));
  if (hits.length === 0) return null;
  const start = Math.min(...hits.map((f) => f.span.start));
  const end = Math.max(...hits.map((f) => f.span.end));
  return {
    contents: { kind: MarkupKind.Markdown, value: hits.map((f) => hoverMarkdown(f, analysis.rules.meta(f.ruleId))).join('\n\n---\n\n') },
    range: rangeOf(doc, { start, end }),
  };
}
