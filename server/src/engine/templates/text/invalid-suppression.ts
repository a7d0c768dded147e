import { modelSuppressions, type SuppressionDirective } from '../../suppressions';
import type { SuppressionPolicy } from '../../types';
import { defineTemplate } from '../template';

/** Rule ids are kebab-case, as the pack schema requires; `DL3007` or `CKV_K8S_20` are peers' ids. */
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const invalidSuppression = defineTemplate<'text', Record<string, never>>({
  id: 'text-invalid-suppression',
  language: 'text',
  description:
    'Reports bulwark-ignore / bulwark-ignore-file comments that suppress nothing: no rule id, no reason="…", an until date that is invalid or past (checked against the analysis date), or a rule id that is not a Bulwark rule id (not kebab-case, e.g. a peer id such as DL3007). With a policy bundle, also a rule id the policy makes non-waivable, and an until missing or beyond the policy\'s limit. The finding spans the directive; the message names every problem.',
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  placeholders: ['problem', 'effect'],
  instantiate: () => (model, ctx) => {
    for (const directive of modelSuppressions(model, ctx.now, ctx.suppressionPolicy)) {
      const problems = problemsOf(model.text, directive, ctx.suppressionPolicy);
      if (problems.length === 0) continue;
      const badIds = directive.ruleIds.filter((id) => !RULE_ID.test(id) || ctx.suppressionPolicy?.nonWaivable.has(id));
      const partial = directive.problems.length === 0 && badIds.length < directive.ruleIds.length;
      ctx.report({
        span: directive.span,
        data: { problem: joinProblems(problems), effect: partial ? (badIds.length > 1 ? 'those ids suppress nothing' : 'that id suppresses nothing') : 'it suppresses nothing' },
      });
    }
  },
});

function problemsOf(text: string, directive: SuppressionDirective, policy: SuppressionPolicy | undefined): string[] {
  // `bulwark-ignore reason="…"`: the parser takes `reason` for the rule id and never sees the attributes.
  if (directive.ruleIds.length === 1 && isAttributeName(text, directive, directive.ruleIds[0])) return ['names no rule'];
  const problems = [...directive.problems];
  for (const id of directive.ruleIds) {
    if (!RULE_ID.test(id)) problems.push(`names "${id}", which is not a Bulwark rule id`);
    else if (policy?.nonWaivable.has(id)) problems.push(`names "${id}", which ${policy.source} makes non-waivable`);
  }
  return problems;
}

/**
 * `bulwark-ignore reason="…"` without a rule id: the parser reads `reason` as the id. Reported as
 * "names no rule", not as a strange id.
 */
function isAttributeName(text: string, directive: SuppressionDirective, id: string): boolean {
  return /^[a-z]+$/.test(id) && text.endsWith(id, directive.span.end) && text[directive.span.end] === '=';
}

function joinProblems(problems: readonly string[]): string {
  if (problems.length <= 1) return problems.join('');
  return `${problems.slice(0, -1).join(', ')} and ${problems[problems.length - 1]}`;
}
