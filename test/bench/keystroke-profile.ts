import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchFiles } from './corpus';
import { readProfile, summariseProfile, type Window } from './cpu-profile';
import { editPoints } from './edit-points';
import { LspBenchClient, type DiagnosticMode } from './lsp-bench-client';
import { bulwarkServer } from './servers';
import { summarise } from './stats';

// Where the real server's CPU goes per keystroke (`node --import tsx test/bench/keystroke-profile.ts
// [file-id…] [--edits N] [--mode pull|push] [--top N]`, after `npm run build`): the server over stdio with
// --cpu-prof, typed into as the bench types; prints the server's CPU ms per keystroke (p50/p99, from the
// profile's samples inside each keystroke's window, so other jobs on the machine do not count) and the
// functions with the most self time while typing. JSON-RPC, the workspace index and diagnostics included.

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
    const client = await LspBenchClient.start(bulwarkServer(['--cpu-prof', `--cpu-prof-dir=${dir}`]), mode, pathToFileURL(path.dirname(file.path)).href);
    const windows: Window[] = [];
    try {
      await client.open(uri, file.languageId, text, 60_000);
      // The workspace index is built after the first diagnostics; type once it is.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await client.timeChange(uri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }, 60_000);
      for (const p of editPoints(text, file.kind, Math.ceil(edits / 2))) {
        for (const type of [true, false]) {
          const start = Number(process.hrtime.bigint() / 1000n);
          await client.timeChange(uri, { range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: type ? p.character : p.character + 1 } }, text: type ? ' ' : '' }, 60_000);
          windows.push({ start, end: Number(process.hrtime.bigint() / 1000n) });
        }
      }
    } finally {
      await client.stop();
    }
    const profileFile = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!profileFile) throw new Error(`the server wrote no CPU profile in ${dir}`);
    fs.writeFileSync(path.join(dir, 'windows.json'), JSON.stringify(windows));
    const summary = summariseProfile(readProfile(path.join(dir, profileFile)), windows, topN);
    const s = summarise(summary.cpuMs);
    console.log(`${file.id} (${mode}): ${windows.length} keystrokes, server CPU ms per keystroke p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} p99 ${s.p99.toFixed(1)} max ${s.max.toFixed(1)} mean ${(summary.totalMs / windows.length).toFixed(1)}`);
    for (const t of summary.top) console.log(`  ${t.ms.toFixed(0).padStart(6)} ms ${((100 * t.ms) / summary.totalMs).toFixed(1).padStart(5)}%  ${t.name}`);
    console.log(`  profile: ${path.join(dir, profileFile)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
