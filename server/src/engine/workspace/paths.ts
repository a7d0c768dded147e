// File names in the index are URIs (editor) or paths (CLI); build files name Dockerfiles relative to
// themselves. Joining them is string work here: the engine has no file system and no `node:path`.

const URI = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `relative` resolved against the folder of `base`, in base's own form (URI or path, `/` or `\`). */
export function resolveRelative(base: string, relative: string): string {
  if (URI.test(base)) {
    try {
      return new URL(relative.split('/').map(encodeURIComponent).join('/'), base).toString();
    } catch {
      return relative;
    }
  }
  const separator = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  const parts = base.split(/[\\/]/).slice(0, -1);
  for (const segment of relative.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') parts.push(segment);
    else if (parts.length > 1) parts.pop();
  }
  return parts.join(separator);
}

/** The folder a file sits in, by name only (`…/api/Dockerfile` → `api`). */
export function parentFolderName(uri: string): string | undefined {
  const parts = uri.replace(URI, '').split(/[\\/]/).filter((p) => p.length > 0);
  if (parts.length < 2) return undefined;
  try {
    return decodeURIComponent(parts[parts.length - 2]);
  } catch {
    return parts[parts.length - 2];
  }
}

/** Two names of one file, whether they came as URIs or paths. */
export function sameFile(a: string, b: string): boolean {
  return fileKey(a) === fileKey(b);
}

/** One key for the names of one file, whether a URI or a path. */
export function fileKey(name: string): string {
  let value = name;
  try {
    value = decodeURIComponent(name);
  } catch {
    // keep as is
  }
  return value.replace(/^file:\/\//i, '').replace(/\\/g, '/').replace(/\/{2,}/g, '/');
}
