import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchFile } from './corpus';
import { editPoints, type Typing } from './edit-points';
import { keystrokesAt, typingPoints } from './keystrokes';
import { LspBenchClient, type DiagnosticMode } from './lsp-bench-client';
import { memoryMiB, processCpuSeconds } from './proc';
import type { ServerSpec } from './servers';

/** Kept here for the other benches that import it from this module. */
export { percentile } from './stats';

// One server, one file, one mode, one typing: open the file (startup = spawn → first diagnostics), then
// at each edit point type a space at the end of the line and delete it, or type a short word inside a
// value and delete it, timing every keystroke.

export interface LatencyRun {
  readonly server: string;
  readonly file: string;
  readonly mode: DiagnosticMode;
  readonly typing: Typing;
  /** Keystroke → diagnostics, ms, in the order typed; `places[i]` is where sample i was typed. */
  readonly samples: number[];
  readonly places: string[];
  /** spawn → initialize answered; spawn → first diagnostics of the opened file (ms). */
  readonly initializeMs: number;
  readonly startupMs: number;
  /** Server CPU per keystroke (ms), and its memory after the run (MiB). */
  readonly cpuMsPerKeystroke: number;
  readonly rssMiB: number;
  readonly peakRssMiB: number;
  /** The time budget ran out before every edit point was typed. */
  readonly truncated: boolean;
  readonly error?: string;
}

export interface TypingOptions {
  readonly keystrokes: number;
  readonly budgetMs: number;
  readonly timeoutMs: number;
  /** Wait this long after each answer before the next keystroke (options.ts DEFAULT_PAUSE_MS says why). */
  readonly pauseMs: number;
}

const WARMUP_POINTS = 5;

export async function measureTyping(server: ServerSpec, file: BenchFile, mode: DiagnosticMode, typing: Typing, options: TypingOptions): Promise<LatencyRun> {
  const text = fs.readFileSync(file.path, 'utf8');
  const uri = pathToFileURL(file.path).href;
  const points = typingPoints(text, file.kind, options.keystrokes, typing);
  const warmup = editPoints(text, file.kind, WARMUP_POINTS + 2, 99, typing).slice(2);
  const samples: number[] = [];
  const places: string[] = [];
  const base = { server: server.name, file: file.id, mode, typing, samples, places };
  let client: LspBenchClient | undefined;
  try {
    client = await LspBenchClient.start(server, mode, pathToFileURL(path.dirname(file.path)).href);
    const initializeMs = Number(client.initializedAt - client.spawnedAt) / 1e6;
    const firstDiagnostics = await client.open(uri, file.languageId, text, options.timeoutMs);
    const startupMs = Number(firstDiagnostics - client.spawnedAt) / 1e6;
    if (mode === 'push') await client.settle(300);
    for (const p of warmup) for (const change of keystrokesAt(p, typing)) await client.timeChange(uri, change, options.timeoutMs);
    const pid = client.child.pid ?? 0;
    const cpuBefore = processCpuSeconds(pid);
    const deadline = Date.now() + options.budgetMs;
    let truncated = false;
    for (const p of points) {
      if (Date.now() > deadline) {
        truncated = true;
        break;
      }
      for (const change of keystrokesAt(p, typing)) {
        samples.push(await client.timeChange(uri, change, options.timeoutMs));
        places.push(p.place);
        if (options.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      }
    }
    const cpuMsPerKeystroke = ((processCpuSeconds(pid) - cpuBefore) * 1000) / Math.max(1, samples.length);
    return { ...base, initializeMs, startupMs, cpuMsPerKeystroke, rssMiB: memoryMiB(pid, 'VmRSS'), peakRssMiB: memoryMiB(pid, 'VmHWM'), truncated };
  } catch (err) {
    return { ...base, initializeMs: NaN, startupMs: NaN, cpuMsPerKeystroke: NaN, rssMiB: NaN, peakRssMiB: NaN, truncated: true, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await client?.stop();
  }
}
