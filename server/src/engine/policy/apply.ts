import { buildRuleSet } from '../rule-set';
import type { LoadedPack, PackError } from '../packs/load';
import { SEVERITIES, type BundleIdentity, type Check, type Provenance, type Rule, type RuleSet, type Severity, type SeverityOverride, type SuppressionPolicy } from '../types';
import { SUPPRESSION_REPORTER, type ApprovedImages, type Policy } from './policy';

// The one merge order (docs/policy.md "Merge order"):
//   1. built-in rules          (rules/core, unless --no-builtin)
//   2. bundle packs            (packs/<id>/ of the bundle, by pack id)
//   3. user packs              (--rules, the editor's extra packs)
//      a rule id defined twice is an error, never an override;
//   4. bundle policy           disabled rules leave the set, severities are replaced,
//                              non-waivable rules and suppression limits go into the rule set;
//   5. user/CLI overrides      (--severity-override, bulwark.severityOverrides), constrained:
//      may raise any severity, may lower or turn off a waivable rule, may NOT lower or turn off a
//      non-waivable rule, and may NOT re-enable a rule the policy disabled.

export interface PolicyLayer {
  readonly policy: Policy;
  readonly packs: readonly LoadedPack[];
  readonly identity: BundleIdentity;
  /** The bundle's approved-images.yaml; the approved-image rules read it from the rule set. */
  readonly approvedImages?: ApprovedImages;
}

export interface ComposeInput {
  readonly builtin: readonly LoadedPack[];
  readonly bundle?: PolicyLayer;
  readonly user: readonly LoadedPack[];
  readonly overrides?: ReadonlyMap<string, SeverityOverride>;
}

export interface RefusedOverride {
  readonly ruleId: string;
  readonly reason: string;
}

export interface ComposedRuleSet {
  readonly ruleSet: RuleSet;
  /** Rule-id collisions between packs. */
  readonly errors: readonly PackError[];
  /** User overrides the policy does not allow; the rest were applied. */
  readonly refused: readonly RefusedOverride[];
}

const RANK: ReadonlyMap<Severity, number> = new Map(SEVERITIES.map((s, i) => [s, SEVERITIES.length - i]));

export function composeRuleSet(input: ComposeInput): ComposedRuleSet {
  const packs = [...input.builtin, ...(input.bundle?.packs ?? []), ...input.user];
  const built = buildRuleSet(packs);
  const errors = [...duplicatePackIds(packs), ...built.errors];
  const refused: RefusedOverride[] = [];
  if (!input.bundle) return { ruleSet: built.ruleSet, errors, refused };
  const { policy, identity } = input.bundle;
  const nonWaivable = new Set([...policy.nonWaivable, SUPPRESSION_REPORTER]);
  const suppressionPolicy: SuppressionPolicy = { nonWaivable, maxUntilDays: policy.maxUntilDays, source: describe(identity) };
  const packVersion = new Map(built.ruleSet.packs.map((p) => [p.id, p.version]));
  const bundlePacks = new Set(input.bundle.packs.map((p) => p.info.id));
  const builtinPacks = new Set(input.builtin.map((p) => p.info.id));
  const rules: Rule[] = [];
  for (const rule of built.ruleSet.rules) {
    const id = rule.meta.id;
    const override = input.overrides?.get(id);
    if (policy.disabled.has(id)) {
      if (override !== undefined) refused.push({ ruleId: id, reason: `${describe(identity)} disables it; a user override cannot re-enable it` });
      continue;
    }
    let severity = policy.severity.get(id) ?? rule.meta.severity;
    let severityFrom: Provenance['severityFrom'] = policy.severity.has(id) ? 'policy' : 'rule';
    if (override !== undefined) {
      const weaker = override === 'off' || (RANK.get(override) ?? 0) < (RANK.get(severity) ?? 0);
      if (weaker && nonWaivable.has(id)) {
        refused.push({ ruleId: id, reason: `${describe(identity)} makes it non-waivable; an override may raise its severity (${severity}) but not ${override === 'off' ? 'turn it off' : `lower it to ${override}`}` });
      } else if (override === 'off') {
        continue;
      } else {
        severity = override;
        severityFrom = 'user';
      }
    }
    const provenance: Provenance = {
      ruleId: id,
      packId: rule.meta.packId,
      packVersion: packVersion.get(rule.meta.packId) ?? '',
      source: bundlePacks.has(rule.meta.packId) ? 'bundle' : builtinPacks.has(rule.meta.packId) ? 'builtin' : 'user',
      bundle: identity,
      severityFrom,
      nonWaivable: nonWaivable.has(id),
    };
    rules.push({ ...rule, meta: { ...rule.meta, severity, provenance }, check: withPolicy(rule.check, suppressionPolicy) });
  }
  const ruleSet: RuleSet = {
    rules,
    packs: built.ruleSet.packs,
    bundle: identity,
    suppressionPolicy,
    ...(input.bundle.approvedImages ? { approvedImages: input.bundle.approvedImages } : {}),
  };
  return { ruleSet, errors, refused };
}

/** Provenance names a rule's pack by id and version: two packs with one id would make it ambiguous. */
function duplicatePackIds(packs: readonly LoadedPack[]): PackError[] {
  const seen = new Map<string, string>();
  const errors: PackError[] = [];
  for (const pack of packs) {
    const first = seen.get(pack.info.id);
    if (first !== undefined) errors.push({ file: `${pack.info.root}/pack.yaml`, message: `pack id "${pack.info.id}" is already used by the pack in ${first}` });
    else seen.set(pack.info.id, pack.info.root);
  }
  return errors;
}

/** Every check sees the policy's suppression rules in its context (the suppression reporter reads them). */
export function withPolicy(check: Check<never>, suppressionPolicy: SuppressionPolicy): Check<never> {
  return (model, ctx) => check(model, { ...ctx, suppressionPolicy });
}

function describe(identity: BundleIdentity): string {
  return `policy ${identity.name} ${identity.version}`;
}
