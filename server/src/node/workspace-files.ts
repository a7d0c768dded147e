import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

// Lists the files of a folder the way CI and "Scan workspace" see them: .gitignore and
// .bulwarkignore files (at any depth) are honoured, and .git and node_modules are never entered.

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);
const IGNORE_FILES = ['.gitignore', '.bulwarkignore'];

export interface ListOptions {
  /** Extra gitignore-style patterns, relative to the root. */
  readonly exclude?: readonly string[];
  /**
   * An ancestor of root (the CLI's current directory): ignore files in the folders from it down to
   * root's parent apply too, as git applies a repository's .gitignore to a subfolder.
   */
  readonly ancestorsFrom?: string;
}

export function listWorkspaceFiles(root: string, options: ListOptions = {}): string[] {
  const out: string[] = [];
  const rootIgnore = ignore().add([...(options.exclude ?? [])]);
  const walk = (dir: string, rules: { base: string; matcher: Ignore }[]): void => {
    const local = readIgnore(dir);
    const scoped = local ? [...rules, { base: dir, matcher: local }] : rules;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const isDir = entry.isDirectory();
      if (!isDir && !entry.isFile()) continue;
      if (isIgnored(full, isDir, root, rootIgnore, scoped)) continue;
      if (isDir) walk(full, scoped);
      else out.push(full);
    }
  };
  if (fs.statSync(root).isFile()) return [root];
  walk(root, ancestorIgnores(root, options.ancestorsFrom));
  return out;
}

function ancestorIgnores(root: string, top: string | undefined): { base: string; matcher: Ignore }[] {
  if (top === undefined) return [];
  const relative = path.relative(top, root);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return [];
  const dirs = [top];
  for (const segment of relative.split(path.sep).slice(0, -1)) dirs.push(path.join(dirs[dirs.length - 1], segment));
  return dirs.flatMap((base) => {
    const matcher = readIgnore(base);
    return matcher ? [{ base, matcher }] : [];
  });
}

function readIgnore(dir: string): Ignore | undefined {
  let matcher: Ignore | undefined;
  for (const name of IGNORE_FILES) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    matcher ??= ignore();
    matcher.add(fs.readFileSync(file, 'utf8'));
  }
  return matcher;
}

function isIgnored(full: string, isDir: boolean, root: string, rootIgnore: Ignore, scoped: { base: string; matcher: Ignore }[]): boolean {
  const rel = (base: string) => path.relative(base, full).split(path.sep).join('/') + (isDir ? '/' : '');
  if (rootIgnore.ignores(rel(root))) return true;
  return scoped.some((s) => s.matcher.ignores(rel(s.base)));
}
