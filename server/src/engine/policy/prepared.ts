import { instantiateRule, type LoadedPack } from '../packs/load';
import type { AnyTemplate } from '../templates/template';
import type { BundleIdentity, PackInfo, RuleMatch, RuleMeta, Severity } from '../types';
import type { LoadedBundle } from './bundle';
import type { ApprovedImages, Policy, RuleReference } from './policy';

// A loaded bundle as plain JSON data: what schema validation, YAML parsing and the pack loader's checks
// concluded, without the compiled checks. Restoring it only instantiates the templates again, so a
// bundle verified and validated once (when it was pulled) starts in milliseconds. Whoever stores it is
// responsible for handing back exactly the bytes it stored (node/policy/prepared-bundle.ts hashes them).

export interface PreparedBundle {
  readonly identity: BundleIdentity;
  readonly policy: {
    readonly name: string;
    readonly version: string;
    readonly description?: string;
    readonly minEngineVersion?: string;
    readonly disabled: readonly string[];
    readonly severity: Readonly<Record<string, Severity>>;
    readonly nonWaivable: readonly string[];
    readonly maxUntilDays?: number;
    readonly references: readonly RuleReference[];
  };
  readonly approvedImages?: ApprovedImages;
  readonly packs: readonly { readonly info: PackInfo; readonly rules: readonly { readonly meta: RuleMeta; readonly match: RuleMatch }[] }[];
}

/** Undefined when a rule has no `match` (it was not made by the pack loader), so it cannot be prepared. */
export function prepareBundle(bundle: LoadedBundle): PreparedBundle | undefined {
  const { policy } = bundle;
  const packs: PreparedBundle['packs'][number][] = [];
  for (const pack of bundle.packs) {
    const rules: { meta: RuleMeta; match: RuleMatch }[] = [];
    for (const rule of pack.rules) {
      if (!rule.match) return undefined;
      rules.push({ meta: rule.meta, match: rule.match });
    }
    packs.push({ info: pack.info, rules });
  }
  return {
    identity: bundle.identity,
    policy: {
      name: policy.name,
      version: policy.version,
      ...(policy.description !== undefined ? { description: policy.description } : {}),
      ...(policy.minEngineVersion !== undefined ? { minEngineVersion: policy.minEngineVersion } : {}),
      disabled: [...policy.disabled],
      severity: Object.fromEntries(policy.severity),
      nonWaivable: [...policy.nonWaivable],
      ...(policy.maxUntilDays !== undefined ? { maxUntilDays: policy.maxUntilDays } : {}),
      references: policy.references,
    },
    ...(bundle.approvedImages ? { approvedImages: bundle.approvedImages } : {}),
    packs,
  };
}

/** Instantiates every rule again. Throws when a template is unknown or refuses its params. */
export function restoreBundle(prepared: PreparedBundle, templates: ReadonlyMap<string, AnyTemplate>): LoadedBundle {
  const p = prepared.policy;
  const policy: Policy = {
    name: p.name,
    version: p.version,
    description: p.description,
    minEngineVersion: p.minEngineVersion,
    disabled: new Set(p.disabled),
    severity: new Map(Object.entries(p.severity)),
    nonWaivable: new Set(p.nonWaivable),
    maxUntilDays: p.maxUntilDays,
    references: p.references,
  };
  const packs: LoadedPack[] = prepared.packs.map((pack) => ({
    info: pack.info,
    rules: pack.rules.map(({ meta, match }) => {
      const template = templates.get(match.template);
      if (!template) throw new Error(`rule ${meta.id}: unknown template "${match.template}"`);
      return instantiateRule(meta, match, template);
    }),
  }));
  return { policy, approvedImages: prepared.approvedImages, packs, identity: prepared.identity };
}
