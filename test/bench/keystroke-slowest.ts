import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchFiles } from './corpus';
import type { Window } from './cpu-profile';
import type { Typing } from './edit-points';
import { LspBenchClient, type DiagnosticMode } from './lsp-bench-client';
import { bulwarkServer } from './servers';
import { summarise } from './stats';
import { typeAtEditPoints } from './typing';

// What ran in the slowest keystrokes. Sums hide a p99: a keystroke that pays for a GC or for a
// whole-document pass looks like any other in a total. Two ways in (after `npm run build`):
//   node --import tsx test/bench/keystroke-slowest.ts FILE-ID [--edits 120] [--mode pull|push] [--typing space|word] [--share 2] [--top 12] [--node-arg ARG]…
//     types into the real server (--cpu-prof) as the bench does, and times each keystroke's CPU by the
//     server's main thread's own run time (/proc/PID/schedstat, Linux: other jobs on the machine do not
//     count, and neither does time the thread waited for a core);
//   node --import tsx test/bench/keystroke-slowest.ts DIR: a folder keystroke-profile.ts left behind.
// For the slowest `share` percent of the keystrokes it prints each one's CPU and the frames it ran,
// self and inclusive (a frame counted once per sample however deep it recurses), beside what the same
// frames cost in a median keystroke. A sample gap longer than MAX_SAMPLE_MS is a thread that was not
// running (a busy machine): only MAX_SAMPLE_MS of it is counted, the rest is shown as "(descheduled)".

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

interface WindowCost {
  readonly index: number;
  cpuMs: number;
  readonly self: Map<string, number>;
  readonly inclusive: Map<string, number>;
}

const IDLE = new Set(['(idle)', '(program)']);
/** Twice the sampling interval (--cpu-prof-interval, 1 ms by default). */
const MAX_SAMPLE_MS = 2;

interface TimedWindow extends Window {
  /** The server's main thread's run time inside the window (schedstat), when measured. */
  readonly cpuMs?: number;
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!url) return functionName || '(anonymous)';
  return `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules\/)?/, '')}:${lineNumber + 1}`;
}

/** Each window's CPU and frames, from the samples whose time falls inside it. */
export function windowCosts(profile: CpuProfile, windows: readonly Window[]): WindowCost[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const costs: WindowCost[] = windows.map((_, index) => ({ index, cpuMs: 0, self: new Map(), inclusive: new Map() }));
  const order = windows.map((w, i) => ({ ...w, i })).sort((a, b) => a.start - b.start);
  let t = profile.startTime;
  let w = 0;
  for (let k = 0; k < profile.samples.length; k++) {
    t += profile.timeDeltas[k];
    const gap = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    const dt = Math.min(gap, MAX_SAMPLE_MS);
    while (w < order.length && order[w].end < t) w++;
    if (w >= order.length) break;
    if (t < order[w].start) continue;
    const node = byId.get(profile.samples[k]);
    if (!node || IDLE.has(node.callFrame.functionName)) continue;
    const cost = costs[order[w].i];
    cost.cpuMs += dt;
    if (gap > dt) add(cost.self, '(descheduled)', gap - dt);
    add(cost.self, frameName(node), dt);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const name = frameName(byId.get(id) as ProfileNode);
      if (seen.has(name) || name === '(root)') continue;
      seen.add(name);
      add(cost.inclusive, name, dt);
    }
  }
  return costs;
}

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function top(map: ReadonlyMap<string, number>, n: number): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

/** The main thread's time on a CPU so far, ms (Linux; undefined elsewhere). */
function threadCpuMs(pid: number): number | undefined {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** Types into the real server as the bench does; returns the folder with its profile and windows.json. */
async function run(id: string, edits: number, mode: DiagnosticMode, typing: Typing, nodeArgs: readonly string[]): Promise<string> {
  const file = benchFiles().find((f) => f.id === id);
  if (!file) throw new Error(`no bench file ${id} (see test/bench/corpus.ts)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-slowest-'));
  const text = fs.readFileSync(file.path, 'utf8');
  const uri = pathToFileURL(file.path).href;
  const client = await LspBenchClient.start(bulwarkServer(['--cpu-prof', `--cpu-prof-dir=${dir}`, ...nodeArgs]), mode, pathToFileURL(path.dirname(file.path)).href);
  const pid = client.child.pid ?? 0;
  const windows: TimedWindow[] = [];
  try {
    await typeAtEditPoints(client, { uri, languageId: file.languageId, kind: file.kind, text }, edits, async (_label, send) => {
      const cpuBefore = threadCpuMs(pid);
      const { start, end } = await send();
      const cpuAfter = threadCpuMs(pid);
      windows.push({ start, end, ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpuMs: cpuAfter - cpuBefore } : {}) });
    }, typing);
  } finally {
    await client.stop();
  }
  fs.writeFileSync(path.join(dir, 'windows.json'), JSON.stringify(windows));
  const measured = windows.flatMap((w) => (w.cpuMs === undefined ? [] : [w.cpuMs]));
  if (measured.length > 0) {
    const s = summarise(measured);
    console.log(`${id} (${mode}, ${typing}): server main thread CPU ms per keystroke p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)} p99 ${s.p99.toFixed(2)} max ${s.max.toFixed(2)} mean ${(measured.reduce((a, b) => a + b, 0) / measured.length).toFixed(2)} (schedstat)`);
  }
  return dir;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
  const target = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!target) throw new Error('usage: keystroke-slowest.ts FILE-ID|DIR [--edits N] [--mode pull|push] [--typing space|word] [--share PERCENT] [--top N] [--node-arg ARG]…');
  const share = Number(flag('share') ?? 2);
  const topN = Number(flag('top') ?? 12);
  const dir = fs.existsSync(target) && fs.statSync(target).isDirectory() ? target : await run(target, Number(flag('edits') ?? 120), (flag('mode') ?? 'pull') as DiagnosticMode, flag('typing') === 'word' ? 'word' : 'space', argv.flatMap((a, i) => (argv[i - 1] === '--node-arg' ? [a] : [])));
  const profileFile = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!profileFile) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(fs.readFileSync(path.join(dir, profileFile), 'utf8')) as CpuProfile;
  const windows = JSON.parse(fs.readFileSync(path.join(dir, 'windows.json'), 'utf8')) as TimedWindow[];
  const costs = windowCosts(profile, windows);
  // The thread's own run time when it was measured; otherwise the profile's samples (gaps capped).
  const cpuOf = (c: WindowCost) => windows[c.index].cpuMs ?? c.cpuMs;
  const slowest = [...costs].sort((a, b) => cpuOf(b) - cpuOf(a)).slice(0, Math.max(1, Math.ceil((costs.length * share) / 100)));
  const medianOfFrame = (kind: 'self' | 'inclusive', name: string) => medianOf(costs.map((c) => c[kind].get(name) ?? 0));
  console.log(`${costs.length} keystrokes; median CPU ${medianOf(costs.map(cpuOf)).toFixed(1)} ms (profile samples: ${medianOf(costs.map((c) => c.cpuMs)).toFixed(1)}); the slowest ${slowest.length} (${share}%):`);
  for (const c of slowest) {
    console.log(`\n#${c.index} ${cpuOf(c).toFixed(1)} ms CPU (profile samples ${c.cpuMs.toFixed(1)} ms)`);
    console.log('  self:');
    for (const [name, ms] of top(c.self, topN)) console.log(`    ${ms.toFixed(1).padStart(6)} ms (median keystroke ${medianOfFrame('self', name).toFixed(1)})  ${name}`);
    console.log('  inclusive:');
    for (const [name, ms] of top(c.inclusive, topN)) console.log(`    ${ms.toFixed(1).padStart(6)} ms (median keystroke ${medianOfFrame('inclusive', name).toFixed(1)})  ${name}`);
  }
  const mean = (kind: 'self' | 'inclusive') => {
    const sum = new Map<string, number>();
    for (const c of costs) for (const [name, ms] of c[kind]) add(sum, name, ms / costs.length);
    return sum;
  };
  for (const kind of ['self', 'inclusive'] as const) {
    console.log(`\nevery keystroke, mean ms ${kind}:`);
    for (const [name, ms] of top(mean(kind), topN * 2)) console.log(`  ${ms.toFixed(2).padStart(7)}  ${name}`);
  }
  console.log(`\nprofile and windows: ${dir}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
