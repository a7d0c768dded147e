import { instantiateRule } from './packs/load';
import { withPolicy } from './policy/apply';
import { withKeywordPass } from './rule-set';
import type { AnyTemplate } from './templates/template';
import type { Rule, RuleMatch, RuleMeta, RuleSet } from './types';

// A rule set as data, for another thread (the CLI's scan workers): checks are closures and cannot be
// sent, so each rule travels as the meta and `match` it was instantiated from, and is instantiated
// again on arrival. Everything else of a rule set is plain data (structured-clone safe: Maps and Sets).

export interface RuleSetData extends Omit<RuleSet, 'rules' | 'keywordPass'> {
  readonly rules: readonly { readonly meta: RuleMeta; readonly match: RuleMatch }[];
}

/** The rule set as data, or undefined when a rule cannot be rebuilt from data (one made in code, without `match`). */
export function ruleSetData(ruleSet: RuleSet): RuleSetData | undefined {
  const rules: { meta: RuleMeta; match: RuleMatch }[] = [];
  for (const rule of ruleSet.rules) {
    if (!rule.match) return undefined;
    rules.push({ meta: rule.meta, match: rule.match });
  }
  // The keyword pass is code (an automaton): rebuilt from the rules when revived, never sent.
  const { keywordPass: _pass, ...rest } = ruleSet;
  return { ...rest, rules };
}

/**
 * The rule set again, its rules instantiated by the same templates. Every rule was accepted by this
 * engine when the data was made, so its patterns compile when first run (see SafeRegex).
 */
export function reviveRuleSet(data: RuleSetData, templates: ReadonlyMap<string, AnyTemplate>): RuleSet {
  const rules = data.rules.map(({ meta, match }): Rule => {
    const template = templates.get(match.template);
    if (!template) throw new Error(`rule ${meta.id}: unknown template "${match.template}"`);
    const rule = instantiateRule(meta, match, template, { compiledBefore: true });
    // A policy's rule set gives every check the policy's suppression rules (policy/apply.ts).
    return data.suppressionPolicy ? { ...rule, check: withPolicy(rule.check, data.suppressionPolicy) } : rule;
  });
  return withKeywordPass({ ...data, rules });
}
