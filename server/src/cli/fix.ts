import { analyze, autofixesOf, fixUntilStable, type AnalysisResult, type AnalyzeOptions, type FixLoopOutcome, type RuleSet } from '../engine';

/** `bulwark scan --fix`: the engine's loop with each finding's first autofix, never a suggestion. */
export function fixFile(uri: string, text: string, ruleSet: RuleSet, options: AnalyzeOptions): FixLoopOutcome<AnalysisResult> {
  return fixUntilStable(text, (current) => analyze({ uri, text: current }, ruleSet, options), autofixesOf);
}
