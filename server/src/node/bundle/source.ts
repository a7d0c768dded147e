import * as fs from 'node:fs';
import * as path from 'node:path';
import { APPROVED_IMAGES_FILE, PACKS_DIR, POLICY_FILE } from '../../engine/policy';
import { BundleError } from './errors';
import { DEFAULT_TAR_LIMITS, safePath, type FileTree, type TarLimits } from './tar';

// Reads a bundle source folder into memory: exactly what goes into the layer. Included: policy.yaml,
// approved-images.yaml, README.md and packs/**; dot-files (.git, .DS_Store) never; anything else at
// the top is left out and listed so the champion sees it. Symlinks and special files are refused:
// the same folder must give the same bundle wherever it is built.

const TOP_LEVEL = new Set([POLICY_FILE, APPROVED_IMAGES_FILE, 'README.md']);

export interface SourceFolder {
  readonly files: FileTree;
  /** Top-level entries that are not part of a bundle. */
  readonly ignored: readonly string[];
}

export function readSourceFolder(root: string, limits: TarLimits = DEFAULT_TAR_LIMITS): SourceFolder {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch (err) {
    throw new BundleError('io', `cannot read the bundle folder "${root}": ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!stat.isDirectory()) throw new BundleError('invalid', `"${root}" is not a folder`);
  const files = new Map<string, Buffer>();
  const ignored: string[] = [];
  let total = 0;
  const add = (full: string, rel: string): void => {
    const st = fs.lstatSync(full);
    if (st.isSymbolicLink()) throw new BundleError('unsafe', `"${rel}" is a symbolic link; a bundle holds regular files only (copy the target in)`);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) if (!name.startsWith('.')) add(path.join(full, name), `${rel}/${name}`);
      return;
    }
    if (!st.isFile()) throw new BundleError('unsafe', `"${rel}" is not a regular file`);
    if (st.size > limits.maxFileBytes) throw new BundleError('too-large', `"${rel}" is ${st.size} bytes, over the ${limits.maxFileBytes}-byte limit`);
    total += st.size;
    if (total > limits.maxTotalBytes) throw new BundleError('too-large', `the bundle folder holds more than ${limits.maxTotalBytes} bytes`);
    if (files.size >= limits.maxEntries) throw new BundleError('too-large', `the bundle folder holds more than ${limits.maxEntries} files`);
    files.set(safePath(rel), fs.readFileSync(full));
  };
  for (const name of fs.readdirSync(root).sort()) {
    if (name.startsWith('.')) continue;
    if (TOP_LEVEL.has(name) || name === PACKS_DIR) add(path.join(root, name), name);
    else ignored.push(name);
  }
  return { files, ignored };
}

/** UTF-8 texts of the files the engine reads (policy, approved images, pack YAML and docs). */
export function textsOf(files: FileTree): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [p, content] of files) if (/\.(ya?ml|md)$/i.test(p)) texts.set(p, content.toString('utf8'));
  return texts;
}
