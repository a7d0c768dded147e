import { pushGoals, type BenchFile, type Goal } from './corpus';
import type { LatencyRun } from './latency';
import type { Machine } from './machine';
import { summarise, type Summary } from './stats';
import type { ToolRun, Tree } from './throughput';

// The JSON a bench run writes: everything the console report and the README table are made from.

/** 2: latency entries carry their typing (space or word). */
export const RESULT_VERSION = 2;

export interface GoalCheck extends Goal {
  readonly measured: number;
  readonly met: boolean;
}

export interface LatencyEntry extends Omit<LatencyRun, 'places'> {
  readonly summary: Summary;
  readonly byPlace: Record<string, Summary>;
  /** Bulwark only: its goals for this file and mode; empty for peers. */
  readonly goals: GoalCheck[];
  readonly note: string;
}

export interface FileInfo {
  readonly id: string;
  readonly label: string;
  readonly bytes: number;
  readonly lines: number;
  readonly goalSource: string;
}

export interface StartupFigures {
  readonly cliWallMs: number;
  readonly cliCpuMs: number;
  readonly nodeWallMs: number;
  readonly nodeCpuMs: number;
}

export interface BenchResult {
  readonly version: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: Machine;
  /** pauseMs: absent in runs made before the bench paused between keystrokes (they typed back to back). */
  readonly options: { readonly edits: number; readonly runs: number; readonly budgetSeconds: number; readonly pauseMs?: number };
  /** Options that left part of the bench out; a README table is only made from a run without any. */
  readonly narrowed: string[];
  readonly files: FileInfo[];
  readonly latency: LatencyEntry[];
  readonly throughput: { readonly trees: Tree[]; readonly runs: ToolRun[] };
  readonly cliStartup?: StartupFigures;
  readonly rssGoalMiB: number;
}

export function latencyEntry(run: LatencyRun, file: BenchFile, note: string, isBulwark: boolean): LatencyEntry {
  const summary = summarise(run.samples);
  const byPlaceSamples = new Map<string, number[]>();
  run.places.forEach((place, i) => {
    const group = byPlaceSamples.get(place);
    if (group) group.push(run.samples[i]);
    else byPlaceSamples.set(place, [run.samples[i]]);
  });
  const goals = !isBulwark ? [] : (run.mode === 'pull' ? file.goals : pushGoals(file.goals)).map((g) => ({ ...g, measured: summary[g.percentile], met: summary[g.percentile] <= g.ms }));
  const { places: _places, ...rest } = run;
  return { ...rest, summary, byPlace: Object.fromEntries([...byPlaceSamples].map(([p, s]) => [p, summarise(s)])), goals, note };
}
