import { analyze, applyFixes, type AnalysisResult, type AnalyzeOptions, type Fix, type RuleSet } from '../engine';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  readonly text: string;
  /** The analysis of `text`, the final content. */
  readonly result: AnalysisResult;
  readonly applied: number;
  /** False when autofixes were still on offer after the last pass (fixes that keep re-triggering). */
  readonly stable: boolean;
}

/**
 * ESLint's loop: apply every non-overlapping autofix, re-analyse, repeat until nothing changes or
 * the pass limit is hit. Suggestions are never applied, nor fixes of suppressed findings.
 */
export function fixUntilStable(uri: string, text: string, ruleSet: RuleSet, options: AnalyzeOptions): FixOutcome {
  let current = text;
  let result = analyze({ uri, text: current }, ruleSet, options);
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = autofixesOf(result);
    if (fixes.length === 0) break;
    const next = applyFixes(current, fixes);
    if (next.applied === 0 || next.text === current) break;
    current = next.text;
    applied += next.applied;
    result = analyze({ uri, text: current }, ruleSet, options);
  }
  return { text: current, result, applied, stable: autofixesOf(result).length === 0 };
}

/** The first autofix of each finding: one finding, one edit set. */
export function autofixesOf(result: AnalysisResult): Fix[] {
  const fixes: Fix[] = [];
  for (const finding of result.findings) {
    const fix = finding.fixes.find((f) => f.kind === 'autofix');
    if (fix) fixes.push(fix);
  }
  return fixes;
}
