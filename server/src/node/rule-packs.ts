import * as fs from 'node:fs';
import * as path from 'node:path';
import { PackLoader, buildRuleSet, builtinTemplates, type LoadedPack, type PackError, type PackFile, type RuleSet } from '../engine';

// The file-system edge of pack loading: read a pack folder into PackFiles and hand them to the pure
// loader. Fixtures (tests/ folders) are not read: a running editor or CI never needs them.

const PACK_FILE = /\.(ya?ml|md)$/i;
const MAX_PACK_FILE_BYTES = 256 * 1024;

export function readPackFiles(root: string): PackFile[] {
  const files: PackFile[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'tests' && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full, childRel);
      } else if (entry.isFile() && PACK_FILE.test(entry.name) && fs.statSync(full).size <= MAX_PACK_FILE_BYTES) {
        files.push({ path: childRel, text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root, '');
  return files;
}

export interface LoadedRuleSet {
  readonly ruleSet: RuleSet;
  readonly errors: readonly (PackError & { readonly pack: string })[];
}

/** Loads packs in order; a broken pack contributes its valid rules and its errors, never a crash. */
export function loadRuleSet(packRoots: readonly string[]): LoadedRuleSet {
  const loader = new PackLoader(builtinTemplates());
  const packs: LoadedPack[] = [];
  const errors: (PackError & { pack: string })[] = [];
  for (const root of packRoots) {
    let files: PackFile[];
    try {
      files = readPackFiles(root);
    } catch (err) {
      errors.push({ pack: root, file: '', message: `cannot read pack: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    const result = loader.load(root, files);
    errors.push(...result.errors.map((e) => ({ ...e, pack: root })));
    if (result.pack) packs.push(result.pack);
  }
  const built = buildRuleSet(packs);
  errors.push(...built.errors.map((e) => ({ ...e, pack: '' })));
  return { ruleSet: built.ruleSet, errors };
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
