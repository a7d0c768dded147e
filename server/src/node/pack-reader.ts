import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, type PackError, type PackFile } from '../engine';
import { compareNames } from '../engine/name-order';
import { readRegularFile } from './regular-file';

// Reads a rule pack folder, which is untrusted data (a pack from a colleague, a policy bundle just
// extracted): nothing outside the folder is ever read. Symbolic links are refused wherever they are,
// so is anything that is not a plain file or folder (a FIFO would hang the read); files are opened
// through regular-file.ts (type checked on the descriptor, non-blocking, bounded). Every size has a
// limit, and going over it is an error, never a silent skip.

const PACK_READ_LIMITS = {
  /** pack.yaml, rule.yaml, README.md. */
  maxPackFileBytes: 256 * 1024,
  /** A fixture under tests/ (the analyser's own default file limit, 5 MiB). */
  maxFixtureBytes: DEFAULT_MAX_FILE_SIZE,
  /** Folders and files visited in one pack. */
  maxEntries: 10_000,
  /** Folder nesting below the pack root. */
  maxDepth: 12,
} as const;

/** The only files the loader reads; other files in a pack (LICENSE, images…) are left alone. */
const PACK_FILE_NAMES: ReadonlySet<string> = new Set(['pack.yaml', 'rule.yaml', 'rule.yml', 'README.md']);
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules']);
const LINK = 'is a symbolic link; packs may not contain links (one could point outside the pack)';

export interface PackDirectory {
  /** The pack's real path (symbolic links in the path given resolved once, by the person who gave it). */
  readonly root: string;
  /** pack.yaml, rule.yaml and README.md files, paths relative to the root with `/`. */
  readonly files: readonly PackFile[];
  /** Files under `tests/` folders (fixtures and goldens), when asked for. */
  readonly fixtures: readonly PackFile[];
  readonly errors: readonly PackError[];
}

/** Reads a pack folder safely; never throws for what the folder contains. */
export function readPackDirectory(root: string, options: { readonly includeTests?: boolean } = {}): PackDirectory {
  const files: PackFile[] = [];
  const fixtures: PackFile[] = [];
  const errors: PackError[] = [];
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
    if (!fs.statSync(realRoot).isDirectory()) return { root, files, fixtures, errors: [{ file: '', message: 'cannot read pack: not a folder' }] };
  } catch (err) {
    return { root, files, fixtures, errors: [{ file: '', message: `cannot read pack: ${messageOf(err)}` }] };
  }
  let entries = 0;
  const walk = (rel: string, depth: number, inTests: boolean): void => {
    let listing: fs.Dirent[];
    try {
      listing = fs.readdirSync(path.join(realRoot, rel), { withFileTypes: true });
    } catch (err) {
      errors.push({ file: rel, message: `cannot read the folder: ${messageOf(err)}` });
      return;
    }
    for (const entry of listing.sort((a, b) => compareNames(a.name, b.name))) {
      if (++entries > PACK_READ_LIMITS.maxEntries) {
        if (entries === PACK_READ_LIMITS.maxEntries + 1) errors.push({ file: rel, message: `the pack has more than ${PACK_READ_LIMITS.maxEntries} files and folders` });
        return;
      }
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      if (entry.isSymbolicLink()) {
        errors.push({ file: childRel, message: LINK });
      } else if (entry.isDirectory()) {
        if (depth + 1 > PACK_READ_LIMITS.maxDepth) errors.push({ file: childRel, message: `folders nest deeper than ${PACK_READ_LIMITS.maxDepth} levels` });
        else if (inTests) continue; // fixtures are the files directly in tests/
        else walk(childRel, depth + 1, entry.name === 'tests');
      } else if (!entry.isFile()) {
        errors.push({ file: childRel, message: 'is not a regular file or folder (a FIFO, socket or device); packs may only contain files and folders' });
      } else if (inTests) {
        if (options.includeTests) readInto(fixtures, realRoot, childRel, PACK_READ_LIMITS.maxFixtureBytes, errors);
      } else if (PACK_FILE_NAMES.has(entry.name)) {
        readInto(files, realRoot, childRel, PACK_READ_LIMITS.maxPackFileBytes, errors);
      }
    }
  };
  walk('', 0, false);
  return { root: realRoot, files, fixtures, errors };
}

/**
 * Through the shared reader, never following a link; every refusal is an error naming the file. Only
 * files the folder's listing calls regular files come here, so the reader does not lstat them again.
 */
function readInto(out: PackFile[], root: string, rel: string, maxBytes: number, errors: PackError[]): void {
  const read = readRegularFile(path.join(root, rel), { maxBytes, followSymlinks: false, listedAsFile: true });
  switch (read.kind) {
    case 'bytes':
      out.push({ path: rel, text: read.bytes.toString('utf8') });
      return;
    case 'too-large':
      errors.push({ file: rel, message: `the file is too large (${read.size.toLocaleString('en-US')} bytes; the limit is ${maxBytes.toLocaleString('en-US')})` });
      return;
    case 'not-regular':
      errors.push({ file: rel, message: read.what === 'a symbolic link' ? LINK : `is ${read.what}, not a regular file` });
      return;
    case 'absent':
      errors.push({ file: rel, message: 'disappeared while the pack was read' });
      return;
    case 'unreadable':
      errors.push({ file: rel, message: `cannot read: ${read.reason}` });
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
