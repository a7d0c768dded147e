import { untilBeyondLimit } from '../suppressions';
import { SEVERITIES, type AnalysisResult, type AnalyzeOptions, type Finding, type RuleSet, type SeverityOverride, type SourceFile, type SuppressedFinding } from '../types';

// What a policy bundle changes in one analysis, kept out of analyze() itself: the analysis runs as
// usual, then suppressions the policy refuses are undone (non-waivable rules; `until` missing or
// beyond the limit), and overrides that would weaken a non-waivable rule never reach it. The
// suppression reporter sees the policy through its check context (composeRuleSet wraps the checks).

type Analyze = (file: SourceFile, ruleSet: RuleSet, options: AnalyzeOptions) => AnalysisResult;

export function analyzeUnderPolicy(file: SourceFile, ruleSet: RuleSet, options: AnalyzeOptions, analyze: Analyze): AnalysisResult {
  return enforcePolicy(analyze(file, withoutPolicy(ruleSet), limitOverrides(options, ruleSet)), ruleSet, options);
}

/** The rule set as the plain analysis sees it (its checks still carry the policy in their context). */
export function withoutPolicy(ruleSet: RuleSet): RuleSet {
  return { ...ruleSet, suppressionPolicy: undefined };
}

/** Undoes the suppressions the policy refuses: on non-waivable rules, or with `until` missing or too far. */
export function enforcePolicy(result: AnalysisResult, ruleSet: RuleSet, options: AnalyzeOptions): AnalysisResult {
  const policy = ruleSet.suppressionPolicy;
  if (!policy || result.suppressed.length === 0) return result;
  const now = options.now ?? new Date();
  const findings: Finding[] = [...result.findings];
  const suppressed: SuppressedFinding[] = [];
  for (const s of result.suppressed) {
    if (policy.nonWaivable.has(s.finding.ruleId) || untilBeyondLimit(s.until, now, policy)) findings.push(s.finding);
    else suppressed.push(s);
  }
  if (suppressed.length === result.suppressed.length) return result;
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { ...result, findings, suppressed };
}

const RANK: ReadonlyMap<string, number> = new Map([...SEVERITIES].reverse().map((s, i) => [s, i + 1]));

/**
 * Drops overrides that would weaken a non-waivable rule (off, or below its severity under the
 * policy). The CLI refuses such an override outright (apply.ts); this keeps every other caller, like
 * the editor's settings, from weakening one. Works whether overrides are a Map or a plain object.
 */
export function limitOverrides(options: AnalyzeOptions, ruleSet: RuleSet): AnalyzeOptions {
  const policy = ruleSet.suppressionPolicy;
  const overrides = options.severityOverrides as ReadonlyMap<string, SeverityOverride> | Readonly<Record<string, SeverityOverride>> | undefined;
  if (!policy || !overrides) return options;
  const severity = new Map(ruleSet.rules.map((r) => [r.meta.id, r.meta.severity]));
  const entries: [string, SeverityOverride][] = overrides instanceof Map ? [...overrides] : Object.entries(overrides);
  const kept = entries.filter(([id, o]) => !policy.nonWaivable.has(id) || (o !== 'off' && (RANK.get(o) ?? 0) >= (RANK.get(severity.get(id) ?? 'info') ?? 0)));
  if (kept.length === entries.length) return options;
  const limited = overrides instanceof Map ? new Map(kept) : Object.fromEntries(kept);
  return { ...options, severityOverrides: limited as AnalyzeOptions['severityOverrides'] };
}
