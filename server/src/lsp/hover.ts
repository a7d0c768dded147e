import { MarkupKind, type Hover, type HoverParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisService } from './analysis-service';
import { rangeOf, spanContains } from './convert';
import { imageHover } from './image-hover';
import type { ImageService } from './image-service';
import { hoverMarkdown } from './rule-docs';

/** The findings under the cursor, then, on an image reference, what the list and the registry say about it. */
export async function provideHover(documents: TextDocuments<TextDocument>, analysis: AnalysisService, params: HoverParams, images?: ImageService, now: Date = new Date()): Promise<Hover | null> {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const result = await analysis.analyzeDocument(doc);
  if (result.version !== doc.version) return null;
  const offset = doc.offsetAt(params.position);
  const hits = result.result.findings.filter((f) => spanContains(f.span, offset));
  const image = images ? await imageHover(images, doc, offset, now, analysis.parseCacheOf(doc.uri)) : undefined;
  if (doc.version !== result.version) return null;
  if (hits.length === 0 && !image) return null;
  const spans = [...hits.map((f) => f.span), ...(image ? [image.span] : [])];
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  const sections = [...hits.map((f) => hoverMarkdown(f, analysis.rules.meta(f.ruleId))), ...(image ? [image.markdown] : [])];
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: rangeOf(doc, { start, end }),
  };
}
