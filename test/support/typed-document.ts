import * as assert from 'node:assert/strict';
import { analyze, type RuleSet } from '../../server/src/engine';
import { EditableDocument } from '../../server/src/lsp/editable-document';
import { SectionParseCache } from '../../server/src/lsp/section-parse-cache';
import { ANALYSIS_NOW, comparable } from './open-dockerfile';

/**
 * A document typed into as the editor sends keystrokes (EditableDocument, one cache per document): after
 * every change its cached analysis is compared with a fresh whole-file one, finding for finding.
 */
export class TypedDocument {
  private readonly doc: EditableDocument;
  private readonly cache = new SectionParseCache();
  private version = 1;
  compared = 0;

  constructor(
    private readonly uri: string,
    text: string,
    private readonly ruleSet: RuleSet,
  ) {
    this.doc = EditableDocument.create(uri, 'plaintext', 1, text);
    this.analyse();
  }

  get text(): string {
    return this.doc.getText();
  }

  /** Replaces [start, end) by `inserted` as one LSP change, then compares the cached analysis with a fresh one. */
  type(start: number, end: number, inserted: string, what: string): void {
    const position = (offset: number) => {
      const before = this.text.slice(0, offset);
      const line = before.split('\n').length - 1;
      return { line, character: offset - (before.lastIndexOf('\n') + 1) };
    };
    this.doc.update([{ range: { start: position(start), end: position(end) }, text: inserted }], ++this.version);
    const cached = this.analyse();
    const fresh = analyze({ uri: this.uri, text: this.text }, this.ruleSet, { now: ANALYSIS_NOW });
    assert.deepEqual(comparable(cached), comparable(fresh), `${what}: cached and fresh analyses differ`);
    this.compared += fresh.findings.length;
  }

  /** Types `word` at `offset` one character at a time, then deletes it with Backspace. */
  typeAndDelete(offset: number, word: string, what: string): void {
    for (let i = 0; i < word.length; i++) this.type(offset + i, offset + i, word[i], `${what}: "${word.slice(0, i + 1)}" typed`);
    for (let i = word.length; i > 0; i--) this.type(offset + i - 1, offset + i, '', `${what}: Backspace to "${word.slice(0, i - 1)}"`);
  }

  private analyse() {
    const result = analyze({ uri: this.uri, text: this.text }, this.ruleSet, { cache: this.cache, now: ANALYSIS_NOW, textWindows: true });
    this.cache.endAnalysis();
    return result;
  }
}
