import * as path from 'node:path';
import type { RuleSet, SeverityOverride } from '../engine';
import { builtinPackRoot, loadRuleSet } from '../node/rule-packs';
import type { PackOptions } from './args';
import { UsageError } from './exit-codes';
import { displayPath } from './scan-files';

/**
 * Loads the built-in pack (unless --no-builtin) and every --rules pack. Unlike the editor, which
 * keeps the valid rules of a broken pack, CI refuses to run a partial rule set: any pack error is a
 * configuration error listing each problem as file:line.
 */
export function loadRules(options: PackOptions, cwd: string, findBuiltin: () => string = builtinPackRoot): RuleSet {
  const roots: string[] = [];
  if (options.builtin) {
    try {
      roots.push(findBuiltin());
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
  }
  roots.push(...options.packs.map((p) => path.resolve(cwd, p)));
  if (roots.length === 0) throw new UsageError('no rules to run: --no-builtin needs at least one --rules <pack dir>');
  const { ruleSet, errors } = loadRuleSet(roots);
  if (errors.length > 0) {
    const details = errors.map((e) => {
      const file = e.pack ? path.join(e.pack, e.file) : e.file;
      return `${displayPath(path.resolve(cwd, file), cwd)}${e.line ? `:${e.line}` : ''}: ${e.message}`;
    });
    throw new UsageError(`rule pack validation failed (${errors.length} problem${errors.length === 1 ? '' : 's'})`, details);
  }
  return ruleSet;
}

/** A typo in an override would silently do nothing; name the unknown rule instead. */
export function checkOverrides(overrides: ReadonlyMap<string, SeverityOverride>, ruleSet: RuleSet): void {
  const known = new Set(ruleSet.rules.map((r) => r.meta.id));
  const unknown = [...overrides.keys()].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new UsageError(`--severity-override names unknown rule${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')} (see "bulwark rules")`);
}
