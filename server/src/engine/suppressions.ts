import type { TextModel } from './parsers/text';
import type { LineIndex } from './text';
import type { Span, SuppressionPolicy } from './types';

/**
 * `bulwark-ignore <rule-id>[,<rule-id>…] reason="…" until=YYYY-MM-DD` in a comment suppresses those
 * rules on the next statement (or on its own line when code precedes the comment);
 * `bulwark-ignore-file …` suppresses them in the whole file. A directive without a reason, or past
 * its date, suppresses nothing and is reported by the `bulwark-invalid-suppression` rule.
 */
export interface SuppressionDirective {
  readonly scope: 'line' | 'file';
  readonly ruleIds: readonly string[];
  readonly reason?: string;
  readonly until?: string;
  /** The directive text, from `bulwark-ignore` to the end of the comment. */
  readonly span: Span;
  /** Line of the directive itself. */
  readonly line: number;
  /** Line whose statement it covers (line scope). */
  readonly targetLine: number;
  /** Why the directive does not suppress anything; empty when it is valid. */
  readonly problems: readonly string[];
}

const DIRECTIVE =
  /(?:#|\/\/|\/\*|<!--|--|;|^\s*\*)[ \t]*(bulwark-ignore(-file)?)(?:[ \t]+([A-Za-z0-9_./,-]+))?((?:[ \t]+[a-z]+=(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\s"']*))*)[ \t]*(?:\*\/|-->)?/;
// The look-behind starts an attempt only at a word's start: a long word with no `=` was re-read from each letter.
const ATTRIBUTE = /(?<![a-z])([a-z]+)=(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s"']*))/g;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * With a policy, a directive whose `until` is missing or further away than the policy's limit is
 * invalid as a whole; non-waivable rule ids are refused per id (policy/enforce.ts).
 */
export function parseSuppressions(text: string, lines: LineIndex, now: Date, policy?: SuppressionPolicy): SuppressionDirective[] {
  if (!text.includes('bulwark-ignore')) return [];
  const found: Omit<SuppressionDirective, 'targetLine'>[] = [];
  const ownLine = new Set<number>();
  for (const line of linesWith(text, lines, 'bulwark-ignore')) {
    const content = lines.lineText(line);
    const m = DIRECTIVE.exec(content);
    if (!m) continue;
    const keywordAt = m.index + m[0].indexOf(m[1]);
    const commentAt = m.index;
    if (content.slice(0, commentAt).trim() === '') ownLine.add(line);
    const attributes = parseAttributes(m[4] ?? '');
    const ruleIds = (m[3] ?? '').split(',').filter((id) => id.length > 0);
    const problems = validate(ruleIds, attributes, now, policy);
    const start = lines.lineStart(line) + keywordAt;
    found.push({
      scope: m[2] ? 'file' : 'line',
      ruleIds,
      reason: attributes.get('reason')?.trim() || undefined,
      until: attributes.get('until'),
      span: { start, end: lines.lineStart(line) + m.index + m[0].trimEnd().length },
      line,
      problems,
    });
  }
  const targets = stackTargets(ownLine, lines);
  return found.map((d) => ({ ...d, targetLine: targets.get(d.line) ?? d.line }));
}

/** The key of a text model's memoised directives (an object no other memo uses). */
const DIRECTIVES: object = Object.freeze({});

interface DirectivesMemo {
  readonly now: number;
  readonly policy: SuppressionPolicy | undefined;
  readonly directives: readonly SuppressionDirective[];
}

/**
 * parseSuppressions once per model, date and policy: the invalid-suppression rule and the suppression step
 * both ask at each keystroke, and each pass over a 1 MB source cost 0.4-1 ms.
 */
export function modelSuppressions(model: TextModel, now: Date, policy?: SuppressionPolicy): readonly SuppressionDirective[] {
  const memo = model.memo.get(DIRECTIVES) as DirectivesMemo | undefined;
  if (memo && memo.now === now.getTime() && memo.policy === policy) return memo.directives;
  const directives = parseSuppressions(model.text, model.lines, now, policy);
  model.memo.set(DIRECTIVES, { now: now.getTime(), policy, directives });
  return directives;
}

/**
 * The lines holding `needle`, in order, each once: found by searching the text, so an analysis at each
 * keystroke does not cut every line of a large file that has a directive somewhere.
 */
function* linesWith(text: string, lines: LineIndex, needle: string): Generator<number> {
  let last = -1;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    const line = lines.lineOf(at);
    if (line !== last) yield line;
    last = line;
  }
}

function parseAttributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) out.set(m[1], m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

function validate(ruleIds: readonly string[], attributes: Map<string, string>, now: Date, policy: SuppressionPolicy | undefined): string[] {
  const problems: string[] = [];
  if (ruleIds.length === 0) problems.push('names no rule');
  if (!attributes.get('reason')?.trim()) problems.push('has no reason="…"');
  const until = attributes.get('until');
  if (until !== undefined) {
    const m = DATE.exec(until);
    const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
    if (!date || Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(m?.[3]) || date.getUTCMonth() !== Number(m?.[2]) - 1) {
      problems.push(`has an invalid until date "${until}" (use YYYY-MM-DD)`);
    } else if (date.getTime() + 86_400_000 <= now.getTime()) {
      problems.push(`expired on ${until}`);
    } else if (policy && untilBeyondLimit(until, now, policy)) {
      problems.push(`has until=${until}, more than the ${policy.maxUntilDays} days ${policy.source} allows`);
    }
  } else if (policy?.maxUntilDays !== undefined) {
    problems.push(`has no until=YYYY-MM-DD, which ${policy.source} requires (at most ${policy.maxUntilDays} days ahead)`);
  }
  return problems;
}

/** True when a policy limits suppressions and `until` (YYYY-MM-DD, or absent) is missing or too far away. */
function untilBeyondLimit(until: string | undefined, now: Date, policy: SuppressionPolicy | undefined): boolean {
  if (policy?.maxUntilDays === undefined) return false;
  const m = until === undefined ? null : DATE.exec(until);
  if (!m) return true;
  const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) > startOfToday + policy.maxUntilDays * 86_400_000;
}


/**
 * Stacked directive lines all point at the first line below them that is not a directive. Computed
 * bottom-up in one pass, so a long stack costs linear time, not quadratic.
 */
function stackTargets(ownLine: ReadonlySet<number>, lines: LineIndex): Map<number, number> {
  const targets = new Map<number, number>();
  for (const line of [...ownLine].sort((a, b) => b - a)) {
    const next = line + 1;
    targets.set(line, ownLine.has(next) && next < lines.lineCount ? (targets.get(next) ?? next) : next);
  }
  return targets;
}

/** The ids a valid directive really suppresses: a policy's non-waivable rules are never waived. */
export function waivedRuleIds(directive: SuppressionDirective, policy: SuppressionPolicy | undefined): readonly string[] {
  if (!policy || policy.nonWaivable.size === 0) return directive.ruleIds;
  return directive.ruleIds.filter((id) => !policy.nonWaivable.has(id));
}
