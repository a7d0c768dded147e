import * as fs from 'node:fs';
import { constants, PerformanceObserver, performance } from 'node:perf_hooks';
import { analyze } from '../../server/src/engine';
import { EditableDocument } from '../../server/src/lsp/editable-document';
import { SectionParseCache } from '../../server/src/lsp/section-parse-cache';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { editPoints, type FileKind } from './edit-points';
import { keystrokesAt, typingPoints, WORD } from './keystrokes';
import { generatedFiles } from './generate';
import { summarise } from './stats';

// The engine's own cost per keystroke, without a language server or JSON-RPC around it: the document is
// kept and edited as the server keeps it (EditableDocument, one parse cache per document) and analysed
// after every change, as a pull request would. CPU time of this process, so other jobs on the machine
// matter less than for wall-clock figures. For profiling: `node --cpu-prof --import tsx
// test/bench/keystrokes-in-process.ts [file] [kind] [edits] [space|word|enter]` (defaults: the generated
// 1 MB source, a space typed and deleted at each point; `word` types a word inside a value and deletes it
// as the bench does, `enter` types a line break at the line's end).

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
  // At each point, as the bench types: a space typed and deleted, or a word typed inside a value and
  // deleted; or Enter at the line's end.
  const typing = typingArg === 'word' ? 'word' : 'space';
  const changes =
    typingArg === 'enter'
      ? editPoints(text, kind, edits).map((p) => [{ range: { start: p, end: p }, text: '\n' }])
      : typingPoints(text, kind, edits, typing).map((p) => keystrokesAt(p, typing));
  // GC pauses on this thread, by keystroke: a scavenge or a mark-compact finishing inside one is its tail.
  const gcPauses: { at: number; ms: number; kind: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcPauses.push({ at: e.startTime, ms: e.duration, kind: ((e as { detail?: { kind?: number } }).detail)?.kind ?? 0 });
  });
  observer.observe({ entryTypes: ['gc'] });
  const cpu: number[] = [];
  const windows: { start: number; end: number }[] = [];
  const heapBefore = process.memoryUsage().heapUsed;
  let version = 1;
  for (const change of changes.flat()) {
    const before = process.cpuUsage();
    const start = performance.now();
    doc.update([change], ++version);
    run();
    const used = process.cpuUsage(before);
    windows.push({ start, end: performance.now() });
    cpu.push((used.user + used.system) / 1000);
  }
  const allocatedKiB = (process.memoryUsage().heapUsed - heapBefore) / 1024;
  // Entries are delivered asynchronously: read them after the loop has let the event loop turn.
  setTimeout(() => {
    observer.disconnect();
    const s = summarise(cpu);
    console.log(`${file} (${typingArg || 'space'}${typing === 'word' ? `, "${WORD}"` : ''}): ${cpu.length} keystrokes, CPU ms per keystroke p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)} p99 ${s.p99.toFixed(2)} max ${s.max.toFixed(2)} mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(2)}`);
    const inside = windows.map((w) => gcPauses.filter((g) => g.at >= w.start && g.at < w.end));
    const minor = gcPauses.filter((g) => g.kind === constants.NODE_PERFORMANCE_GC_MINOR);
    const major = gcPauses.filter((g) => g.kind !== constants.NODE_PERFORMANCE_GC_MINOR);
    const total = (list: readonly { ms: number }[]) => list.reduce((a, g) => a + g.ms, 0);
    const gcMs = summarise(inside.map(total));
    console.log(`  GC: ${minor.length} scavenges (${total(minor).toFixed(1)} ms), ${major.length} other (mark-compact, incremental steps; ${total(major).toFixed(1)} ms); GC ms per keystroke p50 ${gcMs.p50.toFixed(2)} p99 ${gcMs.p99.toFixed(2)} max ${gcMs.max.toFixed(2)}; heap used ${allocatedKiB >= 0 ? '+' : ''}${allocatedKiB.toFixed(0)} KiB over the run`);
    const slowest = cpu.map((ms, i) => ({ ms, i })).sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(cpu.length / 100)));
    for (const k of slowest) console.log(`  slow keystroke ${k.i}: ${k.ms.toFixed(2)} ms CPU, GC inside ${inside[k.i].map((g) => `${g.kind === constants.NODE_PERFORMANCE_GC_MINOR ? 'scavenge' : `kind ${g.kind}`} ${g.ms.toFixed(2)} ms`).join(', ') || 'none'}`);
  }, 10);
}

main();
