import * as fs from 'node:fs';
import { analyze } from '../../server/src/engine';
import { EditableDocument } from '../../server/src/lsp/editable-document';
import { SectionParseCache } from '../../server/src/lsp/section-parse-cache';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { editPoints, type FileKind } from './edit-points';
import { keystrokesAt, typingPoints, type Change } from './keystrokes';

// A document kept and edited as the server keeps it (EditableDocument, one parse cache per document) and
// analysed after every change as a pull request would, without a language server or JSON-RPC around it:
// what the in-process keystroke benches time, profile and sample.

export type InProcessTyping = 'space' | 'word' | 'enter';

export interface InProcessDocument {
  /** Every keystroke to type, in order: as the bench types (space or word), or Enter at line ends. */
  readonly changes: readonly Change[];
  /** Applies the next change and analyses the document. */
  keystroke(change: Change): void;
}

export function openInProcess(file: string, kind: FileKind, edits: number, typing: InProcessTyping): InProcessDocument {
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  const text = fs.readFileSync(file, 'utf8');
  const uri = `file://${file}`;
  const doc = EditableDocument.create(uri, kind === 'yaml' ? 'yaml' : kind === 'dockerfile' ? 'dockerfile' : 'typescript', 1, text);
  const cache = new SectionParseCache();
  const run = () => {
    analyze({ uri, text: doc.getText(), languageId: doc.languageId }, ruleSet, { cache, textWindows: true, now: new Date('2026-06-01T00:00:00Z') });
    cache.endAnalysis();
  };
  run();
  const changes =
    typing === 'enter'
      ? editPoints(text, kind, edits).map((p): Change => ({ range: { start: p, end: p }, text: '\n' }))
      : typingPoints(text, kind, edits, typing).flatMap((p) => keystrokesAt(p, typing));
  let version = 1;
  return {
    changes,
    keystroke: (change) => {
      doc.update([change], ++version);
      run();
    },
  };
}

export function inProcessTyping(arg: string | undefined): InProcessTyping {
  return arg === 'word' || arg === 'enter' ? arg : 'space';
}
