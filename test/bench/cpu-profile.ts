import * as fs from 'node:fs';

// Reads a V8 .cpuprofile (node --cpu-prof) for the keystroke benches: the CPU time a process spent
// inside given windows of the monotonic clock (samples that are not idle), and the functions with the
// most self time there. Node's profile timestamps and process.hrtime in another process read the same
// monotonic clock (Linux), so a client can name the windows it timed.

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A window of the monotonic clock, in microseconds. */
export interface Window {
  readonly start: number;
  readonly end: number;
}

export interface ProfileSummary {
  /** CPU ms inside each window (non-idle sample time). */
  readonly cpuMs: number[];
  /** Functions by self time over all windows, ms. */
  readonly top: { readonly name: string; readonly ms: number }[];
  readonly totalMs: number;
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
}

export function summariseProfile(profile: CpuProfile, windows: readonly Window[], topN = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const cpuMs = windows.map(() => 0);
  const self = new Map<string, number>();
  let t = profile.startTime;
  let w = 0;
  const sorted = [...windows].map((win, i) => ({ ...win, i })).sort((a, b) => a.start - b.start);
  for (let k = 0; k < profile.samples.length; k++) {
    t += profile.timeDeltas[k];
    // A sample's time is the interval up to the next one.
    const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    while (w < sorted.length && sorted[w].end < t) w++;
    if (w >= sorted.length) break;
    if (t < sorted[w].start) continue;
    const node = byId.get(profile.samples[k]);
    const name = node?.callFrame.functionName ?? '?';
    if (name === '(idle)' || name === '(program)') continue;
    cpuMs[sorted[w].i] += dt;
    const url = node?.callFrame.url ?? '';
    const key = `${name || '(anonymous)'} ${url.replace(/^.*\/(node_modules\/)?/, '')}:${(node?.callFrame.lineNumber ?? 0) + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const top = [...self].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { cpuMs, top: top.slice(0, topN), totalMs: top.reduce((a, b) => a + b.ms, 0) };
}
