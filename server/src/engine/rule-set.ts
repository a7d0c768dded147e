import type { LoadedPack, PackError } from './packs/load';
import { sharedKeywordPass, type BuiltKeywordPass } from './templates/text/keyword-pass';
import type { Rule, RuleSet } from './types';

/** Combines packs in order; a rule id already taken by an earlier pack is an error, not an override. */
export function buildRuleSet(packs: readonly LoadedPack[]): { ruleSet: RuleSet; errors: PackError[] } {
  const rules: Rule[] = [];
  const owner = new Map<string, string>();
  const errors: PackError[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const taken = owner.get(rule.meta.id);
      if (taken) {
        errors.push({ file: `${pack.info.root}/${rule.meta.path ?? ''}`, message: `rule "${rule.meta.id}" is already defined by pack "${taken}"` });
        continue;
      }
      owner.set(rule.meta.id, pack.info.id);
      rules.push(rule);
    }
  }
  const built = packs.flatMap((p) => (p.keywordPass ? [p.keywordPass] : []));
  return { ruleSet: withKeywordPass({ rules, packs: packs.map((p) => p.info) }, built), errors };
}

/**
 * The rule set with one shared keyword pass for its rules' keywords (RuleSet.keywordPass); `built`: passes
 * a build made (a pack's), used when one is for exactly these keywords.
 */
export function withKeywordPass(ruleSet: RuleSet, built: readonly BuiltKeywordPass[] = []): RuleSet {
  const { keywordPass: _old, ...rest } = ruleSet;
  const pass = sharedKeywordPass(ruleSet.rules, built);
  return pass ? { ...rest, keywordPass: pass } : rest;
}

/** A rule set with only the given rules, as the fixture harness uses (ESLint's RuleTester does the same). */
export function onlyRules(ruleSet: RuleSet, ids: ReadonlySet<string>): RuleSet {
  return { ...ruleSet, rules: ruleSet.rules.filter((r) => ids.has(r.meta.id)) };
}
