// A long scan is mostly cold code being optimised: about 40% of its CPU was V8's optimising compiler on
// background threads. Without inlining that compiler has less to do; measured on the 20 MiB mixed bench
// tree, every rule, one thread, 5 runs each on the idle machine: 6.91 -> 6.07 CPU-s median, the same
// findings. Set once the listing shows a long scan, not at start: loading node:v8 (and its heap and
// stream helpers) was ~3% of a one-file scan's instructions (callgrind). Code compiled before is
// unaffected; workers start after it and share it. V8 rejects a code cache made under
// other flags, so a run that sets them writes none (node/code-cache.ts).

/** From this many files a scan sets the flags: below, loading node:v8 costs more than they save. */
export const LONG_SCAN_FILES = 32;

export function setThroughputFlags(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--no-turbo-inlining');
}
