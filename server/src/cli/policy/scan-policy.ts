import type { LoadedPack, RuleSet } from '../../engine';
import { composeRuleSet } from '../../engine/policy';
import type { ScanOptions } from '../args';
import { UsageError } from '../exit-codes';
import { loadRules } from '../load-rules';
import type { LoadedBundle } from '../../engine/policy';

// `bulwark scan` with a policy bundle (local, or pulled and verified by registry-policy.ts): the bundle
// composed with the built-in and user packs in the documented merge order. CI fails closed: a bundle
// that cannot be applied is exit 2 with the reason, never a silent fallback to the built-in rules.

export function loadPolicyRules(options: ScanOptions, cwd: string, bundle: LoadedBundle): { ruleSet: RuleSet; options: ScanOptions } {
  const builtin = options.builtin ? packsOf(loadRules({ builtin: true, packs: [] }, cwd)) : [];
  const user = options.packs.length > 0 ? packsOf(loadRules({ builtin: false, packs: options.packs }, cwd)) : [];
  const known = new Set([...builtin, ...bundle.packs, ...user].flatMap((p) => p.rules.map((r) => r.meta.id)));
  const unknown = [...options.severityOverrides.keys()].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new UsageError(`--severity-override names unknown rule${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')} (see "bulwark rules")`);
  const composed = composeRuleSet({
    builtin,
    bundle: { policy: bundle.policy, packs: bundle.packs, identity: bundle.identity, approvedImages: bundle.approvedImages },
    user,
    overrides: options.severityOverrides,
  });
  if (composed.errors.length > 0) throw new UsageError(`the policy bundle cannot be combined with the other rule packs`, composed.errors.map((e) => `${e.file}: ${e.message}`));
  if (composed.refused.length > 0) {
    throw new UsageError(`--severity-override refused by the policy bundle`, composed.refused.map((r) => `${r.ruleId}: ${r.reason}`));
  }
  // The overrides now live in the rule set (with provenance); analyze() must not apply them twice.
  return { ruleSet: composed.ruleSet, options: { ...options, severityOverrides: new Map() } };
}

/** A loaded rule set back into its packs, in order, so packs can be composed with a bundle's. */
export function packsOf(ruleSet: RuleSet): LoadedPack[] {
  return ruleSet.packs.map((info) => ({ info, rules: ruleSet.rules.filter((r) => r.meta.packId === info.id) }));
}
