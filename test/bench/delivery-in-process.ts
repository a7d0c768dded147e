import * as fs from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { analyze } from '../../server/src/engine';
import { PreparedDiagnosticsEncoder } from '../../server/src/lsp/diagnostic-json';
import { DocumentDiagnostics } from '../../server/src/lsp/document-diagnostics';
import { EditableDocument } from '../../server/src/lsp/editable-document';
import { RuleSetService } from '../../server/src/lsp/rule-set-service';
import { SectionParseCache } from '../../server/src/lsp/section-parse-cache';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { editPoints, type FileKind } from './edit-points';
import { generatedFiles } from './generate';
import { inProcessTyping } from './in-process-typing';
import { keystrokesAt, typingPoints, type Change } from './keystrokes';
import { summarise } from './stats';

// The server's own per-keystroke work in one process, split in two: the analysis (as
// keystrokes-in-process.ts times it) and the delivery of its diagnostics as the server makes it
// (document-diagnostics.ts: conversion to LSP diagnostics, the pull's result id, the JSON of the
// response message as the connection's encoder writes it). CPU time of this process per keystroke; the
// bytes are those the server would write. Without a pipe: the write itself is left out.
//   node --max-semi-space-size=16 --import tsx test/bench/delivery-in-process.ts [file] [kind] [edits] [space|word|enter] [pull|push]

function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const [fileArg, kindArg, editsArg, typingArg, modeArg] = process.argv.slice(2);
  const file = fileArg || generatedFiles().dockerfile;
  const kind = (kindArg || 'dockerfile') as FileKind;
  const typing = inProcessTyping(typingArg);
  const mode = modeArg === 'push' ? 'push' : 'pull';
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  const rules = new RuleSetService(ruleSet, []);
  const text = fs.readFileSync(file, 'utf8');
  const uri = `file://${file}`;
  const doc = EditableDocument.create(uri, kind === 'yaml' ? 'yaml' : kind === 'dockerfile' ? 'dockerfile' : 'typescript', 1, text);
  const cache = new SectionParseCache();
  const encoder = new PreparedDiagnosticsEncoder();
  const delivery = new DocumentDiagnostics(rules, encoder);
  let resultId: string | undefined;
  let bytes = 0;
  let full = 0;
  const deliver = async (version: number, result: ReturnType<typeof analyze>): Promise<void> => {
    if (mode === 'push') {
      const diagnostics = delivery.push({ result, version }, doc);
      const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } };
      bytes += (await encoder.encode(msg, { charset: 'utf-8' })).length;
      full++;
      return;
    }
    const report = delivery.pull({ result, version }, doc, resultId);
    resultId = report.resultId;
    if (report.kind === 'full') full++;
    bytes += (await encoder.encode({ jsonrpc: '2.0', id: version, result: report }, { charset: 'utf-8' })).length;
  };
  const analyse = () => {
    const result = analyze({ uri, text: doc.getText(), languageId: doc.languageId }, ruleSet, { cache, textWindows: true, now: new Date('2026-06-01T00:00:00Z') });
    cache.endAnalysis();
    return result;
  };
  await deliver(1, analyse());
  const edits = Number(editsArg ?? 200);
  const changes: Change[] =
    typing === 'enter' ? editPoints(text, kind, edits).map((p): Change => ({ range: { start: p, end: p }, text: '\n' })) : typingPoints(text, kind, edits, typing).flatMap((p) => keystrokesAt(p, typing));
  const analysis: number[] = [];
  const delivered: number[] = [];
  const total: number[] = [];
  bytes = 0;
  full = 0;
  // Young-generation collections while typing: with a fixed semi-space (--max-semi-space-size), their
  // count is the garbage made, in semi-spaces.
  let scavenges = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
  });
  observer.observe({ entryTypes: ['gc'] });
  let version = 1;
  for (const change of changes) {
    doc.update([change], ++version);
    const start = cpuMs();
    const result = analyse();
    const analysed = cpuMs();
    await deliver(version, result);
    const end = cpuMs();
    analysis.push(analysed - start);
    delivered.push(end - analysed);
    total.push(end - start);
  }
  const line = (name: string, xs: number[]) => {
    const s = summarise(xs);
    return `  ${name.padEnd(9)} p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)} p99 ${s.p99.toFixed(2)} mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2)}`;
  };
  console.log(`${file} (${typing}, ${mode}): ${changes.length} keystrokes, ${full} full reports, ${(bytes / Math.max(1, full) / 1024).toFixed(0)} KiB per full report; CPU ms per keystroke:`);
  console.log(line('total', total));
  console.log(line('analysis', analysis));
  console.log(line('delivery', delivered));
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  console.log(`  ${scavenges} scavenges (${(scavenges / changes.length).toFixed(2)} per keystroke)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
