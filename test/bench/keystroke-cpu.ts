import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { analyze, indexFile } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { EditableDocument } from '../../server/src/lsp/editable-document';
import { SectionParseCache } from '../../server/src/lsp/section-parse-cache';
import { benchFiles } from './corpus';
import { editPoints } from './edit-points';
import { percentile } from './stats';

// In-process keystroke cost (`node --import tsx test/bench/keystroke-cpu.ts [file-id] [--edits N]`):
// the server's per-keystroke path without JSON-RPC (apply the change to the open document, index its
// facts, analyse with the document's parse cache and text windows, as analysis-service.ts does), so a CPU or heap profile (node --cpu-prof /
// --heap-prof) shows the engine's cost alone. Prints wall ms per keystroke, the process's CPU ms per
// keystroke (steadier than wall time on a shared machine) and the heap after the run.

function main(): void {
  const argv = process.argv.slice(2);
  const editsAt = argv.indexOf('--edits');
  const edits = editsAt >= 0 ? Number(argv[editsAt + 1]) : 60;
  const wanted = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--edits');
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  for (const file of benchFiles().filter((f) => wanted.length === 0 || wanted.some((w) => f.id.includes(w)))) {
    const text = fs.readFileSync(file.path, 'utf8');
    const doc = EditableDocument.create(`file://${file.path}`, file.languageId, 1, text);
    const cache = new SectionParseCache();
    const run = () => {
      const current = doc.getText();
      indexFile({ uri: doc.uri, text: current, languageId: doc.languageId }, cache);
      const result = analyze({ uri: doc.uri, text: current, languageId: doc.languageId }, ruleSet, { cache, now: new Date(0), textWindows: true });
      cache.endAnalysis();
      return result;
    };
    run();
    const samples: number[] = [];
    let version = 1;
    const cpuBefore = process.cpuUsage();
    for (const p of editPoints(text, file.kind, Math.ceil(edits / 2))) {
      for (const type of [true, false]) {
        const started = performance.now();
        const range = { start: { line: p.line, character: p.character }, end: { line: p.line, character: type ? p.character : p.character + 1 } };
        doc.update([{ range, text: type ? ' ' : '' }], ++version);
        run();
        samples.push(performance.now() - started);
      }
    }
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000 / samples.length;
    global.gc?.();
    const heap = process.memoryUsage();
    const sorted = [...samples].sort((a, b) => a - b);
    const fmt = (n: number) => n.toFixed(1).padStart(7);
    console.log(
      `${file.id.padEnd(16)} n=${samples.length} p50 ${fmt(percentile(sorted, 50))} p99 ${fmt(percentile(sorted, 99))} mean ${fmt(samples.reduce((a, b) => a + b, 0) / samples.length)} ms · CPU ${cpuMs.toFixed(1)} ms/key · heap ${(heap.heapUsed / 2 ** 20).toFixed(0)} MiB rss ${(heap.rss / 2 ** 20).toFixed(0)} MiB`,
    );
  }
}

main();
