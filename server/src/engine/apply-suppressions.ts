import { parsePeerSuppressions, type LineRange } from './peer-suppressions';
import { parseSuppressions, waivedRuleIds, type SuppressionDirective } from './suppressions';
import type { LineIndex } from './text';
import type { Finding, RuleSet, Span, SuppressedFinding, SuppressionPolicy } from './types';

/** What suppression needs of a parsed file. */
export interface SuppressionInput {
  readonly text: string;
  readonly lines: LineIndex;
  /** A Dockerfile's instructions: a directive covers the whole instruction below it, continuation lines too. */
  readonly instructions?: readonly Span[];
  /** A YAML file's `---` sections (a checkov:skip covers the document it is in). */
  readonly documents?: readonly Span[];
  /**
   * False when the caller knows no `bulwark-ignore` is in the text (a manifest asks its sections, each
   * answer memoised with the section): no pass over the whole text at each keystroke to find none.
   */
  readonly mayHoldDirectives?: boolean;
  /** The text's directives when the caller keeps them (a text model's memo, shared with the rule that reports invalid ones). */
  directives?(now: Date, policy: SuppressionPolicy | undefined): readonly SuppressionDirective[];
}

interface Cover {
  readonly ruleIds: readonly string[];
  covers(line: number): boolean;
  readonly reason: string;
  readonly until?: string;
}

/**
 * bulwark-ignore comments, and with `honorPeers` the peers' own comments (peer-suppressions.ts). A policy's
 * non-waivable rules are never waived by either; a policy that requires `until=` dates refuses peer
 * comments altogether (they cannot carry one).
 */
export function applySuppressions(findings: Finding[], input: SuppressionInput, now: Date, ruleSet: RuleSet, honorPeers: boolean): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  const coverOf = suppressionCovers(input, now, ruleSet, honorPeers);
  if (!coverOf) return { kept: findings, suppressed: [] };
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const cover = coverOf(finding.ruleId, finding.span.start);
    if (cover) suppressed.push({ finding, reason: cover.reason, ...(cover.until ? { until: cover.until } : {}) });
    else kept.push(finding);
  }
  return { kept, suppressed };
}

/**
 * The suppression that would hide a finding of `ruleId` starting at `offset`, by the rules above; undefined
 * (the function) when the file suppresses nothing. For work that is not a finding but answers to a rule
 * (`scan --fix --pin-digests` and the digest-pin rules).
 */
export function suppressionCovers(input: SuppressionInput, now: Date, ruleSet: RuleSet, honorPeers: boolean): ((ruleId: string, offset: number) => { readonly reason: string; readonly until?: string } | undefined) | undefined {
  const policy = ruleSet.suppressionPolicy;
  const covers: Cover[] = (input.mayHoldDirectives === false ? [] : (input.directives?.(now, policy) ?? parseSuppressions(input.text, input.lines, now, policy)))
    .filter((d) => d.problems.length === 0)
    .map((d) => ({ ruleIds: waivedRuleIds(d, policy), covers: (line) => d.scope === 'file' || d.targetLine === line, reason: d.reason ?? '', until: d.until }));
  if (honorPeers && policy?.maxUntilDays === undefined) covers.push(...peerCovers(input, ruleSet, now, policy));
  if (covers.length === 0) return undefined;
  const statementLine = statementLineOf(input);
  return (ruleId, offset) => {
    const line = statementLine(offset);
    return covers.find((c) => c.ruleIds.includes(ruleId) && c.covers(line));
  };
}

function peerCovers(input: SuppressionInput, ruleSet: RuleSet, now: Date, policy: SuppressionPolicy | undefined): Cover[] {
  if (!/hadolint|checkov|kics-scan|trivy:/.test(input.text)) return [];
  const lines = input.lines;
  const sections: LineRange[] = (input.documents ?? []).map((d) => ({ fromLine: lines.lineOf(d.start), toLine: lines.lineOf(Math.max(d.start, d.end - 1)) }));
  return parsePeerSuppressions(lines, ruleSet, sections, now, input.documents !== undefined).map((p) => ({
    ruleIds: p.ruleIds.filter((id) => !policy?.nonWaivable.has(id)),
    covers: (line) => p.fromLine <= line && line <= p.toLine,
    reason: `${p.tool}: ${p.reason}`,
  }));
}

function statementLineOf(input: SuppressionInput): (offset: number) => number {
  const { lines, instructions } = input;
  if (!instructions) return (offset) => lines.lineOf(offset);
  return (offset) => {
    const owner = instructions.find((s) => s.start <= offset && offset <= s.end);
    return lines.lineOf(owner ? owner.start : offset);
  };
}
