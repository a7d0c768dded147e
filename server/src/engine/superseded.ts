import { LineIndex } from './text';
import { SEVERITIES, type Finding, type RelatedLocation, type RuleMeta, type RuleSet, type SourceFile } from './types';
import { compareNames } from './name-order';

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
 * What an `implies` finding hid elsewhere is not lost: with `relatedOf`, each becomes related information of
 * the finding that remains (the user sees what else privileged: true means, at its place).
 */
export function dropSuperseded(findings: readonly KeyedFinding[], ruleSet: RuleSet, relatedOf?: (hidden: Finding) => RelatedLocation): Finding[] {
  const { hidden, raised, implied } = judge(findings, ruleSet);
  return findings
    .filter((f) => !hidden.has(f))
    .map((f) => {
      const to = raised.get(f);
      const finding = to !== undefined && to < rank(f.finding) ? { ...f.finding, severity: SEVERITIES[to] } : f.finding;
      const absorbed = relatedOf ? (implied.get(f) ?? []) : [];
      if (!relatedOf || absorbed.length === 0) return finding;
      const ordered = [...absorbed].sort((a, b) => a.finding.span.start - b.finding.span.start || compareNames(a.finding.ruleId, b.finding.ruleId));
      return { ...finding, related: [...(finding.related ?? []), ...ordered.map((h) => relatedOf(h.finding))] };
    });
}

/** A hidden finding of the analysed file as related information of the one that implies it (its place, its words). */
export function impliedAsRelated(file: SourceFile): (hidden: Finding) => RelatedLocation {
  let lines: LineIndex | undefined;
  return (hidden) => {
    lines ??= new LineIndex(file.text);
    const range = { start: lines.positionAt(hidden.span.start), end: lines.positionAt(hidden.span.end) };
    return { uri: file.uri, range, message: `Implied as well (${hidden.ruleId}): ${hidden.message}` };
  };
}

/** The findings another one hides (for suppressed findings: one problem is not also listed as suppressed twice). */
export function supersededFindings(findings: readonly KeyedFinding[], ruleSet: RuleSet): ReadonlySet<Finding> {
  return new Set([...judge(findings, ruleSet).hidden].map((f) => f.finding));
}

interface Judgement {
  readonly hidden: Set<KeyedFinding>;
  readonly raised: Map<KeyedFinding, number>;
  /** Strong finding → the findings it hides through `implies` (about its subject, elsewhere in the file). */
  readonly implied: Map<KeyedFinding, KeyedFinding[]>;
}

function judge(findings: readonly KeyedFinding[], ruleSet: RuleSet): Judgement {
  const hidden = new Set<KeyedFinding>();
  const raised = new Map<KeyedFinding, number>();
  const impliedBy = new Map<KeyedFinding, KeyedFinding[]>();
  // Hiding takes two findings; most files have fewer, and the relations cost a walk of the rule set.
  if (findings.length < 2) return { hidden, raised, implied: impliedBy };
  // Only the rules that reported are ever looked up (on either side), so only they are related.
  const reporting = new Set(findings.map((f) => f.finding.ruleId));
  const rules = ruleSet.rules.filter((r) => reporting.has(r.meta.id)).map((r) => r.meta);
  const overlapping = relation(rules, (m) => m.supersedes);
  const implied = relation(rules, (m) => m.implies ?? []);
  if (overlapping.size === 0 && implied.size === 0) return { hidden, raised, implied: impliedBy };
  const strong = findings.filter((f) => overlapping.has(f.finding.ruleId) || implied.has(f.finding.ruleId));
  const overlaps = (s: KeyedFinding, weak: KeyedFinding): boolean => {
    const a = s.finding.span;
    const b = weak.finding.span;
    // Two rules that name each other (both `tag:secret`) hide neither: one report must remain.
    const mutual = overlapping.get(weak.finding.ruleId)?.has(s.finding.ruleId);
    return !mutual && !!overlapping.get(s.finding.ruleId)?.has(weak.finding.ruleId) && a.start < b.end && b.start < a.end;
  };
  const implies = (s: KeyedFinding, weak: KeyedFinding): boolean => !!implied.get(s.finding.ruleId)?.has(weak.finding.ruleId) && s.key !== undefined && s.key === weak.key;
  const candidates = candidatesFor(strong, implied);
  for (const f of findings) {
    const near = candidates(f);
    // Most findings have no strong one near them: no list made for those (thousands per keystroke in a long file).
    if (near.length === 0) continue;
    const by = near.filter((s) => s !== f && s.finding.ruleId !== f.finding.ruleId && (overlaps(s, f) || implies(s, f)));
    if (by.length > 0) hidden.add(f);
    for (const s of by) raised.set(s, Math.min(raised.get(s) ?? rank(s.finding), rank(f.finding)));
    // One hidden by an overlapping finding too is that finding's problem (the restricted twin of a
    // capability): listed once, through the finding that covers it.
    if (by.some((s) => overlaps(s, f))) continue;
    for (const s of by) impliedBy.set(s, [...(impliedBy.get(s) ?? []), f]);
  }
  return { hidden, raised, implied: impliedBy };
}

/**
 * The strong findings that may hide `f`: those whose span may overlap it (found by start, so a file
 * with a thousand secrets is not a million comparisons per keystroke) and those with its report key.
 */
function candidatesFor(strong: readonly KeyedFinding[], implied: ReadonlyMap<string, ReadonlySet<string>>): (f: KeyedFinding) => readonly KeyedFinding[] {
  const byStart = [...strong].sort((a, b) => a.finding.span.start - b.finding.span.start);
  const longest = byStart.reduce((n, s) => Math.max(n, s.finding.span.end - s.finding.span.start), 0);
  const byKey = new Map<string, KeyedFinding[]>();
  for (const s of strong) {
    if (s.key === undefined || !implied.has(s.finding.ruleId)) continue;
    const list = byKey.get(s.key);
    if (list) list.push(s);
    else byKey.set(s.key, [s]);
  }
  return (f) => {
    const { start, end } = f.finding.span;
    const out = new Set<KeyedFinding>();
    // The first strong finding that starts late enough to reach `start`, then every one starting before `end`.
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid].finding.span.start < start - longest) lo = mid + 1;
      else hi = mid;
    }
    const sameKey = f.key !== undefined ? byKey.get(f.key) : undefined;
    if (!sameKey && (lo >= byStart.length || byStart[lo].finding.span.start >= end)) return NONE;
    for (let i = lo; i < byStart.length && byStart[i].finding.span.start < end; i++) out.add(byStart[i]);
    for (const s of sameKey ?? []) out.add(s);
    return [...out];
  };
}

const NONE: readonly KeyedFinding[] = Object.freeze([]);

function rank(finding: Finding): number {
  return SEVERITIES.indexOf(finding.severity);
}

/** rule id → the rule ids it hides, with `tag:` entries expanded over the rule set. */
function relation(rules: readonly RuleMeta[], names: (meta: RuleMeta) => readonly string[]): Map<string, ReadonlySet<string>> {
  const out = new Map<string, ReadonlySet<string>>();
  for (const rule of rules) {
    const named = names(rule);
    if (named.length === 0) continue;
    const ids = new Set<string>();
    for (const name of named) {
      if (!name.startsWith(TAG_PREFIX)) ids.add(name);
      else for (const other of rules) if (other.tags.includes(name.slice(TAG_PREFIX.length))) ids.add(other.id);
    }
    ids.delete(rule.id);
    out.set(rule.id, ids);
  }
  return out;
}
