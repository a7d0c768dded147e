import * as fs from 'node:fs';
import * as path from 'node:path';
import { BundleError } from './errors';
import { safePath, type FileTree } from './tar';

/**
 * Writes a checked file tree into `dest`, which must not exist yet: everything goes into a fresh
 * sibling temp folder first and is renamed into place at the end, so a failure leaves no partial
 * bundle behind and a reader never sees a half-written one.
 */
export function extractTree(files: FileTree, dest: string): void {
  if (fs.existsSync(dest)) throw new BundleError('io', `"${dest}" already exists`);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const temp = fs.mkdtempSync(path.join(path.dirname(dest), `.${path.basename(dest)}.partial-`));
  try {
    for (const [rel, content] of files) {
      const target = path.join(temp, ...safePath(rel).split('/'));
      if (!target.startsWith(temp + path.sep)) throw new BundleError('unsafe', `"${rel}" would be written outside the folder`);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
      fs.writeFileSync(target, content, { flag: 'wx', mode: 0o644 });
    }
    fs.renameSync(temp, dest);
  } catch (err) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw err;
  }
}
