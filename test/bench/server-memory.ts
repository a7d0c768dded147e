import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchFiles } from './corpus';
import { editPoints } from './edit-points';
import { LspBenchClient } from './lsp-bench-client';
import { memoryMiB, processCpuSeconds } from './proc';
import { bulwarkServer } from './servers';

// Where the language server's memory goes (`node --import tsx test/bench/server-memory.ts [file-id] [--edits N]
// [--node-args "FLAGS"]`, after `npm run build`): the real server over stdio, its RSS and peak RSS after
// initialize, after the first diagnostics of the opened file, after the workspace index had time to be
// built, and after typing; CPU ms per keystroke beside it.

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
  const edits = Number(flag('edits') ?? 60);
  const nodeArgs = (flag('node-args') ?? '').split(/\s+/).filter(Boolean);
  const wanted = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  for (const file of benchFiles().filter((f) => (wanted.length === 0 ? f.id === 'argo-cd' : wanted.includes(f.id)))) {
    const text = fs.readFileSync(file.path, 'utf8');
    const uri = pathToFileURL(file.path).href;
    const client = await LspBenchClient.start(bulwarkServer(nodeArgs), 'pull', pathToFileURL(path.dirname(file.path)).href);
    const pid = client.child.pid ?? 0;
    const at = (when: string) => console.log(`${file.id.padEnd(16)} ${when.padEnd(22)} RSS ${memoryMiB(pid, 'VmRSS').toFixed(0).padStart(4)} MiB, peak ${memoryMiB(pid, 'VmHWM').toFixed(0).padStart(4)} MiB`);
    try {
      at('initialized');
      await client.open(uri, file.languageId, text, 60_000);
      at('first diagnostics');
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await client.timeChange(uri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }, 60_000);
      at('index built');
      const cpuBefore = processCpuSeconds(pid);
      let n = 0;
      for (const p of editPoints(text, file.kind, Math.ceil(edits / 2))) {
        for (const type of [true, false]) {
          await client.timeChange(uri, { range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: type ? p.character : p.character + 1 } }, text: type ? ' ' : '' }, 60_000);
          n++;
        }
      }
      at(`after ${n} keystrokes`);
      if (flag('snapshot-wait')) {
        process.kill(pid, 'SIGUSR2');
        await new Promise((resolve) => setTimeout(resolve, Number(flag('snapshot-wait')) * 1000));
      }
      console.log(`${file.id.padEnd(16)} CPU ${(((processCpuSeconds(pid) - cpuBefore) * 1000) / n).toFixed(1)} ms per keystroke`);
    } finally {
      await client.stop();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
