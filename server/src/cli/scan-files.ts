import * as fs from 'node:fs';
import * as path from 'node:path';
import { excludeMatcher } from '../node/exclude-patterns';
import { listWorkspaceFiles, type WorkspaceListing } from '../node/workspace-files';
import { UsageError } from './exit-codes';

/**
 * The files a scan covers, in a stable order and without duplicates, and the paths it skipped
 * (unreadable folders, links, FIFOs, ignore files not applied). A path that does not exist is a
 * usage error (a typo in CI must not pass as "no findings"). `--exclude` patterns have the
 * rules of a .gitignore in the current directory (absolute paths work too), as `bulwark.exclude`
 * does in the editor; an excluded folder is not entered.
 */
export function collectFiles(paths: readonly string[], exclude: readonly string[], cwd: string): CollectedFiles {
  const excluded = excludeMatcher(exclude, cwd);
  const seen = new Set<string>();
  const collected = { files: [] as string[], skipped: [] as WorkspaceListing['skipped'], givenFiles: new Set<string>() };
  for (const given of paths) {
    const root = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      fs.accessSync(root, fs.constants.R_OK);
      stat = fs.statSync(root);
      if (!stat.isFile() && !stat.isDirectory()) throw new Error('not a file or folder');
    } catch (err) {
      throw new UsageError(`cannot read "${given}": ${err instanceof Error ? err.message : String(err)}`);
    }
    if (excluded(root, stat.isDirectory())) continue;
    if (stat.isFile()) collected.givenFiles.add(root);
    const listing = listWorkspaceFiles(root, { ancestorsFrom: cwd, excluded });
    for (const file of listing.files) {
      if (seen.has(file)) continue;
      seen.add(file);
      collected.files.push(file);
    }
    for (const skip of listing.skipped) {
      const key = `${skip.code}\u0000${skip.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      collected.skipped.push(skip);
    }
  }
  return collected;
}

/** The listing, and which files were named on the command line rather than found in a folder. */
export interface CollectedFiles extends WorkspaceListing {
  /**
   * Files given as paths (perhaps links, followed): every other file was listed by a folder's walk as
   * a regular file, not a link, and is read without a stat first (readRegularFile's listedAsFile).
   */
  readonly givenFiles: ReadonlySet<string>;
}

/** How a file is named in reports: relative to the current directory when inside it, with `/`. */
export function displayPath(file: string, cwd: string): string {
  // Every listed file of a scan lies under the current directory: path.relative (two resolves) is
  // a few percent of a secrets-only scan, and a plain prefix says the same for normalised paths.
  const inside = plainlyInside(cwd, file);
  if (inside !== undefined) return inside;
  // One path.relative for a file outside the current directory (a scan of another tree), not two.
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  return relativeInside(relative) ?? toSlashes(file);
}

/** `file` relative to `dir` when both are normalised absolute paths and `file` is below `dir`; else undefined. */
function plainlyInside(dir: string, file: string): string | undefined {
  if (!path.isAbsolute(dir) || dir.endsWith(path.sep) || file.length <= dir.length + 1 || file.charCodeAt(dir.length) !== path.sep.charCodeAt(0) || !file.startsWith(dir)) return undefined;
  const rest = file.slice(dir.length + 1);
  return isNormalisedRelative(rest) && path.normalize(dir) === dir ? toSlashes(rest) : undefined;
}

/** No empty, `.` or `..` segment (and on Windows no `/`): what path.relative would rewrite. */
function isNormalisedRelative(rest: string): boolean {
  return !(path.sep === '/' ? POSIX_ODD_SEGMENT : WINDOWS_ODD_SEGMENT).test(rest);
}

/** An empty, `.` or `..` segment between separators or at either end. */
const POSIX_ODD_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;
/** The same with either separator: on Windows a `/` is one too, which path.relative would rewrite. */
const WINDOWS_ODD_SEGMENT = /(?:^|[\\/])\.{0,2}(?:[\\/]|$)|\//;

/** `relative` (path.relative's answer) with `/`, when it does not leave the folder it is relative to. */
function relativeInside(relative: string): string | undefined {
  const outside = relative === '' || relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative);
  return outside ? undefined : toSlashes(relative);
}

function toSlashes(p: string): string {
  return p.split(path.sep).join('/');
}
