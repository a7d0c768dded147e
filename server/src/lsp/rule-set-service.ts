import type { Rule, RuleMeta, RuleSet } from '../engine';
import { builtinPackRoot, loadRuleSet } from '../node/rule-packs';
import type { PackLoadError, PackStatus, RuleSetResult, StatusParams } from './custom-protocol';

/** The loaded rule set plus what the status item and docs need to know about it. */
export class RuleSetService {
  private readonly byId: ReadonlyMap<string, Rule>;

  constructor(
    readonly ruleSet: RuleSet,
    readonly errors: readonly PackLoadError[],
  ) {
    this.byId = new Map(ruleSet.rules.map((r) => [r.meta.id, r]));
  }

  meta(ruleId: string): RuleMeta | undefined {
    return this.byId.get(ruleId)?.meta;
  }

  packs(): PackStatus[] {
    return this.ruleSet.packs.map((p) => ({
      id: p.id,
      version: p.version,
      ruleCount: this.ruleSet.rules.filter((r) => r.meta.packId === p.id).length,
    }));
  }

  status(): StatusParams {
    return { packs: this.packs(), errors: this.errors };
  }

  summary(): RuleSetResult {
    return {
      rules: this.ruleSet.rules.map((r) => ({ id: r.meta.id, title: r.meta.title, severity: r.meta.severity, language: r.meta.language, packId: r.meta.packId })),
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
