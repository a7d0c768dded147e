import ignore, { type Ignore } from 'ignore';
import { readRegularFile } from './regular-file';

// Reading .gitignore and .bulwarkignore, which anyone who can open a pull request writes. Like git
// (2.32+), a symbolic link is not followed (a committed link to /dev/zero or a FIFO must not hang the
// scan); only regular files are read, with a size cap. The `ignore` package tests every path against
// every pattern in turn (last match wins, as in git), one regular expression each, at about 1.5–3 µs
// a pattern: the 200,000-line .gitignore of issue 11 cost 0.3–0.6 s per file, and 1,000 patterns add
// about 1.3 ms per file (measured on 2,000 files). Patterns cannot be merged into one expression (an
// alternation of 10,000 is slower still), so the patterns of all the ignore files that apply to a
// folder are capped; legitimate ignore files have hundreds. An ignore file that cannot be applied is
// reported and its patterns are dropped whole (a partial list could flip a negation): the scan then
// covers more files, never fewer.

export const IGNORE_FILE_NAMES: readonly string[] = ['.gitignore', '.bulwarkignore'];
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;
/** Patterns in effect for one folder: its ignore files plus those of the folders above it. */
export const MAX_IGNORE_PATTERNS = 2_000;

export interface IgnoreScope {
  readonly base: string;
  readonly matcher: Ignore;
  readonly patterns: number;
}

export type IgnoreRead = { readonly kind: 'patterns'; readonly text: string; readonly count: number } | { readonly kind: 'none' } | { readonly kind: 'problem'; readonly reason: string };

function readIgnoreFile(file: string): IgnoreRead {
  const raw = readRegularFile(file, { maxBytes: MAX_IGNORE_FILE_BYTES, followSymlinks: false });
  switch (raw.kind) {
    case 'absent':
      return { kind: 'none' };
    case 'not-regular':
      return { kind: 'problem', reason: `it is ${raw.what}, not a regular file${raw.what === 'a symbolic link' ? ' (git does not follow it either)' : ''}` };
    case 'too-large':
      return { kind: 'problem', reason: `it has more than ${MAX_IGNORE_FILE_BYTES} bytes` };
    case 'unreadable':
      return { kind: 'problem', reason: `it cannot be read (${raw.reason})` };
    case 'bytes': {
      const text = raw.bytes.toString('utf8');
      return { kind: 'patterns', text, count: countPatterns(text) };
    }
  }
}

/** The scope a folder's ignore files (`files`, their paths) add to those above it, and why any was not applied. */
export function folderScope(
  dir: string,
  files: readonly string[],
  inherited: readonly IgnoreScope[],
): { scope?: IgnoreScope; problems: { file: string; reason: string }[] } {
  let budget = MAX_IGNORE_PATTERNS - inherited.reduce((n, s) => n + s.patterns, 0);
  const problems: { file: string; reason: string }[] = [];
  let matcher: Ignore | undefined;
  let patterns = 0;
  for (const file of files) {
    const read = readIgnoreFile(file);
    if (read.kind === 'none') continue;
    if (read.kind === 'problem') {
      problems.push({ file, reason: read.reason });
      continue;
    }
    if (read.count > budget) {
      problems.push({ file, reason: `it has ${read.count} patterns, and the ignore files that apply to one folder may have ${MAX_IGNORE_PATTERNS} in all` });
      continue;
    }
    budget -= read.count;
    patterns += read.count;
    matcher ??= ignore();
    matcher.add(read.text);
  }
  return { scope: matcher ? { base: dir, matcher, patterns } : undefined, problems };
}

function countPatterns(text: string): number {
  let count = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) count++;
  }
  return count;
}
