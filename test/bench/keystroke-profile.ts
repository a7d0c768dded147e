import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchFiles } from './corpus';
import { readProfile, summariseProfile, type Window } from './cpu-profile';
import { attributeProfile, meanParts } from './profile-attribution';
import { LspBenchClient, type DiagnosticMode } from './lsp-bench-client';
import { bulwarkServer } from './servers';
import { summarise } from './stats';
import { typeAtEditPoints } from './typing';

// Where the real server's CPU goes per keystroke (`node --import tsx test/bench/keystroke-profile.ts
// [file-id…] [--edits N] [--mode pull|push] [--top N]`, after `npm run build`): the server over stdio with
// --cpu-prof, typed into as the bench types; prints the server's CPU ms per keystroke (p50/p99, from the
// profile's samples inside each keystroke's window, so other jobs on the machine do not count) and the
// functions with the most self time while typing. JSON-RPC, the workspace index and diagnostics included.
// Then what the median keystrokes and the slowest 2% spent their CPU on, by part of the server
// (profile-attribution.ts), and each of the slowest keystrokes: where it typed and what ran.

/** The profiler's sampling interval, µs (node's default is 1000). */
const INTERVAL_US = 500;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
  const edits = Number(flag('edits') ?? 120);
  const mode = (flag('mode') ?? 'pull') as DiagnosticMode;
  const topN = Number(flag('top') ?? 25);
  const wanted = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  for (const file of benchFiles().filter((f) => (wanted.length === 0 ? f.kind === 'yaml' : wanted.includes(f.id)))) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-prof-'));
    const text = fs.readFileSync(file.path, 'utf8');
    const uri = pathToFileURL(file.path).href;
    const client = await LspBenchClient.start(bulwarkServer(['--cpu-prof', `--cpu-prof-interval=${INTERVAL_US}`, `--cpu-prof-dir=${dir}`]), mode, pathToFileURL(path.dirname(file.path)).href);
    const windows: Window[] = [];
    const labels: string[] = [];
    try {
      await typeAtEditPoints(client, { uri, languageId: file.languageId, kind: file.kind, text }, edits, async (label, send) => {
        windows.push(await send());
        labels.push(label);
      });
    } finally {
      await client.stop();
    }
    const profileFile = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!profileFile) throw new Error(`the server wrote no CPU profile in ${dir}`);
    fs.writeFileSync(path.join(dir, 'windows.json'), JSON.stringify(windows));
    const profile = readProfile(path.join(dir, profileFile));
    const summary = summariseProfile(profile, windows, topN);
    const s = summarise(summary.cpuMs);
    const c = summarise(summary.sampledMs);
    console.log(`${file.id} (${mode}): ${windows.length} keystrokes, server CPU ms per keystroke p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} p99 ${s.p99.toFixed(1)} max ${s.max.toFixed(1)} mean ${(summary.totalMs / windows.length).toFixed(1)}`);
    console.log(`  by sample count (CPU while on a core): p50 ${c.p50.toFixed(1)} p95 ${c.p95.toFixed(1)} p99 ${c.p99.toFixed(1)} max ${c.max.toFixed(1)} mean ${(summary.sampledMs.reduce((a, b) => a + b, 0) / windows.length).toFixed(1)}`);
    for (const t of summary.top) console.log(`  ${t.ms.toFixed(0).padStart(6)} ms ${((100 * t.ms) / summary.totalMs).toFixed(1).padStart(5)}%  ${t.name}`);
    printAttribution(attributeProfile(profile, windows, `${(bulwarkServer([]).argv.find((a) => a.endsWith('server.js')) ?? '').replace(/server\.js$/, 'server-bundle.js')}.map`).byWindow, summary.sampledMs, labels);
    console.log(`  profile: ${path.join(dir, profileFile)}`);
  }
}

/** The median keystrokes' parts beside the slowest 2%'s, then each slow keystroke on its own. */
function printAttribution(parts: readonly Map<string, number>[], cpuMs: readonly number[], labels: readonly string[]): void {
  const order = cpuMs.map((ms, i) => ({ ms, i })).sort((a, b) => a.ms - b.ms);
  const slow = order.slice(Math.floor(order.length * 0.98));
  const middle = order.slice(Math.floor(order.length * 0.4), Math.ceil(order.length * 0.6));
  const line = (title: string, group: readonly { i: number }[]) => {
    const mean = meanParts(group.map((g) => parts[g.i]));
    console.log(`  ${title}: ${mean.filter((m) => m.ms >= 0.05).map((m) => `${m.name} ${m.ms.toFixed(1)}`).join(', ')}`);
  };
  line(`keystrokes p40-p60 (${middle.length}), mean ms by part`, middle);
  line(`slowest 2% (${slow.length}), mean ms by part`, slow);
  for (const s of slow.reverse()) {
    const top = [...parts[s.i]].sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= 0.1);
    console.log(`    ${s.ms.toFixed(1)} ms ${labels[s.i]}: ${top.map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
