import type { LoadedPack, Rule, RuleMeta, RuleSet } from '../engine';
import { composeRuleSet, type PolicyLayer } from '../engine/policy';
import { builtinPackRoot, loadRuleSet } from '../node/rule-packs';
import type { PackLoadError, PackStatus, RuleSetResult, StatusParams } from '../protocol/custom-protocol';

/**
 * The rules in force plus what the status item and docs need to know about them. The packs loaded at
 * start (built-in and extra) stay the base; a policy bundle is composed on top of them and can be
 * replaced while the server runs (docs/policy.md "Merge order").
 */
export class RuleSetService {
  private current: RuleSet;
  private byId: ReadonlyMap<string, Rule>;

  constructor(
    private readonly base: RuleSet,
    readonly errors: readonly PackLoadError[],
    private readonly builtinPackIds: ReadonlySet<string> = new Set(['core']),
  ) {
    this.current = base;
    this.byId = indexById(base);
  }

  get ruleSet(): RuleSet {
    return this.current;
  }

  /**
   * Puts a bundle (or none) on top of the base packs. Returns the problems that prevent it (a rule id
   * defined twice); then the rules in force are left as they were.
   */
  applyBundle(bundle: PolicyLayer | undefined): readonly string[] {
    const composed = this.withBundle(bundle);
    if ('problems' in composed) return composed.problems;
    this.current = composed.ruleSet;
    this.byId = indexById(composed.ruleSet);
    return [];
  }

  /** The base packs with `bundle` on top (or none), without changing the rules in force (a preview). */
  withBundle(bundle: PolicyLayer | undefined): { ruleSet: RuleSet } | { problems: readonly string[] } {
    const packs = this.base.packs.map((info): LoadedPack => ({ info, rules: this.base.rules.filter((r) => r.meta.packId === info.id) }));
    const composed = composeRuleSet({
      builtin: packs.filter((p) => this.builtinPackIds.has(p.info.id)),
      user: packs.filter((p) => !this.builtinPackIds.has(p.info.id)),
      ...(bundle ? { bundle } : {}),
    });
    return composed.errors.length > 0 ? { problems: composed.errors.map((e) => `${e.file}: ${e.message}`) } : { ruleSet: composed.ruleSet };
  }

  meta(ruleId: string): RuleMeta | undefined {
    return this.byId.get(ruleId)?.meta;
  }

  packs(): PackStatus[] {
    return this.current.packs.map((p) => ({
      id: p.id,
      version: p.version,
      ruleCount: this.current.rules.filter((r) => r.meta.packId === p.id).length,
    }));
  }

  status(): StatusParams {
    return { packs: this.packs(), errors: this.errors };
  }

  summary(): RuleSetResult {
    return {
      rules: this.current.rules.map((r) => ({ id: r.meta.id, title: r.meta.title, severity: r.meta.severity, language: r.meta.language, packId: r.meta.packId })),
      packs: this.packs(),
    };
  }
}

/**
 * Loads the built-in pack and any extra packs. Never throws: a missing built-in pack or a broken
 * extra pack is an error in the status, and the server runs with whatever rules did load.
 */
export function loadRuleSetService(extraPackRoots: readonly string[], builtinFrom?: string): RuleSetService {
  const errors: PackLoadError[] = [];
  const roots: string[] = [];
  try {
    roots.push(builtinPackRoot(builtinFrom));
  } catch (err) {
    errors.push({ pack: 'core', file: 'pack.yaml', message: err instanceof Error ? err.message : String(err) });
  }
  roots.push(...extraPackRoots);
  try {
    const loaded = loadRuleSet(roots);
    errors.push(...loaded.errors.map((e) => ({ pack: e.pack, file: e.file, ...(e.line !== undefined ? { line: e.line } : {}), message: e.message })));
    return new RuleSetService(loaded.ruleSet, errors);
  } catch (err) {
    errors.push({ pack: '', file: '', message: `cannot load rule packs: ${err instanceof Error ? err.message : String(err)}` });
    return new RuleSetService({ rules: [], packs: [] }, errors);
  }
}

export function describePackError(e: PackLoadError): string {
  const where = [e.pack, e.file].filter((s) => s.length > 0).join('/');
  return `${where}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;
}

function indexById(ruleSet: RuleSet): ReadonlyMap<string, Rule> {
  return new Map(ruleSet.rules.map((r) => [r.meta.id, r]));
}
