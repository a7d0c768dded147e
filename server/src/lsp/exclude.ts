import * as path from 'node:path';
import { excludeMatcher, type ExcludeTest } from '../node/exclude-patterns';
import type { WorkspaceFolders } from './workspace-folders';
import { fsPathOf } from './workspace-folders';

/**
 * Matches files against `bulwark.exclude`, with the CLI's `--exclude` matcher: gitignore rules, as
 * if in a .gitignore at the file's workspace folder (at the file-system root for a file in none);
 * absolute paths work too. Compiled matchers are kept per folder and pattern list.
 */
export class ExcludeMatcher {
  private readonly compiled = new Map<string, ExcludeTest>();

  constructor(private readonly folders: WorkspaceFolders) {}

  isExcluded(uri: string, patterns: readonly string[]): boolean {
    if (patterns.length === 0) return false;
    const file = fsPathOf(uri);
    if (!file) return false;
    const base = this.folders.folderOf(uri)?.fsPath ?? path.parse(file).root;
    return this.matcherFor(base, patterns)(file);
  }

  private matcherFor(base: string, patterns: readonly string[]): ExcludeTest {
    const key = [base, ...patterns].join('\u0000');
    let matcher = this.compiled.get(key);
    if (!matcher) {
      matcher = excludeMatcher(patterns, base);
      if (this.compiled.size > 32) this.compiled.clear();
      this.compiled.set(key, matcher);
    }
    return matcher;
  }
}
