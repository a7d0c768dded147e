import * as fs from 'node:fs';
import * as path from 'node:path';
import { PackLoader, buildRuleSet, builtinTemplates, type LoadedPack, type PackError, type RuleSet } from '../engine';
import type { BuiltPack } from '../engine/packs/load';
import { builtKeywordPass, sharedKeywordPass } from '../engine/templates/text/keyword-pass';
import { readPackDirectory } from './pack-reader';
import { readValidatedPacks, type ValidatedPack } from './validated-packs';

// The file-system edge of pack loading: read a pack folder safely (pack-reader.ts) and hand its files
// to the pure loader. Fixtures (tests/ folders) are not read: a running editor or CI never needs them.

export interface LoadedRuleSet {
  readonly ruleSet: RuleSet;
  readonly errors: readonly (PackError & { readonly pack: string })[];
}

/**
 * Loads packs in order. A broken pack contributes its valid rules and its errors, and never takes
 * the other packs down: whatever goes wrong inside one pack (a file that cannot be read, a defect of
 * ours) stays an error of that pack. The pack the build validated (`validated`, the built-in pack
 * beside the bundle) is instantiated from the build's snapshot when its folder is one of the roots.
 */
export function loadRuleSet(packRoots: readonly string[], validated: ValidatedPack | undefined = readValidatedPacks()): LoadedRuleSet {
  const loader = new PackLoader(builtinTemplates());
  const packs: LoadedPack[] = [];
  const errors: (PackError & { pack: string })[] = [];
  for (const root of packRoots) {
    try {
      if (validated && path.resolve(root) === validated.root) {
        const built = loader.loadBuilt(root, validated.pack);
        errors.push(...built.errors.map((e) => ({ ...e, pack: root })));
        if (built.pack) packs.push(built.pack);
        continue;
      }
      const read = readPackDirectory(root);
      errors.push(...read.errors.map((e) => ({ ...e, pack: root })));
      // A pack.yaml that could not be read is already reported; "no pack.yaml" would only mislead.
      if (read.errors.some((e) => e.file === 'pack.yaml' || e.file === '')) continue;
      const result = loader.load(root, read.files);
      errors.push(...result.errors.map((e) => ({ ...e, pack: root })));
      if (result.pack) packs.push(result.pack);
    } catch (err) {
      errors.push({ pack: root, file: '', message: `cannot load pack: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  const built = buildRuleSet(packs);
  errors.push(...built.errors.map((e) => ({ ...e, pack: '' })));
  return { ruleSet: built.ruleSet, errors };
}

/** Validates one pack from scratch: what it accepted with its keyword pass built (for the build's snapshot), and its errors. */
export function loadValidatedPack(root: string): { pack: BuiltPack; errors: readonly string[] } {
  const loader = new PackLoader(builtinTemplates());
  const read = readPackDirectory(root);
  const result = loader.load(root, read.files);
  const errors = [...read.errors, ...result.errors].map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`);
  const pass = result.pack && sharedKeywordPass(result.pack.rules);
  return { pack: pass ? { ...loader.built(), keywordPass: builtKeywordPass(pass) } : loader.built(), errors };
}

/** The built-in pack ships next to the bundles (dist/ → ../rules/core) and in the source tree. */
export function builtinPackRoot(from: string = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'rules', 'core');
    if (fs.existsSync(path.join(candidate, 'pack.yaml'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find the built-in rule pack (rules/core/pack.yaml) above ${from}`);
}
