import * as fs from 'node:fs';
import { constants, PerformanceObserver, performance } from 'node:perf_hooks';
import type { FileKind } from './edit-points';
import { generatedFiles } from './generate';
import { inProcessTyping, openInProcess } from './in-process-typing';
import { WORD } from './keystrokes';
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
  const typing = inProcessTyping(typingArg);
  const doc = openInProcess(file, (kindArg || 'source') as FileKind, Number(editsArg ?? 200), typing);
  // GC pauses on this thread, by keystroke: a scavenge or a mark-compact finishing inside one is its tail.
  const gcPauses: { at: number; ms: number; kind: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcPauses.push({ at: e.startTime, ms: e.duration, kind: ((e as { detail?: { kind?: number } }).detail)?.kind ?? 0 });
  });
  observer.observe({ entryTypes: ['gc'] });
  const cpu: number[] = [];
  // The main thread's own run time (Linux): without V8's compiler and GC helper threads.
  const thread: number[] = [];
  const threadMs = () => (fs.existsSync('/proc/thread-self/schedstat') ? Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6 : NaN);
  const windows: { start: number; end: number }[] = [];
  // With --expose-gc, heap growth is live data only: what the run retains (caches that keep each version's data).
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  for (const change of doc.changes) {
    const threadBefore = threadMs();
    const before = process.cpuUsage();
    const start = performance.now();
    doc.keystroke(change);
    const used = process.cpuUsage(before);
    windows.push({ start, end: performance.now() });
    cpu.push((used.user + used.system) / 1000);
    thread.push(threadMs() - threadBefore);
  }
  collect();
  const retainedKiB = (process.memoryUsage().heapUsed - heapBefore) / 1024;
  // Entries are delivered asynchronously: read them after the loop has let the event loop turn.
  setTimeout(() => {
    observer.disconnect();
    const s = summarise(cpu);
    console.log(`${file} (${typing}${typing === 'word' ? `, "${WORD}"` : ''}): ${cpu.length} keystrokes, CPU ms per keystroke p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)} p99 ${s.p99.toFixed(2)} max ${s.max.toFixed(2)} mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(2)}`);
    const t = summarise(thread);
    console.log(`  main thread ms per keystroke p50 ${t.p50.toFixed(2)} p95 ${t.p95.toFixed(2)} p99 ${t.p99.toFixed(2)} max ${t.max.toFixed(2)}`);
    const inside = windows.map((w) => gcPauses.filter((g) => g.at >= w.start && g.at < w.end));
    const minor = gcPauses.filter((g) => g.kind === constants.NODE_PERFORMANCE_GC_MINOR);
    const major = gcPauses.filter((g) => g.kind !== constants.NODE_PERFORMANCE_GC_MINOR);
    const total = (list: readonly { ms: number }[]) => list.reduce((a, g) => a + g.ms, 0);
    const gcMs = summarise(inside.map(total));
    console.log(`  GC: ${minor.length} scavenges (${total(minor).toFixed(1)} ms), ${major.length} other (mark-compact, incremental steps; ${total(major).toFixed(1)} ms); GC ms per keystroke p50 ${gcMs.p50.toFixed(2)} p99 ${gcMs.p99.toFixed(2)} max ${gcMs.max.toFixed(2)}; heap used ${retainedKiB >= 0 ? '+' : ''}${retainedKiB.toFixed(0)} KiB over the run${collect.name === 'gc' ? ' (after a full GC)' : ''}`);
    const slowest = cpu.map((ms, i) => ({ ms, i })).sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(cpu.length / 100)));
    for (const k of slowest) console.log(`  slow keystroke ${k.i} (${JSON.stringify(doc.changes[k.i].text)} at ${doc.changes[k.i].range.start.line + 1}:${doc.changes[k.i].range.start.character + 1}): ${k.ms.toFixed(2)} ms CPU (main thread ${thread[k.i].toFixed(2)}), GC inside ${inside[k.i].map((g) => `${g.kind === constants.NODE_PERFORMANCE_GC_MINOR ? 'scavenge' : `kind ${g.kind}`} ${g.ms.toFixed(2)} ms`).join(', ') || 'none'}`);
  }, 10);
}

main();
