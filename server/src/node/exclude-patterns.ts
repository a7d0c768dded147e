import * as path from 'node:path';
import ignore from 'ignore';
import { trimEndOf } from '../engine/trim';

// `bulwark scan --exclude` and the editor's `bulwark.exclude`: one matcher, with the rules of
// .gitignore and .bulwarkignore (the same `ignore` package), so that `k8s`, `k8s/`, `*.yaml` and
// `k8s/**` mean what they mean in a .gitignore placed in the base folder (the CLI's current
// directory, the file's workspace folder). A pattern that spells an absolute path inside the base is
// taken relative to it, so absolute paths keep working; a file outside the base (the CLI given
// `../x` or `/tmp/y`) is matched by its absolute path, the patterns read from the file-system root.

/** Whether a path (absolute, or relative to the base) is excluded; folders are matched as folders. */
export type ExcludeTest = (file: string, isDirectory?: boolean) => boolean;

export function excludeMatcher(patterns: readonly string[], base: string): ExcludeTest {
  if (patterns.length === 0) return () => false;
  const baseSlashed = trimEndOf(toSlashes(path.resolve(base)), '/');
  const inside = ignore().add(patterns.map((p) => relativeToBase(p, baseSlashed)));
  const outside = ignore().add([...patterns]);
  return (file, isDirectory = false) => {
    const absolute = path.resolve(base, file);
    const suffix = isDirectory ? '/' : '';
    const relative = path.relative(base, absolute);
    if (relative === '') return false;
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) return inside.ignores(toSlashes(relative) + suffix);
    const fromRoot = toSlashes(path.relative(path.parse(absolute).root, absolute));
    return fromRoot !== '' && outside.ignores(fromRoot + suffix);
  };
}

/** `/work/repo/k8s/` with base `/work/repo` becomes `/k8s/` (anchored, as in a .gitignore there). */
function relativeToBase(pattern: string, baseSlashed: string): string {
  const negated = pattern.startsWith('!');
  const body = toSlashes(negated ? pattern.slice(1) : pattern);
  if (!body.startsWith(baseSlashed + '/')) return pattern;
  return (negated ? '!' : '') + '/' + body.slice(baseSlashed.length + 1);
}

function toSlashes(p: string): string {
  return p.split(path.sep).join('/');
}
