/**
 * V8 heap flags for the language-server process, passed by whoever launches it (the VS Code client, the
 * bench, the protocol tests). The server holds ~30 MiB of live data with the 1.9 MB argo-cd install.yaml
 * open, but V8's defaults size the heap for throughput: a 16 MiB semi-space (32 MiB of new space) and an
 * old generation allowed to grow far past its live data before a full GC, so RSS reached ~200 MiB. A 2 MiB
 * semi-space and a 1 GiB old-space ceiling (which also lowers V8's growth limits) kept the peak near
 * 125 MiB in test/bench/server-memory.ts, for ~15-20% more CPU per keystroke (noisy, shared machine).
 * 1 GiB is still ~30x the live data of that case; a server past it stops with an out-of-memory error.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--max-old-space-size=1024'];
