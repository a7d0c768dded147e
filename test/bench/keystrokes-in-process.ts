import * as fs from 'node:fs';
import { analyze } from '../../server/src/engine';
import { EditableDocument } from '../../server/src/lsp/editable-document';
import { SectionParseCache } from '../../server/src/lsp/section-parse-cache';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { editPoints, type FileKind } from './edit-points';
import { generatedFiles } from './generate';
import { summarise } from './stats';

// The engine's own cost per keystroke, without a language server or JSON-RPC around it: the document is
// kept and edited as the server keeps it (EditableDocument, one parse cache per document) and analysed
// after every change, as a pull request would. CPU time of this process, so other jobs on the machine
// matter less than for wall-clock figures. For profiling: `node --cpu-prof --import tsx
// test/bench/keystrokes-in-process.ts [file] [kind] [edits] [space|word|enter]` (defaults: the generated
// 1 MB source, a space typed and deleted at each point; `word` types five characters in a row, `enter` a line break).

/** Deletes the character typed before it. */
const DELETE = '\u0000delete';
const TYPING = { space: [' ', DELETE], word: [' ', 'w', 'o', 'r', 'd'], enter: ['\n'] } as const;

function main(): void {
  const [fileArg, kindArg, editsArg, typingArg] = process.argv.slice(2);
  const file = fileArg || generatedFiles().source;
  const kind = (kindArg || 'source') as FileKind;
  const edits = Number(editsArg ?? 200);
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
  const cpu: number[] = [];
  // At each point: a space typed and deleted (as the bench types), a word typed (5 keystrokes), or Enter.
  const keys = TYPING[typingArg === 'word' || typingArg === 'enter' ? typingArg : 'space'];
  const points = editPoints(text, kind, Math.ceil(edits / keys.length));
  let version = 1;
  for (const p of points) {
    let character = p.character;
    for (const key of keys) {
      const at = { line: p.line, character };
      const range = key === DELETE ? { start: at, end: { line: p.line, character: character + 1 } } : { start: at, end: at };
      const before = process.cpuUsage();
      doc.update([{ range, text: key === DELETE ? '' : key }], ++version);
      run();
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
      if (key !== DELETE && key !== '\n') character += key.length;
    }
  }
  const s = summarise(cpu);
  console.log(`${file}: ${cpu.length} keystrokes, CPU ms per keystroke p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} p99 ${s.p99.toFixed(1)} max ${s.max.toFixed(1)} mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(1)}`);
}

main();
