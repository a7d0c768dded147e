import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExcludeTest } from './exclude-patterns';
import { folderScope, IGNORE_FILE_NAMES, type IgnoreScope } from './ignore-files';
import { describeType, errorCode } from './regular-file';

// Lists the files of a folder the way CI and "Scan workspace" see them: .gitignore and
// .bulwarkignore files (at any depth) are honoured, and .git and node_modules are never entered.
// Nothing here opens a scanned file. Symbolic links are not followed (as git stores them, and so a
// link cannot lead the scan to /dev/zero, a FIFO, outside the workspace or round a loop); FIFOs,
// sockets and devices are never opened. Every path that is not listed for one of those reasons, and
// every folder that cannot be read, is reported: a scan must not pass having silently read nothing.

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

export type PathSkipCode = 'unreadable-folder' | 'symlink-not-followed' | 'not-a-regular-file' | 'ignore-file-not-applied';

export type WalkEntry =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'skipped'; readonly path: string; readonly code: PathSkipCode; readonly message: string };

export interface WorkspaceListing {
  readonly files: string[];
  readonly skipped: Extract<WalkEntry, { kind: 'skipped' }>[];
}

export interface ListOptions {
  /** Paths also left out (`--exclude`, see exclude-patterns.ts); an excluded folder is not entered. */
  readonly excluded?: ExcludeTest;
  /**
   * An ancestor of root (the CLI's current directory): ignore files in the folders from it down to
   * root's parent apply too, as git applies a repository's .gitignore to a subfolder.
   */
  readonly ancestorsFrom?: string;
}

export function listWorkspaceFiles(root: string, options: ListOptions = {}): WorkspaceListing {
  const listing: WorkspaceListing = { files: [], skipped: [] };
  for (const entry of walkWorkspace(root, options)) {
    if (entry.kind === 'file') listing.files.push(entry.path);
    else listing.skipped.push(entry);
  }
  return listing;
}

interface Frame {
  readonly dir: string;
  readonly scopes: readonly IgnoreScope[];
  readonly entries: fs.Dirent[];
  /** Ignore files of this folder already reported: not reported again as entries. */
  readonly reported: ReadonlySet<string>;
  next: number;
}

/**
 * The same listing one entry at a time, in a stable order (names sorted, depth first), so that the
 * language server can yield to other requests while it walks a large workspace. Iterative: a deeply
 * nested tree cannot overflow the stack.
 */
export function* walkWorkspace(root: string, options: ListOptions = {}): Generator<WalkEntry> {
  let rootStat: fs.Stats;
  try {
    rootStat = fs.statSync(root);
  } catch (err) {
    yield unreadableFolder(root, err);
    return;
  }
  if (rootStat.isFile()) {
    yield { kind: 'file', path: root };
    return;
  }
  if (!rootStat.isDirectory()) {
    yield { kind: 'skipped', path: root, code: 'not-a-regular-file', message: notRegularMessage(describeType(rootStat)) };
    return;
  }
  const excluded: ExcludeTest = options.excluded ?? (() => false);
  const ancestors: IgnoreScope[] = [];
  for (const dir of ancestorDirs(root, options.ancestorsFrom)) {
    const { scope, problems } = folderScope(dir, IGNORE_FILE_NAMES.map((name) => path.join(dir, name)), ancestors);
    for (const p of problems) yield ignoreProblem(p.file, p.reason);
    if (scope) ancestors.push(scope);
  }
  const stack: Frame[] = [];
  const enter = function* (dir: string, inherited: readonly IgnoreScope[]): Generator<WalkEntry> {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      yield unreadableFolder(dir, err);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const ignoreFiles = entries.filter((e) => IGNORE_FILE_NAMES.includes(e.name)).map((e) => path.join(dir, e.name));
    const { scope, problems } = folderScope(dir, ignoreFiles, inherited);
    const reported = new Set<string>();
    for (const p of problems) {
      reported.add(p.file);
      yield ignoreProblem(p.file, p.reason);
    }
    stack.push({ dir, scopes: scope ? [...inherited, scope] : inherited, entries, reported, next: 0 });
  };
  yield* enter(root, ancestors);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const entry = frame.entries[frame.next++];
    if (entry === undefined) {
      stack.pop();
      continue;
    }
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const full = path.join(frame.dir, entry.name);
    const isDir = entry.isDirectory();
    if (excluded(full, isDir) || isIgnored(full, isDir, frame.scopes)) continue;
    if (isDir) yield* enter(full, frame.scopes);
    else if (entry.isFile()) yield { kind: 'file', path: full };
    else if (frame.reported.has(full)) continue;
    else if (entry.isSymbolicLink()) {
      yield { kind: 'skipped', path: full, code: 'symlink-not-followed', message: 'Not analysed: a symbolic link; links are not followed (name its target to scan it).' };
    } else yield { kind: 'skipped', path: full, code: 'not-a-regular-file', message: notRegularMessage(describeType(entry)) };
  }
}

function ancestorDirs(root: string, top: string | undefined): string[] {
  if (top === undefined) return [];
  const relative = path.relative(top, root);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return [];
  const dirs = [top];
  for (const segment of relative.split(path.sep).slice(0, -1)) dirs.push(path.join(dirs[dirs.length - 1], segment));
  return dirs;
}

function isIgnored(full: string, isDir: boolean, scopes: readonly IgnoreScope[]): boolean {
  const rel = (base: string) => path.relative(base, full).split(path.sep).join('/') + (isDir ? '/' : '');
  return scopes.some((s) => s.matcher.ignores(rel(s.base)));
}

function unreadableFolder(dir: string, err: unknown): WalkEntry {
  return { kind: 'skipped', path: dir, code: 'unreadable-folder', message: `Not scanned: the folder cannot be read (${errorCode(err)}); no file in it was analysed.` };
}

function ignoreProblem(file: string, reason: string): WalkEntry {
  return { kind: 'skipped', path: file, code: 'ignore-file-not-applied', message: `Ignore file not applied: ${reason}. The files it lists are scanned.` };
}

function notRegularMessage(what: string): string {
  return `Not analysed: ${what}, not a regular file; it was not opened.`;
}
