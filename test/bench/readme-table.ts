import * as fs from 'node:fs';
import { MiB, fmt } from './report';
import type { Typing } from './edit-points';
import { WORD, keystrokesPerPoint } from './keystrokes';
import type { BenchResult, FileInfo, GoalCheck, LatencyEntry } from './results';

// The README's "Speed" section between its markers is made from one bench run's JSON by this
// module, never by hand: the figures, the machine and its load travel together.

export const START_MARKER = '<!-- bench:start -->';
export const END_MARKER = '<!-- bench:end -->';

const ms = (values: readonly number[]) => `${values.map((v) => fmt(v)).join(' / ')} ms`;
const goalText = (g: GoalCheck, mode: string) => `${mode} ${g.percentile} ≤ ${g.ms} ms (${g.met ? 'met' : 'missed'})`;

/** How the bench paced its keystrokes; runs made before it paused typed back to back. */
function pace(pauseMs: number | undefined): string {
  return pauseMs ? `each typed ${pauseMs} ms after the previous answer (faster than a person types)` : 'each typed as soon as the previous answer came';
}

function fileCell(f: FileInfo): string {
  const size = f.bytes >= 1_000_000 ? `${fmt(f.bytes / 1_000_000)} MB, ` : '';
  return `${f.label} (${size}${f.lines.toLocaleString('en-US')} lines)${f.goalSource === 'assumed' ? '¹' : ''}`;
}

function latencyRow(f: FileInfo, typing: Typing, first: boolean, entries: readonly LatencyEntry[]): string {
  const pull = entries.find((e) => e.server === 'Bulwark' && e.mode === 'pull');
  const push = entries.find((e) => e.server === 'Bulwark' && e.mode === 'push');
  const peers = entries.filter((e) => e.server !== 'Bulwark');
  const s = (e: LatencyEntry | undefined, pick: (x: LatencyEntry['summary']) => number[]) => (e ? (e.error ? 'failed' : ms(pick(e.summary))) : '–');
  const peerCell = peers.length ? peers.map((p) => `${p.server} ${s(p, (x) => [x.p50, x.p99])}${push && !p.error ? ` (${fmt(p.summary.p50 / push.summary.p50)}× Bulwark push p50)` : ''}`).join('; ') : '–';
  const goals = [...(pull?.goals.map((g) => goalText(g, 'pull')) ?? []), ...(push?.goals.map((g) => goalText(g, 'push')) ?? [])].join(', ');
  // The file is named on its first row only, so the typings of one file read as one block.
  return `| ${first ? fileCell(f) : ''} | ${typing} | ${s(pull, (x) => [x.p50, x.p95, x.p99, x.max])} | ${s(push, (x) => [x.p50, x.p99])} | ${peerCell} | ${goals || '–'} |`;
}

/** The Markdown that goes between the markers. */
export function readmeTable(r: BenchResult): string {
  const m = r.machine;
  const out: string[] = [];
  const day = r.startedAt.slice(0, 10);
  out.push(`Figures from one \`npm run bench\` run on ${day}: ${m.cpuModel}, ${m.nproc} CPUs, node ${m.node}, load average ${m.loadavg.join(' / ')} (1 / 5 / 15 min) at the start. Made by \`npm run bench -- --readme\` from the run's JSON, never edited by hand.`);
  out.push('');
  const perFile = r.files.filter((f) => r.latency.some((e) => e.file === f.id));
  if (perFile.length > 0) {
    const typings = (['space', 'word'] as const).filter((t) => r.latency.some((e) => e.typing === t));
    out.push(`Keystroke → diagnostics with every rule on, ${r.options.edits} keystrokes per file and typing at points spread over the whole file (workload containers, securityContext and env, CRDs, other objects, comments, first and last lines), ${pace(r.options.pauseMs)}. Two typings: *space* is a space typed at the end of a line and deleted (${keystrokesPerPoint('space')} keystrokes per point); *word* is \`${WORD}\` typed one character at a time at the end of a value where users type (an image tag, an env value, a command argument, a string in source) and deleted with Backspace (${keystrokesPerPoint('word')} keystrokes per point, each one measured). In YAML a trailing space, and a character typed in a plain string value, reuse the section's parse; a word in a quoted, multi-word or numeric value re-parses the section. Pull is \`textDocument/diagnostic\` as VS Code asks; push is \`publishDiagnostics\` as Neovim 0.7 receives it, including the server's debounce. Peers run in the same bench with the same client, edit points and typing.`);
    out.push('');
    out.push('| file | typing | Bulwark pull p50 / p95 / p99 / max | Bulwark push p50 / p99 | peer (push) p50 / p99 | goal |');
    out.push('|---|---|---|---|---|---|');
    for (const f of perFile) {
      typings.forEach((typing, i) => out.push(latencyRow(f, typing, i === 0, r.latency.filter((e) => e.file === f.id && e.typing === typing))));
    }
    out.push('');
    const notes = [...new Map(r.latency.filter((e) => e.server !== 'Bulwark').map((e) => [e.server, e.note])).entries()].map(([server, note]) => `${server}: ${note}.`);
    if (perFile.some((f) => f.goalSource === 'assumed')) notes.unshift('¹ The issue states no goal for this file; the 1.9 MB manifest\'s goals are used.');
    if (notes.length) out.push(notes.join(' '), '');
    const argo = r.latency.filter((e) => e.server === 'Bulwark' && e.file === 'argo-cd' && !e.error);
    const startups = r.latency.filter((e) => e.mode === 'push' && e.typing === typings[0] && !e.error).map((e) => `${e.server} ${fmt(e.startupMs, 0)} ms (${e.file})`);
    const facts: string[] = [];
    if (argo.length) facts.push(`Bulwark server peak RSS with argo-cd install.yaml open and edited: ${fmt(Math.max(...argo.map((e) => e.peakRssMiB)), 0)} MiB (goal ≤ ${r.rssGoalMiB} MiB).`);
    if (startups.length) facts.push(`Startup, process start → first diagnostics: ${startups.join(', ')}.`);
    if (facts.length) out.push(facts.join(' '), '');
  }
  const { trees, runs } = r.throughput;
  if (trees.length > 0) {
    out.push(`CLI throughput, whole commands (median of ${r.options.runs} run${r.options.runs === 1 ? '' : 's'}; CPU is user + system time of the process tree):`);
    out.push('');
    out.push('| files | tool | files/s | MiB/s | MiB per CPU second | CPU / wall |');
    out.push('|---|---|---|---|---|---|');
    for (const t of trees) {
      for (const run of runs.filter((x) => x.tree === t.name)) {
        out.push(`| ${t.name} (${t.files.toLocaleString('en-US')} files, ${fmt(t.bytes / MiB)} MiB) | ${run.tool} | ${fmt(t.files / run.wallSeconds, 0)} | ${fmt(t.bytes / MiB / run.wallSeconds, 2)} | ${fmt(t.bytes / MiB / run.cpuSeconds, 2)} | ${fmt(run.cpuSeconds / run.wallSeconds, 2)} |`);
      }
    }
    out.push('');
    const s = r.cliStartup;
    if (s) out.push(`CLI startup (a scan of a one-line Dockerfile): ${fmt(s.cliWallMs, 0)} ms wall, ${fmt(s.cliCpuMs, 0)} ms CPU; \`node -e 0\` alone takes ${fmt(s.nodeWallMs, 0)} ms.`, '');
  }
  return out.join('\n').trimEnd();
}

/** `readme` with the text between the markers replaced by `table`; throws when the markers are missing. */
export function replaceBetweenMarkers(readme: string, table: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < 0 || end < start) throw new Error(`README has no ${START_MARKER} … ${END_MARKER} section`);
  return `${readme.slice(0, start + START_MARKER.length)}\n${table}\n${readme.slice(end)}`;
}

/** Rewrites the README's Speed figures from a complete run; refuses a narrowed one. Returns what it did. */
export function updateReadme(readmePath: string, result: BenchResult): string {
  if (result.narrowed.length > 0) return `README not updated: this run was narrowed (${result.narrowed.join(', ')}); run \`npm run bench -- --readme\` on an idle machine.`;
  const before = fs.readFileSync(readmePath, 'utf8');
  fs.writeFileSync(readmePath, replaceBetweenMarkers(before, readmeTable(result)));
  return `README Speed figures regenerated from the run of ${result.startedAt}.`;
}
