import { spawn } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../protocol/server-process';

// How `bulwark-server` (dist/server.js) gets SERVER_NODE_FLAGS and SERVER_ENV when its launcher did not
// pass them (`bulwark-server --stdio`, as Neovim, Helix and Emacs start it). Measured 2026-12-07 with the
// 1.9 MB argo-cd install.yaml open and 60 keystrokes typed: peak RSS 172 and 207 MiB with V8's defaults,
// 115 MiB with them. Node reads them only as it starts, so the bin starts node again with them: a second
// node start (~0.15 s of CPU, once a session) and a parent that waits, ~7 MiB of its own memory (42 MiB
// RSS, the rest node's code shared with the server).

const TRANSPORT = /^--(?:stdio$|socket=|pipe=)/;
const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs the server in a child node with the flags and environment, this process only waiting for it
 * (the child reads and writes the same stdio), when node was started with no flags of its own and over a
 * transport a child can share: a launcher that chose node flags is followed as it is, and Node IPC's
 * channel belongs to this process. Returns false when the server is to run here.
 */
export function relaunchWithServerFlags(argv: readonly string[], script: string): boolean {
  if (process.execArgv.length > 0 || !argv.some((a) => TRANSPORT.test(a)) || argv.includes('--node-ipc')) return false;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, script, ...argv], { stdio: 'inherit', env: { ...process.env, ...SERVER_ENV } });
  for (const signal of FORWARDED_SIGNALS) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    process.stderr.write(`bulwark-server: could not start node with the server's flags: ${err.message}\n`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const s of FORWARDED_SIGNALS) process.removeAllListeners(s);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
  return true;
}

/**
 * A server run here without `--expose-gc` (a launcher passed other node flags) still gets `gc`, defined as
 * that flag defines it, so the collection between keystrokes (lsp/idle-collection.ts) runs. V8 reads the
 * flag when it creates a context, so a new context has `gc`; the flag is then turned off again, leaving
 * V8's flags (which its code cache checks) as they were. It is the one of SERVER_NODE_FLAGS V8 takes once
 * running: the heap sizes are fixed when the heap is made.
 */
export function exposeGcWhenNotStartedWithIt(): void {
  const global = globalThis as { gc?: unknown };
  if (typeof global.gc === 'function' || !SERVER_NODE_FLAGS.includes('--expose-gc')) return;
  setFlagsFromString('--expose-gc');
  try {
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') Object.defineProperty(globalThis, 'gc', { value: gc, writable: true, configurable: true, enumerable: false });
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
