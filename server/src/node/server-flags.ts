import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SERVER_NODE_FLAGS } from '../protocol/server-process';

/**
 * Gives a language server started without SERVER_NODE_FLAGS (`bulwark-server --stdio`, as Neovim, Helix
 * and Emacs launch it) what of them V8 still accepts once running: `gc`, defined as `--expose-gc` defines
 * it, so the collection between keystrokes (lsp/idle-collection.ts) runs there as in VS Code. V8 reads
 * that flag when it creates a context, so a new context has `gc`; the flag is then turned off again,
 * leaving V8's flags (which its code cache checks) as they were.
 *
 * The heap sizes (and SERVER_ENV's MALLOC_ARENA_MAX) are read when the process starts. A bin that started
 * node again with them would cost a second node start (~0.15 s of CPU on this machine) and, with no
 * `process.execve` before Node 22.15, a waiting parent process of ~41 MiB RSS for the whole session: more
 * memory than those settings save (~25-35 MiB of peak RSS with argo-cd's 1.9 MB install.yaml open). So a
 * launcher passes them (the VS Code client does; the README shows how for other editors), and the bin
 * runs with V8's defaults when none did.
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
