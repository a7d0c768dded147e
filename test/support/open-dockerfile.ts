import * as assert from 'node:assert/strict';
import { analyze, type AnalysisResult, type AnalyzeOptions, type RuleSet } from '../../server/src/engine';
import { EditableDocument } from '../../server/src/lsp/editable-document';
import { SectionParseCache } from '../../server/src/lsp/section-parse-cache';

// One Dockerfile open in the editor as the language server keeps it (its text and parse cache), for tests
// that compare the editor's analysis after each edit with a fresh one.

export const DOCKERFILE_URI = 'file:///workspace/Dockerfile';
export const ANALYSIS_NOW = new Date('2026-06-01T00:00:00Z');

export class OpenDockerfile {
  private readonly doc: EditableDocument;
  private readonly cache = new SectionParseCache();
  private version = 1;

  constructor(text: string) {
    this.doc = EditableDocument.create(DOCKERFILE_URI, 'dockerfile', 1, text);
  }

  get text(): string {
    return this.doc.getText();
  }

  /** Replaces the first occurrence of `find` with `replace`, as one change. */
  edit(find: string, replace: string): void {
    const start = this.text.indexOf(find);
    assert.ok(start >= 0, `the document has ${JSON.stringify(find)}`);
    const range = { start: this.doc.positionAt(start), end: this.doc.positionAt(start + find.length) };
    this.doc.update([{ range, text: replace }], ++this.version);
  }

  /** Replaces [start, end) of the text with `text`, as one change. */
  replace(start: number, end: number, text: string): void {
    const range = { start: this.doc.positionAt(start), end: this.doc.positionAt(end) };
    this.doc.update([{ range, text }], ++this.version);
  }

  analyse(ruleSet: RuleSet, options: AnalyzeOptions = {}): AnalysisResult {
    const result = analyze({ uri: DOCKERFILE_URI, text: this.text, languageId: 'dockerfile' }, ruleSet, { ...options, cache: this.cache, now: ANALYSIS_NOW, textWindows: true });
    this.cache.endAnalysis();
    return result;
  }
}

/** A result as plain data, so deepEqual compares what a client would see. */
export function comparable(result: AnalysisResult): unknown {
  return JSON.parse(JSON.stringify(result));
}

/** `rule@line:col=text` for each finding of the given rules, for messages that say what changed. */
export function placed(result: AnalysisResult, text: string, ruleIds: readonly string[]): string[] {
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split(/\r\n|\n/).length;
    return `${line}:${offset - Math.max(before.lastIndexOf('\n') + 1, 0) + 1}`;
  };
  return result.findings.filter((f) => ruleIds.includes(f.ruleId)).map((f) => `${f.ruleId}@${at(f.span.start)}=${text.slice(f.span.start, f.span.end)}`);
}
