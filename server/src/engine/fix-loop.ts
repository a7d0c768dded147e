import { applyFixes } from './fixes';
import type { AnalysisResult, Fix } from './types';

// The one fix-until-stable loop (ESLint's): `bulwark scan --fix`, "Fix all safe problems" in the
// editor, the fixture harness and the template tests all run it. Fixes that overlap are skipped by
// applyFixes and wait for the next pass; a fix may also uncover another finding, hence re-analysis.

export const MAX_FIX_PASSES = 10;

export interface FixLoopOutcome<R> {
  readonly text: string;
  /** The analysis of `text`, the final content. */
  readonly result: R;
  /** Fixes applied over all passes. */
  readonly applied: number;
  readonly passes: number;
  /** False when fixes were still on offer after the last pass (fixes that keep re-triggering). */
  readonly stable: boolean;
}

/**
 * Analyses, applies the fixes `choose` picks, re-analyses, until nothing is picked, nothing changes,
 * or MAX_FIX_PASSES. Generic over the analysis so template tests can run it on bare reports.
 */
export function fixUntilStable<R>(text: string, analyze: (text: string) => R, choose: (result: R) => readonly Fix[]): FixLoopOutcome<R> {
  let current = text;
  let result = analyze(current);
  let applied = 0;
  let passes = 0;
  let chosen = choose(result);
  while (passes < MAX_FIX_PASSES && chosen.length > 0) {
    const next = applyFixes(current, chosen);
    if (next.applied === 0 || next.text === current) break;
    current = next.text;
    applied += next.applied;
    passes++;
    result = analyze(current);
    chosen = choose(result);
  }
  return { text: current, result, applied, passes, stable: chosen.length === 0 };
}

/** Each finding's first autofix (suggestions are never applied, nor fixes of suppressed findings). */
export function autofixesOf(result: AnalysisResult): Fix[] {
  const fixes: Fix[] = [];
  for (const finding of result.findings) {
    const fix = finding.fixes.find((f) => f.kind === 'autofix');
    if (fix) fixes.push(fix);
  }
  return fixes;
}
