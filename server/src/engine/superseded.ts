import type { Finding, RuleSet } from './types';

/**
 * One problem, one report: a finding of a specific rule hides the overlapping findings of the general
 * rules it names in `supersedes` (docker-secret-in-env over secret-generic-password on the same ENV
 * value). The general rule still reports wherever the specific one is off, overridden or silent.
 */
export function dropSuperseded(findings: readonly Finding[], ruleSet: RuleSet): Finding[] {
  const supersedes = new Map<string, readonly string[]>();
  for (const rule of ruleSet.rules) if (rule.meta.supersedes.length > 0) supersedes.set(rule.meta.id, rule.meta.supersedes);
  const specific = supersedes.size === 0 ? [] : findings.filter((f) => supersedes.has(f.ruleId));
  if (specific.length === 0) return [...findings];
  return findings.filter(
    (f) => !specific.some((s) => s !== f && supersedes.get(s.ruleId)?.includes(f.ruleId) && s.span.start < f.span.end && f.span.start < s.span.end),
  );
}
