/**
 * V8 heap flags for the language-server process, passed by whoever launches it (the VS Code client, the
 * bench, the protocol tests), and by `bulwark-server` itself when node was started without flags
 * (node/server-flags.ts). The server holds ~30 MiB of live data with the 1.9 MB argo-cd install.yaml
 * open, but V8's defaults size the heap for throughput: a 16 MiB semi-space (32 MiB of new space) and an
 * old generation allowed to grow far past its live data before a full GC, so RSS reached ~200 MiB. A 2 MiB
 * semi-space (now 4 MiB, below) and a 1 GiB old-space ceiling (which also lowers V8's growth limits) kept the peak near
 * 125 MiB in test/bench/server-memory.ts, for ~15-20% more CPU per keystroke (noisy, shared machine).
 * 1 GiB is still ~30x the live data of that case; a server past it stops with an out-of-memory error.
 * The semi-space was then measured again at 2, 4, 8 and 16 MiB (2026-12-07, main-thread CPU per keystroke
 * from /proc schedstat, median of 3 runs on a loaded machine): 4 MiB gave ingress-nginx p99 9.7 ms (12.6 at
 * 2 MiB) and the 1 MB source p99 27.6 ms (29.8) for argo-cd's peak RSS 127 MiB (124); 8 MiB was no better
 * and 16 MiB peaked at 151-155 MiB, past the 150 MiB goal.
 * `--no-turbo-inlining` (the CLI sets it for a scan of 32 files or more) is not set here. Measured 2026-12-07 by
 * test/bench/server-keystroke-cpu.ts (medians of 3-4 interleaved rounds, 120 keystrokes, loaded machine):
 * it cut the whole process's CPU per keystroke (mean -7 to -27%, p99 -5 to -35%: less background
 * optimising) but not the main thread's, which a keystroke waits for: p99 rabbitmq 11.5 -> 13.8 ms
 * (space) and 13.4 -> 13.5 (word), ingress-nginx 9.4 -> 8.6 and 10.9 -> 12.1, the 1 MB source 39.8 -> 42.5,
 * the 5,000-line Dockerfile 119.7 -> 109.2. The optimising is a warm-up cost of a long-lived server; slower
 * code without inlining is not.
 * `--expose-gc` lets the server collect the young generation once diagnostics are delivered rather than in
 * the middle of the next keystroke (lsp/idle-collection.ts). Measured 2026-12-07 by the bench's client with
 * 30 ms between keystrokes (people type slower still), 300 keystrokes, 2 interleaved rounds, load average ~20,
 * main-thread CPU per keystroke from /proc schedstat: keystrokes with an allocation-triggered scavenge 67-68
 * -> 1-2 (ingress-nginx, word); p95 / p99 rabbitmq (space) 9.8/10.1 / 12.5/12.3 -> 8.3/7.8 / 10.2/10.5 ms,
 * ingress-nginx (word) 10.2/8.6 / 13.2/10.6 -> 9.3/7.8 / 10.6/9.4 ms; the process's CPU per keystroke the same.
 * Typed back to back, as the bench types, the next change waits for that collection: no gain measurable.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--max-old-space-size=1024', '--expose-gc'];

/**
 * Environment for the language-server process, set by whoever launches it beside SERVER_NODE_FLAGS.
 * glibc gives each thread that allocates its own malloc arena (up to 8 per core) and keeps what is freed in
 * it: V8's compiler and GC helper threads allocate their working memory there, so freed memory piled up in
 * arenas the main thread never reuses. Two arenas cut the peak RSS with argo-cd's install.yaml open and
 * edited from 123-124 to 114-117 MiB in test/bench/server-memory.ts (60 keystrokes, 2 runs each), and in the
 * bench's four argo-cd runs (120 keystrokes each) from 128/128/139/138 to 119/120/129/132 MiB (2026-12-07), for
 * no CPU cost measurable on this loaded machine. Other C libraries (macOS, Windows, musl) ignore it.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
