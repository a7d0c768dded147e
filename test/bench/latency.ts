import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../server/support/lsp-test-client';
import { editPoint, type BenchFile } from './corpus';

export interface LatencyResult {
  readonly samples: number[];
  /** VmRSS and VmHWM of the server after the run, in MB. */
  readonly rssMb: number;
  readonly peakRssMb: number;
}

const WARMUP = 20;

function readStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Types `edits` single characters at one point (two thirds insertions, then backspaces) and times
 * each keystroke from didChange to the diagnostics of that version: a pull request answered, or the
 * matching publishDiagnostics (which includes the server's push debounce).
 */
export async function measureTyping(file: BenchFile, mode: 'pull' | 'push', edits: number, nodeArgs: readonly string[] = []): Promise<LatencyResult> {
  const client = await LspTestClient.start({ mode, nodeArgs });
  try {
    const text = fs.readFileSync(file.path, 'utf8');
    const uri = pathToFileURL(file.path).href;
    client.open(uri, file.languageId, text);
    await client.diagnostics(uri, 60_000);
    const at = editPoint(text);
    let column = at.character;
    const samples: number[] = [];
    const inserts = Math.round((edits * 2) / 3);
    for (let i = 0; i < edits + WARMUP; i++) {
      const typing = i < WARMUP || i - WARMUP < inserts;
      const change = typing
        ? { range: { start: { line: at.line, character: column }, end: { line: at.line, character: column } }, text: 'abcdefghij'[i % 10] }
        : { range: { start: { line: at.line, character: column - 1 }, end: { line: at.line, character: column } }, text: '' };
      column += typing ? 1 : -1;
      const start = process.hrtime.bigint();
      client.change(uri, [change]);
      await client.diagnostics(uri, 60_000);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (i >= WARMUP) samples.push(ms);
    }
    const pid = client.process.pid ?? 0;
    return { samples, rssMb: readStatusMb(pid, 'VmRSS'), peakRssMb: readStatusMb(pid, 'VmHWM') };
  } finally {
    await client.stop();
  }
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
