import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchFiles } from './corpus';
import type { Typing } from './edit-points';
import { LspBenchClient } from './lsp-bench-client';
import { bulwarkServer } from './servers';
import { median, summarise, type Summary } from './stats';
import { typeAtEditPoints } from './typing';

// The language server's CPU per keystroke, as the bench types (pull), without a profiler attached: for
// each keystroke the main thread's own run time and the whole process's (every thread: V8's compiler
// and GC helpers too), from /proc/PID/task/*/schedstat (Linux, ns), so other jobs on the machine count
// less than in wall-clock figures. A/B of server V8 flags: sets of flags separated by `--vs`, run in
// turn for --rounds rounds; medians of the rounds' percentiles are printed (after `npm run build`).
//   node --import tsx test/bench/server-keystroke-cpu.ts FILE-ID [--edits 120] [--typing space|word] [--rounds 3] [FLAGS…] [--vs FLAGS…]…

function taskCpuMs(pid: number, task: string): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return 0;
  }
}

function processCpuMs(pid: number): number {
  let sum = 0;
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) sum += taskCpuMs(pid, task);
  return sum;
}

interface Run {
  readonly main: Summary;
  readonly all: Summary;
  readonly mainMean: number;
  readonly allMean: number;
}

async function measure(id: string, edits: number, typing: Typing, nodeArgs: readonly string[]): Promise<Run> {
  const file = benchFiles().find((f) => f.id === id);
  if (!file) throw new Error(`no bench file ${id} (see test/bench/corpus.ts)`);
  const text = fs.readFileSync(file.path, 'utf8');
  const client = await LspBenchClient.start(bulwarkServer(nodeArgs), 'pull', pathToFileURL(path.dirname(file.path)).href);
  const pid = client.child.pid ?? 0;
  const main: number[] = [];
  const all: number[] = [];
  try {
    await typeAtEditPoints(
      client,
      { uri: pathToFileURL(file.path).href, languageId: file.languageId, kind: file.kind, text },
      edits,
      async (_label, send) => {
        const mainBefore = taskCpuMs(pid, String(pid));
        const allBefore = processCpuMs(pid);
        await send();
        main.push(taskCpuMs(pid, String(pid)) - mainBefore);
        all.push(processCpuMs(pid) - allBefore);
      },
      typing,
    );
  } finally {
    await client.stop();
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { main: summarise(main), all: summarise(all), mainMean: mean(main), allMean: mean(all) };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
  const id = argv[0];
  if (!id || id.startsWith('--')) throw new Error('usage: server-keystroke-cpu.ts FILE-ID [--edits N] [--typing space|word] [--rounds N] [FLAGS…] [--vs FLAGS…]…');
  const edits = Number(option('edits', '120'));
  const typing: Typing = option('typing', 'space') === 'word' ? 'word' : 'space';
  const rounds = Number(option('rounds', '3'));
  const rest = argv.slice(1).filter((a, i, all) => !['--edits', '--typing', '--rounds'].includes(a) && !['--edits', '--typing', '--rounds'].includes(all[i - 1]));
  const sets: string[][] = [[]];
  for (const a of rest) {
    if (a === '--vs') sets.push([]);
    else sets[sets.length - 1].push(a);
  }
  const runs: Run[][] = sets.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [k, flags] of sets.entries()) {
      const run = await measure(id, edits, typing, flags);
      runs[k].push(run);
      console.error(`round ${r + 1} [${flags.join(' ') || 'server defaults'}]: main p50 ${run.main.p50.toFixed(2)} p99 ${run.main.p99.toFixed(2)} mean ${run.mainMean.toFixed(2)}; all threads p50 ${run.all.p50.toFixed(2)} p99 ${run.all.p99.toFixed(2)} mean ${run.allMean.toFixed(2)}`);
    }
  }
  console.log(`${id}, ${typing} typing, ${edits} keystrokes, CPU ms per keystroke, medians of ${rounds} rounds:`);
  for (const [k, flags] of sets.entries()) {
    const m = (pick: (run: Run) => number) => median(runs[k].map(pick)).toFixed(2);
    console.log(`  [${flags.join(' ') || 'server defaults'}] main thread p50 ${m((x) => x.main.p50)} p95 ${m((x) => x.main.p95)} p99 ${m((x) => x.main.p99)} mean ${m((x) => x.mainMean)}; all threads p50 ${m((x) => x.all.p50)} p99 ${m((x) => x.all.p99)} mean ${m((x) => x.allMean)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
