import { getHeapSpaceStatistics } from 'node:v8';

/**
 * V8's `gc`, exposed when the process runs with `--expose-gc` (SERVER_NODE_FLAGS): with options, a young
 * generation collection; without, a full one (node 20's V8 took `{ type: 'major' }` and collected nothing).
 */
export type ExposedGc = (options?: { type: 'minor'; execution: 'sync' | 'async' }) => void;

/** How full the young generation may be when the server goes idle before it is collected there. */
const YOUNG_FULL_RATIO = 0.5;

/**
 * How much the old generation may grow past the least it held since the last mark-compact before the
 * server collects it when idle: the larger of these two. With ingress-nginx's deploy.yaml or the rabbitmq
 * Dockerfile open, V8 kept ~14 MiB and started its own mark-compact after 8-9 MiB of growth; at 6 MiB the
 * server's comes first (no mark-compact of V8's own in 240 keystrokes after start-up, by gc-heap logs
 * beside test/bench/keystroke-gc.ts), about as often as V8's came (4 in 240 keystrokes against 2-4). A
 * larger heap gets a quarter of its size, as V8 lets a larger heap grow by a share of it.
 */
const OLD_GROWTH_MIN_BYTES = 6 * 1024 * 1024;
const OLD_GROWTH_RATIO = 0.25;

/** What the collector reads of the heap: V8's own figures but in tests. */
export interface HeapReadings {
  /** The share of the young generation's capacity in use. */
  youngFullness(): number;
  /** Bytes in use in the old generation (old space and large objects). */
  oldBytes(): number;
}

/**
 * Collects garbage between deliveries rather than during the next analysis.
 *
 * The young generation: a keystroke in a small file allocates ~0.8 MB, so a scavenge fell inside every
 * fourth or fifth one and copied what the analysis had in hand at that moment (~0.8 MB: parses, reports
 * and findings in flight), ~1.5-2 ms of the main thread that made those keystrokes the file's slowest. A
 * young generation left at most half full holds the next keystroke's garbage without one.
 *
 * The old generation: ~0.1 MB of each keystroke's garbage lives long enough to be promoted (a section's
 * parse and reports outlive the keystroke that made them), so every 60-120 keystrokes V8 ran a
 * mark-compact, and its final pause fell inside a keystroke: 2-4 of 240 keystrokes, ~6 ms more main
 * thread each (median 9.9 against 3.4 ms for rabbitmq, test/bench/keystroke-gc.ts), the file's p99.
 * Collected when idle once it has grown by OLD_GROWTH_*, V8 does not reach its own trigger. A full
 * collection costs the main thread ~15-20 ms (more than V8's incremental one, which marks beside the
 * program): a person typing leaves more than that between keys; typing back to back, the next change waits.
 * Nothing is skipped: the same garbage is collected, at a time no request waits for it.
 */
export class IdleCollection {
  private pending = false;
  /**
   * The least the old generation held since the server's last full collection (undefined before the first
   * delivery): only a mark-compact shrinks it, so after one of V8's own the growth counts from what that left.
   */
  private oldBaseline: number | undefined;

  constructor(
    private readonly gc: ExposedGc | undefined,
    private readonly heap: HeapReadings = V8_HEAP,
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
   */
  afterDelivery(): void {
    if (!this.gc || this.pending) return;
    this.pending = true;
    setImmediate(() =>
      setImmediate(() => {
        this.pending = false;
        this.collect();
      }),
    );
  }

  private collect(): void {
    // A mark-compact collects the young generation too.
    if (this.oldGenerationDue()) {
      this.gc?.();
      this.oldBaseline = this.heap.oldBytes();
    } else if (this.heap.youngFullness() > YOUNG_FULL_RATIO) this.gc?.({ type: 'minor', execution: 'sync' });
  }

  private oldGenerationDue(): boolean {
    const old = this.heap.oldBytes();
    const baseline = Math.min(old, this.oldBaseline ?? old);
    this.oldBaseline = baseline;
    return old - baseline > Math.max(OLD_GROWTH_MIN_BYTES, OLD_GROWTH_RATIO * baseline);
  }
}

const V8_HEAP: HeapReadings = {
  youngFullness(): number {
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    if (!young) return 0;
    const capacity = young.space_used_size + young.space_available_size;
    return capacity > 0 ? young.space_used_size / capacity : 0;
  },
  oldBytes(): number {
    let used = 0;
    for (const s of getHeapSpaceStatistics()) if (s.space_name === 'old_space' || s.space_name === 'large_object_space') used += s.space_used_size;
    return used;
  },
};
