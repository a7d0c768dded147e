import type { Finding, RuleMeta, RuleSet } from './types';

/** A finding with the template's identity of what it is about (Report.key: the container, the pair …). */
export interface KeyedFinding {
  readonly finding: Finding;
  readonly key?: string;
}

/** Names a whole group of rules in `supersedes`: `tag:secret` is every rule tagged `secret`. */
export const TAG_PREFIX = 'tag:';

/**
 * One problem, one report, declared in each rule's meta so pack authors use it too:
 * - `supersedes`: this rule's finding hides an overlapping finding of the named rules (or of every rule
 *   with a named `tag:`): docker-secret-in-env over secret-github-token on one ENV value,
 *   docker-image-latest-tag over docker-image-not-digest-pinned on one FROM.
 * - `implies`: this rule's finding hides the named rules' findings about the same subject (the same
 *   report key, e.g. one container) wherever they are: a privileged container already has every
 *   capability and no seccomp confinement, so those weaker findings would only repeat it.
 * A hidden rule still reports wherever the stronger one is off, overridden or silent.
 */
export function dropSuperseded(findings: readonly KeyedFinding[], ruleSet: RuleSet): Finding[] {
  const overlapping = relation(ruleSet, (m) => m.supersedes);
  const implied = relation(ruleSet, (m) => m.implies ?? []);
  if (overlapping.size === 0 && implied.size === 0) return findings.map((f) => f.finding);
  const strong = findings.filter((f) => overlapping.has(f.finding.ruleId) || implied.has(f.finding.ruleId));
  const hidden = (weak: KeyedFinding): boolean =>
    strong.some((s) => {
      if (s === weak || s.finding.ruleId === weak.finding.ruleId) return false;
      const a = s.finding.span;
      const b = weak.finding.span;
      // Two rules that name each other (both `tag:secret`) hide neither: one report must remain.
      const mutual = overlapping.get(weak.finding.ruleId)?.has(s.finding.ruleId);
      if (!mutual && overlapping.get(s.finding.ruleId)?.has(weak.finding.ruleId) && a.start < b.end && b.start < a.end) return true;
      return !!implied.get(s.finding.ruleId)?.has(weak.finding.ruleId) && s.key !== undefined && s.key === weak.key;
    });
  return findings.filter((f) => !hidden(f)).map((f) => f.finding);
}

/** rule id → the rule ids it hides, with `tag:` entries expanded over the rule set. */
function relation(ruleSet: RuleSet, names: (meta: RuleMeta) => readonly string[]): Map<string, ReadonlySet<string>> {
  const out = new Map<string, ReadonlySet<string>>();
  for (const rule of ruleSet.rules) {
    const named = names(rule.meta);
    if (named.length === 0) continue;
    const ids = new Set<string>();
    for (const name of named) {
      if (!name.startsWith(TAG_PREFIX)) ids.add(name);
      else for (const other of ruleSet.rules) if (other.meta.tags.includes(name.slice(TAG_PREFIX.length))) ids.add(other.meta.id);
    }
    ids.delete(rule.meta.id);
    out.set(rule.meta.id, ids);
  }
  return out;
}
