import { SEVERITIES, type Finding, type RuleMeta, type RuleSet } from './types';

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
 * A hidden rule still reports wherever the stronger one is off, overridden or silent. One problem is never
 * demoted: the finding that remains takes the highest severity of those it hides (secret-github-token is
 * critical, docker-secret-in-env high: the ENV line is one critical finding).
 */
export function dropSuperseded(findings: readonly KeyedFinding[], ruleSet: RuleSet): Finding[] {
  const { hidden, raised } = judge(findings, ruleSet);
  return findings
    .filter((f) => !hidden.has(f))
    .map((f) => {
      const to = raised.get(f);
      return to !== undefined && to < rank(f.finding) ? { ...f.finding, severity: SEVERITIES[to] } : f.finding;
    });
}

/** The findings another one hides (for suppressed findings: one problem is not also listed as suppressed twice). */
export function supersededFindings(findings: readonly KeyedFinding[], ruleSet: RuleSet): ReadonlySet<Finding> {
  return new Set([...judge(findings, ruleSet).hidden].map((f) => f.finding));
}

function judge(findings: readonly KeyedFinding[], ruleSet: RuleSet): { hidden: Set<KeyedFinding>; raised: Map<KeyedFinding, number> } {
  const hidden = new Set<KeyedFinding>();
  const raised = new Map<KeyedFinding, number>();
  const overlapping = relation(ruleSet, (m) => m.supersedes);
  const implied = relation(ruleSet, (m) => m.implies ?? []);
  if (overlapping.size === 0 && implied.size === 0) return { hidden, raised };
  const strong = findings.filter((f) => overlapping.has(f.finding.ruleId) || implied.has(f.finding.ruleId));
  const hides = (s: KeyedFinding, weak: KeyedFinding): boolean => {
    if (s === weak || s.finding.ruleId === weak.finding.ruleId) return false;
    const a = s.finding.span;
    const b = weak.finding.span;
    // Two rules that name each other (both `tag:secret`) hide neither: one report must remain.
    const mutual = overlapping.get(weak.finding.ruleId)?.has(s.finding.ruleId);
    if (!mutual && overlapping.get(s.finding.ruleId)?.has(weak.finding.ruleId) && a.start < b.end && b.start < a.end) return true;
    return !!implied.get(s.finding.ruleId)?.has(weak.finding.ruleId) && s.key !== undefined && s.key === weak.key;
  };
  // Only the strong findings whose rule names the weak finding's rule can hide it: a file with hundreds
  // of findings (a generated Dockerfile has ~500, ~200 of them of rules that hide others) would
  // otherwise compare every pair.
  const candidates = new Map<string, KeyedFinding[]>();
  const candidatesFor = (ruleId: string): KeyedFinding[] => {
    let found = candidates.get(ruleId);
    if (!found) {
      found = strong.filter((s) => overlapping.get(s.finding.ruleId)?.has(ruleId) || implied.get(s.finding.ruleId)?.has(ruleId));
      candidates.set(ruleId, found);
    }
    return found;
  };
  for (const f of findings) {
    const by = candidatesFor(f.finding.ruleId).filter((s) => hides(s, f));
    if (by.length > 0) hidden.add(f);
    for (const s of by) raised.set(s, Math.min(raised.get(s) ?? rank(s.finding), rank(f.finding)));
  }
  return { hidden, raised };
}

function rank(finding: Finding): number {
  return SEVERITIES.indexOf(finding.severity);
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
