import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { constants } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { benchFiles } from './corpus';
import type { Typing } from './edit-points';
import { LspBenchClient } from './lsp-bench-client';
import { bulwarkServer } from './servers';
import { median, summarise } from './stats';
import { typeAtEditPoints } from './typing';

// Which keystrokes a garbage collection fell into, in the real server (after `npm run build`):
//   node --import tsx test/bench/keystroke-gc.ts FILE-ID [--edits 600] [--typing space|word] [--gap MS] [FLAGS…]
// Types as the bench does (pull) and times each keystroke by the server main thread's own run time
// (/proc/PID/task/PID/schedstat, Linux: other jobs on the machine count little); gc-observer.cjs, preloaded
// into the server, logs each collection. A collection is put in the keystroke during whose window it began,
// on the client's clock: one that starts just after the server wrote its answer still counts there, so the
// server's own writes (stdio) place it before or after the answer, and the main thread's time before the
// answer is the window's less the collections begun after it (their wall time). `--gap` waits between keystrokes
// as a person typing does (the bench's --pause; 0, the default here, types back to back); FLAGS go to the
// server's node (a script path and --stdio among them run another build of the server).

const threadMs = (pid: number, task: string): number => {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return 0;
  }
};

const processMs = (pid: number): number => fs.readdirSync(`/proc/${pid}/task`).reduce((sum, task) => sum + threadMs(pid, task), 0);

interface Collection {
  readonly kind: number;
  readonly forced: boolean;
  readonly at: number;
  /** Wall time: on a busy machine it includes waits for a core. */
  readonly ms: number;
}

/** The server's collections, and when it wrote to stdout (its answers), from gc-observer.cjs's log. */
function readLog(file: string): { collections: Collection[]; writes: number[] } {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
  const writes = lines.filter((line) => line.startsWith('W ')).map((line) => Number(line.slice(2)));
  const collections = lines
    .filter((line) => !line.startsWith('W '))
    .map((line) => line.split(' ').map(Number))
    .map(([kind, forced, at, ms]) => ({ kind, forced: forced === 1, at, ms }));
  return { collections, writes };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
  const id = argv[0];
  const file = benchFiles().find((f) => f.id === id);
  if (!file) throw new Error('usage: keystroke-gc.ts FILE-ID [--edits N] [--typing space|word] [--gap MS] [FLAGS…] (see test/bench/corpus.ts)');
  const edits = Number(option('edits', '600'));
  const typing: Typing = option('typing', 'space') === 'word' ? 'word' : 'space';
  const gapMs = Number(option('gap', '0'));
  const flags = argv.slice(1).filter((a, i, all) => !['--edits', '--typing', '--gap'].includes(a) && !['--edits', '--typing', '--gap'].includes(all[i - 1]));
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-gc-')), 'gc.log');
  process.env.BULWARK_GC_LOG = log;
  const text = fs.readFileSync(file.path, 'utf8');
  const client = await LspBenchClient.start(bulwarkServer(['--require', path.join(__dirname, 'gc-observer.cjs'), ...flags]), 'pull', pathToFileURL(path.dirname(file.path)).href);
  const pid = client.child.pid ?? 0;
  const main: number[] = [];
  const windows: { start: number; end: number }[] = [];
  let typingStarted: { main: number; all: number } | undefined;
  try {
    await typeAtEditPoints(
      client,
      { uri: pathToFileURL(file.path).href, languageId: file.languageId, kind: file.kind, text },
      edits,
      async (_label, send) => {
        if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
        typingStarted ??= { main: threadMs(pid, String(pid)), all: processMs(pid) };
        const before = threadMs(pid, String(pid));
        const start = performance.timeOrigin + performance.now();
        await send();
        windows.push({ start, end: performance.timeOrigin + performance.now() });
        main.push(threadMs(pid, String(pid)) - before);
      },
      typing,
    );
    const perKeystroke = (now: number, then = 0) => ((now - then) / main.length).toFixed(2);
    console.log(`${id}, ${typing} typing, ${main.length} keystrokes${gapMs ? `, ${gapMs} ms apart` : ', back to back'}, flags [${flags.join(' ')}]`);
    console.log(`  server CPU per keystroke over the whole typing (gaps included): main thread ${perKeystroke(threadMs(pid, String(pid)), typingStarted?.main)} ms, every thread ${perKeystroke(processMs(pid), typingStarted?.all)} ms`);
  } finally {
    await client.stop();
  }
  const { collections, writes } = readLog(log);
  const inside = windows.map((w) => collections.filter((c) => c.at >= w.start && c.at < w.end));
  // The keystroke's answer: the server's last write inside its window.
  const answeredAt = windows.map((w) => writes.filter((t) => t >= w.start && t < w.end).pop() ?? w.end);
  // What the answer waited for: the window's main-thread time less the collections begun after the answer.
  const untilAnswer = main.map((ms, i) => ms - inside[i].filter((c) => c.at >= answeredAt[i]).reduce((sum, c) => sum + c.ms, 0));
  const s = summarise(main);
  console.log(`  main thread ms per keystroke window: p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)} p99 ${s.p99.toFixed(2)} max ${s.max.toFixed(2)}`);
  const u = summarise(untilAnswer);
  console.log(`  of which before the answer was written: p50 ${u.p50.toFixed(2)} p95 ${u.p95.toFixed(2)} p99 ${u.p99.toFixed(2)} max ${u.max.toFixed(2)}`);
  const scavenged = (forced: boolean) => inside.map((list, i) => ({ list, i })).filter(({ list }) => list.some((c) => c.kind === constants.NODE_PERFORMANCE_GC_MINOR && c.forced === forced));
  const clean = main.filter((_, i) => inside[i].length === 0);
  const describe = (label: string, rows: { i: number }[]) =>
    console.log(`  ${label}: ${rows.length} keystrokes${rows.length ? `, median main thread ${median(rows.map(({ i }) => main[i])).toFixed(2)} ms` : ''}`);
  describe('with a scavenge V8 started (allocation)', scavenged(false));
  describe('with a scavenge the server asked for (idle collection)', scavenged(true));
  const beforeAnswer = scavenged(true).filter(({ list, i }) => list.some((c) => c.forced && c.at < answeredAt[i]));
  console.log(`    of which begun before the server wrote the answer: ${beforeAnswer.length}`);
  describe('with a mark-compact', inside.map((list, i) => ({ list, i })).filter(({ list }) => list.some((c) => c.kind === constants.NODE_PERFORMANCE_GC_MAJOR)));
  console.log(`  with no collection: ${clean.length} keystrokes, median main thread ${median(clean).toFixed(2)} ms`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
