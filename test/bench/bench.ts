import * as fs from 'node:fs';
import * as path from 'node:path';
import { measureCliScan } from './cli-throughput';
import { REALWORLD, benchFiles, type BenchFile } from './corpus';
import { measureTyping, percentile, type LatencyResult } from './latency';

// `npm run bench`: keystroke-to-diagnostics latency of bulwark-server over stdio JSON-RPC, its memory,
// and the CLI's scan throughput over the real-world corpus. Prints figures next to the goals; never
// fails on timing. Options: --edits N (default 300), --mode pull|push|both (default both),
// --file <substring> (only matching files), --cpu-prof DIR (write the server's CPU profiles there),
// --node-args "<flags>" (extra node flags for the server, e.g. "--optimize-for-size").

const REPO_ROOT = path.resolve(__dirname, '../..');
const RSS_GOAL_MB = 150;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function latencyRow(file: BenchFile, mode: string, r: LatencyResult): string {
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(r.samples, p));
  const measured = file.goal.percentile === 'p50' ? p50 : p99;
  const verdict = mode === 'pull' ? `${file.goal.percentile} ≤ ${file.goal.ms} ms ${measured <= file.goal.ms ? 'met' : 'MISSED'}` : '(includes push debounce)';
  return `${pad(file.label, 46)} ${pad(mode, 5)} ${lpad(String(r.samples.length), 5)} ${lpad(fmt(p50), 8)} ${lpad(fmt(p95), 8)} ${lpad(fmt(p99), 8)} ${lpad(fmt(r.rssMb, 0), 7)} ${lpad(fmt(r.peakRssMb, 0), 8)}  ${verdict}`;
}

async function main(): Promise<void> {
  if (!fs.existsSync(REALWORLD)) {
    console.log(`bench skipped: the reference corpus ${REALWORLD} is absent (../shared is not on this machine).`);
    return;
  }
  const edits = Math.max(10, Number(option('edits', '300')) || 300);
  const modeOption = option('mode', 'both');
  const modes = (modeOption === 'both' ? ['pull', 'push'] : [modeOption]) as ('pull' | 'push')[];
  const only = option('file', '');
  const files = benchFiles().filter((f) => f.label.includes(only));
  const profileDir = option('cpu-prof', '');
  const nodeArgs = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : []), ...option('node-args', '').split(/\s+/).filter(Boolean)];
  console.log(`bulwark-server keystroke → diagnostics latency (${edits} single-character edits per run, ms)\n`);
  console.log(`${pad('file', 46)} ${pad('mode', 5)} ${lpad('edits', 5)} ${lpad('p50', 8)} ${lpad('p95', 8)} ${lpad('p99', 8)} ${lpad('RSS MB', 7)} ${lpad('peak MB', 8)}  goal`);
  let peak = 0;
  for (const file of files) {
    const size = fs.statSync(file.path).size;
    for (const mode of modes) {
      const result = await measureTyping(file, mode, edits, nodeArgs);
      peak = Math.max(peak, result.peakRssMb);
      console.log(latencyRow(file, mode, result));
    }
    console.log(`${pad('', 46)} (${fmt(size / 1024, 0)} KB, ${fs.readFileSync(file.path, 'utf8').split('\n').length} lines)`);
  }
  console.log(`\nserver peak RSS ${fmt(peak, 0)} MB — goal ≤ ${RSS_GOAL_MB} MB ${peak <= RSS_GOAL_MB ? 'met' : 'MISSED'}\n`);

  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) {
    console.log('CLI throughput skipped: dist/cli.js is missing (build the CLI first).');
    return;
  }
  const scan = await measureCliScan(cli, REALWORLD);
  console.log(`CLI scan of ${path.relative(process.cwd(), REALWORLD) || REALWORLD} (exit ${String(scan.exitCode)})`);
  console.log(`  ${scan.files} files (${scan.analysed} analysed), ${fmt(scan.megabytes)} MB in ${fmt(scan.seconds, 2)} s`);
  console.log(`  ${fmt(scan.files / scan.seconds, 0)} files/s, ${fmt(scan.megabytes / scan.seconds, 2)} MB/s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
