import * as path from 'node:path';
import type { Typing } from './edit-points';

// `npm run bench -- [options]`. Defaults keep a run to a few minutes on an idle 2-core machine; --readme
// adds the CLI scans of the whole corpus, which take several minutes more.

export interface BenchOptions {
  /** Keystrokes per server, file, mode and typing (half typed characters, half deletions). */
  readonly edits: number;
  readonly modes: readonly ('pull' | 'push')[];
  /** A space at a line end and deleted, a word typed inside a value and deleted, or both (the default). */
  readonly typings: readonly Typing[];
  /** Substring of a file id or label; empty: every file. */
  readonly file: string;
  readonly peers: boolean;
  /** Latency, throughput, rule firing rates (rule-rates.ts); all three by default. */
  readonly parts: readonly ('latency' | 'throughput' | 'rates')[];
  /** Throughput trees: the realworld corpus, the mixed ~20 MiB tree, or both. */
  readonly trees: readonly ('realworld' | 'mixed')[];
  /** Runs of each throughput command (median quoted). */
  readonly runs: number;
  /** Per server, file, mode and typing: stop typing after this long (a slow peer on the 1.9 MB file). */
  readonly budgetSeconds: number;
  /** After each answer, wait this long before the next keystroke (0: back to back). */
  readonly pauseMs: number;
  readonly json: string;
  readonly readme: boolean;
  readonly nodeArgs: readonly string[];
  readonly cpuProfDir: string;
}

export const USAGE = `npm run bench -- [--file ID] [--mode pull|push|both] [--typing space|word|both] [--edits N] [--peers on|off]
  [--only latency|throughput|rates] [--tree realworld|mixed|both] [--runs N] [--budget SECONDS] [--pause MS] [--json FILE]
  [--readme] [--cpu-prof DIR] [--node-args "FLAGS"]`;

/**
 * A person's pause between keystrokes, taken after each answer: 30 ms is faster than anyone types (a fast
 * typist leaves ~100 ms), so the time a server spends between keystrokes (collecting garbage, background
 * work) still delays the next answer when it takes longer. Typed back to back (`--pause 0`) every such
 * cost lands inside the next keystroke, which no editor user sees.
 */
export const DEFAULT_PAUSE_MS = 30;

export function parseOptions(argv: readonly string[], defaultJson: string): BenchOptions {
  const value = (name: string, fallback: string): string => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value\n${USAGE}`);
    return v;
  };
  const known = new Set(['file', 'mode', 'typing', 'edits', 'peers', 'only', 'tree', 'runs', 'budget', 'pause', 'json', 'readme', 'cpu-prof', 'node-args', 'help']);
  for (const a of argv) if (a.startsWith('--') && !known.has(a.slice(2))) throw new Error(`unknown option ${a}\n${USAGE}`);
  const count = (name: string, fallback: number, min: number): number => {
    const n = Number(value(name, String(fallback)));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return n;
  };
  const mode = value('mode', 'both');
  if (!['pull', 'push', 'both'].includes(mode)) throw new Error(`--mode must be pull, push or both`);
  const typing = value('typing', 'both');
  if (!['space', 'word', 'both'].includes(typing)) throw new Error(`--typing must be space, word or both`);
  const peers = value('peers', 'on');
  if (!['on', 'off'].includes(peers)) throw new Error(`--peers must be on or off`);
  const only = value('only', 'both');
  if (!['latency', 'throughput', 'rates', 'both'].includes(only)) throw new Error(`--only must be latency, throughput or rates`);
  // secretlint alone takes minutes of CPU over the whole corpus: a default run scans the mixed tree,
  // a README run (--readme) both.
  const tree = value('tree', argv.includes('--readme') ? 'both' : 'mixed');
  if (!['realworld', 'mixed', 'both'].includes(tree)) throw new Error(`--tree must be realworld, mixed or both`);
  const cpuProfDir = value('cpu-prof', '');
  return {
    edits: count('edits', 120, 2),
    modes: mode === 'both' ? ['pull', 'push'] : [mode as 'pull' | 'push'],
    typings: typing === 'both' ? ['space', 'word'] : [typing as Typing],
    file: value('file', ''),
    peers: peers === 'on',
    parts: only === 'both' ? ['latency', 'throughput', 'rates'] : [only as 'latency' | 'throughput' | 'rates'],
    trees: tree === 'both' ? ['realworld', 'mixed'] : [tree as 'realworld' | 'mixed'],
    runs: count('runs', 1, 1),
    // Two typings double the latency part: 40 s keeps a slow peer on the 1.9 MB file to ~50 keystrokes each.
    budgetSeconds: count('budget', 40, 1),
    pauseMs: count('pause', DEFAULT_PAUSE_MS, 0),
    json: value('json', defaultJson),
    readme: argv.includes('--readme'),
    nodeArgs: [...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfDir)}`] : []), ...value('node-args', '').split(/\s+/).filter(Boolean)],
    cpuProfDir,
  };
}

/** A run that leaves something out cannot be the README's source (a default run leaves out the corpus scan). */
export function narrowed(o: BenchOptions): string[] {
  const out: string[] = [];
  if (o.file) out.push(`--file ${o.file}`);
  if (o.modes.length < 2) out.push(`--mode ${o.modes[0]}`);
  if (o.typings.length < 2) out.push(`--typing ${o.typings[0]}`);
  if (!o.peers) out.push('--peers off');
  if (o.parts.length < 3) out.push(`--only ${o.parts[0]}`);
  if (o.trees.length < 2) out.push(`--tree ${o.trees[0]}`);
  if (o.nodeArgs.length > 0) out.push('--node-args/--cpu-prof');
  if (o.pauseMs !== DEFAULT_PAUSE_MS) out.push(`--pause ${o.pauseMs}`);
  return out;
}
