import { SEVERITIES, type AnalyzeOptions, type RuleSet, type Severity, type SeverityOverride, type SuppressionPolicy } from '../types';

// What a policy bundle forbids callers to do to one analysis: weaken a non-waivable rule through a
// severity override (settings, a workspace's included). analyze() asks `permittedOverride` for every
// rule; suppressions under the policy are judged in suppressions.ts.

const RANK: ReadonlyMap<string, number> = new Map([...SEVERITIES].reverse().map((s, i) => [s, i + 1]));

/** The override, unless the policy makes the rule non-waivable and the override would lower it or turn it off. */
export function permittedOverride(
  ruleId: string,
  severity: Severity,
  override: SeverityOverride | undefined,
  policy: SuppressionPolicy | undefined,
): SeverityOverride | undefined {
  if (override === undefined || !policy?.nonWaivable.has(ruleId)) return override;
  const weaker = override === 'off' || (RANK.get(override) ?? 0) < (RANK.get(severity) ?? 0);
  return weaker ? undefined : override;
}

/**
 * The overrides with those the policy forbids dropped. The CLI refuses such an override outright
 * (apply.ts); analyze() applies `permittedOverride` itself, so this is for callers that want the
 * effective table. Works whether overrides are a Map or a plain object.
 */
export function limitOverrides(options: AnalyzeOptions, ruleSet: RuleSet): AnalyzeOptions {
  const policy = ruleSet.suppressionPolicy;
  const overrides = options.severityOverrides as ReadonlyMap<string, SeverityOverride> | Readonly<Record<string, SeverityOverride>> | undefined;
  if (!policy || !overrides) return options;
  const severity = new Map(ruleSet.rules.map((r) => [r.meta.id, r.meta.severity]));
  const entries: [string, SeverityOverride][] = isOverrideMap(overrides) ? [...overrides] : Object.entries(overrides);
  const kept = entries.filter(([id, o]) => permittedOverride(id, severity.get(id) ?? 'info', o, policy) !== undefined);
  if (kept.length === entries.length) return options;
  const limited = isOverrideMap(overrides) ? new Map(kept) : Object.fromEntries(kept);
  return { ...options, severityOverrides: limited as AnalyzeOptions['severityOverrides'] };
}

function isOverrideMap(o: object): o is ReadonlyMap<string, SeverityOverride> {
  return o instanceof Map;
}
