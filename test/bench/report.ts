import type { BenchResult, GoalCheck, LatencyEntry } from './results';
import { WORD } from './keystrokes';
import { SECRETLINT_FIXED, type ToolRun, type Tree } from './throughput';

// The console report of a run: figures with their goals beside them. It never fails on a figure.

export const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
export const MiB = 1024 * 1024;

/** A figure with its goal beside it when there is one: `61.0 (goal ≤ 25: missed)`. */
function withGoal(value: number, goal: GoalCheck | undefined): string {
  return goal ? `${fmt(value)} (≤ ${goal.ms}: ${goal.met ? 'met' : 'MISSED'})` : fmt(value);
}

function latencyLine(e: LatencyEntry): string {
  const goal = (p: 'p50' | 'p99') => e.goals.find((g) => g.percentile === p);
  const s = e.summary;
  const cells = [pad(e.server, 21), pad(e.mode, 4), pad(e.typing, 5), lpad(String(s.n), 4), lpad(withGoal(s.p50, goal('p50')), 23), lpad(fmt(s.p95), 7), lpad(withGoal(s.p99, goal('p99')), 23), lpad(fmt(s.max), 7), lpad(fmt(e.startupMs, 0), 8), lpad(fmt(e.cpuMsPerKeystroke), 7), lpad(fmt(e.peakRssMiB, 0), 6)];
  const flags = [e.truncated && !e.error ? `stopped by the time budget after ${s.n} keystrokes` : '', e.error ? `ERROR: ${e.error}` : ''].filter(Boolean);
  return `  ${cells.join(' ')}${flags.length ? `  [${flags.join('; ')}]` : ''}`;
}

export function printLatency(result: BenchResult, print: (line: string) => void): void {
  print(`Keystroke → diagnostics, ms, at points spread over each file: space = a space typed at the end of a line, then deleted;`);
  print(`word = "${WORD}" typed inside a value (image tag, env value, command argument, string) one character at a time, then deleted`);
  print(`(pull = textDocument/diagnostic after each change, as VS Code; push = the next publishDiagnostics, as Neovim 0.7)\n`);
  print(`  ${pad('server', 21)} ${pad('mode', 4)} ${pad('typing', 5)} ${lpad('n', 4)} ${lpad('p50', 23)} ${lpad('p95', 7)} ${lpad('p99', 23)} ${lpad('max', 7)} ${lpad('start ms', 8)} ${lpad('CPU/key', 7)} ${lpad('HWM MiB', 6)}`);
  for (const file of result.files) {
    const entries = result.latency.filter((e) => e.file === file.id);
    if (entries.length === 0) continue;
    print(`${file.label} (${fmt(file.bytes / 1024, 0)} KiB, ${file.lines} lines; goals ${file.goalSource === 'issue 7' ? 'from issue 7' : 'assumed as for the 1.9 MB manifest'})`);
    for (const e of entries) print(latencyLine(e));
    for (const pull of entries.filter((e) => e.server === 'Bulwark' && e.mode === 'pull')) {
      print(`    Bulwark pull, ${pull.typing}, p50/p99 by place: ${Object.entries(pull.byPlace).map(([place, s]) => `${place} ${fmt(s.p50)}/${fmt(s.p99)} (${s.n})`).join(' · ')}`);
    }
    for (const peer of entries.filter((e) => e.server !== 'Bulwark')) {
      const push = entries.find((e) => e.server === 'Bulwark' && e.mode === 'push' && e.typing === peer.typing);
      if (push) print(`    ${peer.server} p50 ÷ Bulwark push p50, ${peer.typing} = ${fmt(peer.summary.p50 / push.summary.p50)}× (${peer.note})`);
    }
  }
  const argo = result.latency.filter((e) => e.server === 'Bulwark' && e.file === 'argo-cd');
  if (argo.length > 0) {
    const peak = Math.max(...argo.map((e) => e.peakRssMiB));
    print(`\nBulwark server peak RSS (VmHWM) with argo-cd install.yaml open and edited: ${fmt(peak, 0)} MiB (goal ≤ ${result.rssGoalMiB}: ${peak <= result.rssGoalMiB ? 'met' : 'MISSED'})`);
  }
  print(`start ms = process spawn → first diagnostics of the opened file; CPU/key = server CPU ms per keystroke; HWM = peak RSS.`);
}

function throughputLine(run: ToolRun, tree: Tree): string {
  const mib = tree.bytes / MiB;
  return `  ${pad(run.tool, 34)} ${lpad(fmt(run.wallSeconds, 2), 7)} ${lpad(fmt(run.cpuSeconds, 2), 7)} ${lpad(fmt(mib / run.wallSeconds, 2), 9)} ${lpad(fmt(mib / run.cpuSeconds, 2), 9)} ${lpad(fmt(tree.files / run.wallSeconds, 0), 8)} ${lpad(fmt(run.cpuSeconds / run.wallSeconds, 2), 8)}  exit ${run.exitCodes.join(',')}`;
}

export function printThroughput(result: BenchResult, print: (line: string) => void): void {
  const { trees, runs } = result.throughput;
  if (trees.length === 0) return;
  print(`\nCLI throughput, whole commands, median of ${result.options.runs} run(s); CPU = user + system of the process tree`);
  print(`  ${pad('tool', 34)} ${lpad('wall s', 7)} ${lpad('CPU s', 7)} ${lpad('MiB/s', 9)} ${lpad('MiB/CPU s', 9)} ${lpad('files/s', 8)} ${lpad('CPU/wall', 8)}`);
  for (const tree of trees) {
    print(`${tree.name}: ${tree.files} files, ${fmt(tree.bytes / MiB)} MiB`);
    const onTree = runs.filter((r) => r.tree === tree.name);
    for (const run of onTree) print(throughputLine(run, tree));
    // Per CPU second, so the single-core run: worker threads add wall-clock speed, not CPU efficiency.
    const all = onTree.find((r) => r.tool === 'Bulwark (every rule, 1 core)');
    const secrets = onTree.find((r) => r.tool === 'Bulwark (secrets only, 1 core)');
    const peer = onTree.find((r) => r.tool === SECRETLINT_FIXED) ?? onTree.find((r) => r.tool.startsWith('secretlint'));
    for (const what of ['every rule', 'secrets only']) {
      const one = onTree.find((r) => r.tool === `Bulwark (${what}, 1 core)`);
      const many = onTree.find((r) => r.tool.startsWith(`Bulwark (${what}, `) && r !== one);
      if (one && many) print(`    Bulwark ${what}: all cores ÷ 1 core, wall-clock speed-up ${fmt(one.wallSeconds / many.wallSeconds, 2)}×`);
    }
    if (all && peer) {
      const ratio = peer.cpuSeconds / all.cpuSeconds;
      print(`    Bulwark every rule ÷ ${peer.tool} throughput per CPU second: ${fmt(ratio, 2)}× (goal ≥ 2: ${ratio >= 2 ? 'met' : 'MISSED'})`);
    }
    if (secrets && peer) {
      const ratio = peer.cpuSeconds / secrets.cpuSeconds;
      print(`    Bulwark secrets only ÷ ${peer.tool} throughput per CPU second: ${fmt(ratio, 2)}× (goal ≥ 3: ${ratio >= 3 ? 'met' : 'MISSED'})`);
    }
  }
  const s = result.cliStartup;
  if (s) print(`\nCLI startup (scan of a one-line Dockerfile): ${fmt(s.cliWallMs, 0)} ms wall, ${fmt(s.cliCpuMs, 0)} ms CPU; node -e 0 alone: ${fmt(s.nodeWallMs, 0)} ms wall (goal: rule loading and schema compilation < 100 ms; here ${fmt(s.cliWallMs - s.nodeWallMs, 0)} ms over bare node)`);
}
