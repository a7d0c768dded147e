import { getHeapSpaceStatistics } from 'node:v8';

/** V8's `gc` with options, exposed when the process runs with `--expose-gc` (SERVER_NODE_FLAGS). */
export type ExposedGc = (options: { type: 'minor' | 'major'; execution: 'sync' | 'async' }) => void;

/** How full the young generation may be when the server goes idle before it is collected there. */
const YOUNG_FULL_RATIO = 0.5;

/**
 * Collects the young generation between deliveries rather than during the next analysis. A keystroke in
 * a small file allocates ~0.8 MB, so a scavenge fell inside every fourth or fifth one and copied what the
 * analysis had in hand at that moment (~0.8 MB: parses, reports and findings in flight), ~1.5-2 ms of
 * the main thread that made those keystrokes the file's slowest. A young generation left at most half full
 * holds the next keystroke's garbage without one. Nothing is skipped: the same garbage is collected, at a
 * time no request waits for it unless one arrives during the pause (typing back to back, as the bench does,
 * the next change waits for it; the process's CPU per keystroke measured the same either way).
 */
export class IdleCollection {
  private pending = false;

  constructor(
    private readonly gc: ExposedGc | undefined,
    /** The share of the young generation in use; V8's own figure but in tests. */
    private readonly youngFullness: () => number = youngGenerationFullness,
  ) {}

  /** The `gc` of a process started with `--expose-gc`; undefined (and this class idle) otherwise. */
  static fromProcess(): IdleCollection {
    const exposed = (globalThis as { gc?: unknown }).gc;
    return new IdleCollection(typeof exposed === 'function' ? (exposed as ExposedGc) : undefined);
  }

  /**
   * Diagnostics were just delivered: once the answer is written, collect if worth it. A pulled report is
   * returned to vscode-jsonrpc, whose stream writer (stdio: Neovim, Helix, the bench) writes it in a
   * setImmediate of its own, queued after this call: collecting in the first turn delayed the answer by
   * the collection (1.4-1.7 ms of main thread in a third of the rabbitmq keystrokes typed 30 ms apart, by
   * test/bench/keystroke-gc.ts). One turn later it is written (IPC, as VS Code connects, writes at once).
   *
   * The old generation is left to V8, though its mark-compact still ends inside 2-3 of 240 keystrokes
   * (~6 ms more main thread each). A full `gc()` here once it had grown by 6 MiB (measured 2026-12-08)
   * kept V8's own out of the keystrokes but cost ~15-20 ms of main thread, not incremental, that
   * the next keystroke waited for: p99 before the answer rose (rabbitmq 9.1 -> 12.5 ms, ingress-nginx 9.5
   * -> 10.8, medians of 3 runs, load 30-40) and CPU per keystroke with it. Node 20's V8 does nothing for
   * `{ type: 'major' }`: only `gc()` without options collects the old generation.
   */
  afterDelivery(): void {
    if (!this.gc || this.pending) return;
    this.pending = true;
    setImmediate(() =>
      setImmediate(() => {
        this.pending = false;
        if (this.youngFullness() > YOUNG_FULL_RATIO) this.gc?.({ type: 'minor', execution: 'sync' });
      }),
    );
  }
}

/** The share of the young generation's capacity in use (0 when V8 does not report it). */
function youngGenerationFullness(): number {
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!young) return 0;
  const capacity = young.space_used_size + young.space_available_size;
  return capacity > 0 ? young.space_used_size / capacity : 0;
}
