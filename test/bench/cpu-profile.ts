import * as fs from 'node:fs';

// Reads a V8 .cpuprofile (node --cpu-prof) for the keystroke benches: the CPU time a process spent
// inside given windows of the monotonic clock (samples that are not idle), and the functions with the
// most self time there. Node's profile timestamps and process.hrtime in another process read the same
// monotonic clock (Linux), so a client can name the windows it timed.

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber?: number };
  readonly children?: readonly number[];
}

export interface CpuProfile {
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
  /**
   * Non-idle samples inside each window, times the sampling interval. A sample's time is wall time up
   * to the next sample, which on a loaded machine includes the time the process waited for a core
   * (deltas of 10-50 ms instead of 1); the sampler does not fire while the process is off the CPU,
   * so counting samples measures the process's own CPU more closely. Each sample counts as the
   * profile's median spacing of samples (sampleSpacingMs), which is the interval plus the sampler's overhead.
   */
  readonly sampledMs: number[];
  /** Functions by self time over all windows, ms. */
  readonly top: { readonly name: string; readonly ms: number }[];
  readonly totalMs: number;
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
}

export function summariseProfile(profile: CpuProfile, windows: readonly Window[], topN = 25): ProfileSummary {
  const intervalMs = sampleSpacingMs(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const cpuMs = windows.map(() => 0);
  const sampledMs = windows.map(() => 0);
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
    sampledMs[sorted[w].i] += intervalMs;
    const url = node?.callFrame.url ?? '';
    const key = `${name || '(anonymous)'} ${url.replace(/^.*\/(node_modules\/)?/, '')}:${(node?.callFrame.lineNumber ?? 0) + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const top = [...self].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { cpuMs, sampledMs, top: top.slice(0, topN), totalMs: top.reduce((a, b) => a + b.ms, 0) };
}

/** The median time between two samples of a running process, ms. */
export function sampleSpacingMs(profile: CpuProfile): number {
  const deltas = [...profile.timeDeltas].filter((d) => d > 0).sort((a, b) => a - b);
  return deltas.length > 0 ? deltas[Math.floor(deltas.length / 2)] / 1000 : 1;
}
