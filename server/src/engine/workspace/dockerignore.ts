import type { DockerignoreFact, FileFacts } from './facts';
import { emptyFacts } from './facts';
import { resolveRelative } from './paths';

// Docker's build-context ignore files, read as BuildKit reads them (moby/patternmatcher): one pattern a
// line, `#` comments, `!` re-includes, the last matching pattern wins, `*` and `?` stay inside one path
// segment, `**` spans any number of them, and a pattern that matches a folder excludes what is in it.
// Patterns are workspace data: matched by a small dynamic-programming matcher, never compiled to a RegExp.

/** Longer lines are not patterns anyone wrote by hand; they match nothing rather than cost time. */
const MAX_PATTERN_LENGTH = 1024;

/** `.dockerignore`, or BuildKit's per-Dockerfile `<name>.dockerignore` (`api.Dockerfile.dockerignore`). */
export function isDockerignoreName(uri: string): boolean {
  const name = uri.split(/[\\/]/).pop() ?? '';
  return /\.dockerignore$/i.test(name);
}

export function dockerignoreFact(text: string): DockerignoreFact {
  const patterns: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const body = cleanPattern(negated ? line.slice(1).trim() : line);
    if (body !== '') patterns.push(negated ? `!${body}` : body);
  }
  return { exists: true, patterns };
}

/** The facts of an ignore file the caller looked for on disk and did not find. */
export function absentDockerignore(uri: string): FileFacts {
  return { ...emptyFacts(uri), dockerignore: { exists: false, patterns: [] } };
}

/**
 * Where a build whose context is the Dockerfile's folder reads its ignore file, in BuildKit's order:
 * `<Dockerfile>.dockerignore` beside the Dockerfile wins over the context's `.dockerignore`.
 */
export function dockerignoreCandidates(dockerfile: string): readonly [string, string] {
  return [`${dockerfile}.dockerignore`, resolveRelative(dockerfile, '.dockerignore')];
}

/** Whether the build context path (`/`-separated, relative to the context root) is left out of the context. */
export function excludedBy(patterns: readonly string[], path: string): boolean {
  let excluded = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    if (matchesOrParentMatches(body, path)) excluded = !negated;
  }
  return excluded;
}

/** filepath.Clean as BuildKit applies it to a pattern, with the leading `/` dropped (the context root). */
function cleanPattern(pattern: string): string {
  const parts: string[] = [];
  for (const part of pattern.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

function matchesOrParentMatches(pattern: string, path: string): boolean {
  if (pattern.length > MAX_PATTERN_LENGTH) return false;
  const segments = path.split('/');
  for (let n = segments.length; n >= 1; n--) {
    if (globMatch(pattern, segments.slice(0, n).join('/'))) return true;
  }
  return false;
}

/** Go filepath.Match plus `**`, over one pattern and one path; O(pattern × path) with the memo. */
export function globMatch(pattern: string, path: string): boolean {
  const memo = new Map<number, boolean>();
  const width = path.length + 1;
  const at = (i: number, j: number): boolean => {
    const key = i * width + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, false);
    const result = step(i, j);
    memo.set(key, result);
    return result;
  };
  const step = (i: number, j: number): boolean => {
    if (i === pattern.length) return j === path.length;
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const next = i + 2;
      if (pattern[next] === '/') {
        // `**/`: no folder at all, or any run of folders.
        if (at(next + 1, j)) return true;
        for (let t = j; t < path.length; t++) if (path[t] === '/' && at(next + 1, t + 1)) return true;
        return false;
      }
      for (let t = j; t <= path.length; t++) if (at(next, t)) return true;
      return false;
    }
    if (c === '*') {
      for (let t = j; t <= path.length; t++) {
        if (at(i + 1, t)) return true;
        if (path[t] === '/') break;
      }
      return false;
    }
    if (j === path.length) return false;
    if (c === '?') return path[j] !== '/' && at(i + 1, j + 1);
    if (c === '[') {
      const cls = characterClass(pattern, i);
      if (cls) return path[j] !== '/' && cls.matches(path[j]) && at(cls.end, j + 1);
    }
    if (c === '\\' && i + 1 < pattern.length) return pattern[i + 1] === path[j] && at(i + 2, j + 1);
    return c === path[j] && at(i + 1, j + 1);
  };
  return at(0, 0);
}

/** `[abc]`, `[a-z]`, `[^…]`; undefined when unterminated (then `[` is a literal). */
function characterClass(pattern: string, start: number): { matches: (ch: string) => boolean; end: number } | undefined {
  let i = start + 1;
  const negated = pattern[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  while (i < pattern.length && pattern[i] !== ']') {
    let low = pattern[i];
    if (low === '\\' && i + 1 < pattern.length) low = pattern[++i];
    let high = low;
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      high = pattern[i + 2] === '\\' && i + 3 < pattern.length ? pattern[i + 3] : pattern[i + 2];
      i += pattern[i + 2] === '\\' ? 3 : 2;
    }
    ranges.push([low, high]);
    i++;
  }
  if (i >= pattern.length) return undefined;
  return { matches: (ch) => ranges.some(([lo, hi]) => ch >= lo && ch <= hi) !== negated, end: i + 1 };
}

/**
 * For callers that index a complete folder (the fixture harness: a rule's tests/ folder is its whole
 * workspace): each Dockerfile's ignore files that are not among the files do not exist.
 */
export function withAbsentDockerignores(files: readonly FileFacts[]): FileFacts[] {
  const known = new Set(files.map((f) => f.uri));
  const absent = new Map<string, FileFacts>();
  for (const file of files) {
    const candidates = [...(file.isDockerfile ? dockerignoreCandidates(file.uri) : []), ...(file.buildContexts ?? []).map((b) => b.dockerignore)];
    for (const candidate of candidates) if (!known.has(candidate)) absent.set(candidate, absentDockerignore(candidate));
  }
  return [...files, ...absent.values()];
}
