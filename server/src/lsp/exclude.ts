import * as path from 'node:path';
import picomatch from 'picomatch';
import type { WorkspaceFolders } from './workspace-folders';
import { fsPathOf } from './workspace-folders';

/**
 * Matches files against `bulwark.exclude` globs: relative globs are taken from the file's workspace
 * folder, absolute ones as they are. Compiled matchers are kept per glob list.
 */
export class ExcludeMatcher {
  private readonly compiled = new Map<string, (candidate: string) => boolean>();

  constructor(private readonly folders: WorkspaceFolders) {}

  isExcluded(uri: string, globs: readonly string[]): boolean {
    if (globs.length === 0) return false;
    const file = fsPathOf(uri);
    if (!file) return false;
    const folder = this.folders.folderOf(uri);
    const relative = folder ? path.relative(folder.fsPath, file).split(path.sep).join('/') : undefined;
    const absolute = file.split(path.sep).join('/');
    const matches = this.matcherFor(globs);
    return (relative !== undefined && matches(relative)) || matches(absolute);
  }

  private matcherFor(globs: readonly string[]): (candidate: string) => boolean {
    const key = globs.join('\u0000');
    let matcher = this.compiled.get(key);
    if (!matcher) {
      matcher = picomatch([...globs], { dot: true });
      if (this.compiled.size > 32) this.compiled.clear();
      this.compiled.set(key, matcher);
    }
    return matcher;
  }
}
