import type { TextModel } from '../../parsers/text';
import type { RegexCompiler, SafeRegex } from '../../safe-regex';
import { lengthOnly, mask, shannonEntropy } from '../../text';
import type { JsonSchema } from '../template';
import { looksLikePlaceholder } from './placeholders';

// The data-driven filters every secret detector shares: which files it looks at, and which candidate
// values it lets go (allowlist, placeholders, entropy). Compiled once per rule in instantiate().

export interface AllowlistParams {
  /** RE2 patterns; a candidate secret matching any of them is not reported. */
  readonly regexes?: readonly string[];
  /** Case-insensitive substrings; a candidate secret containing any of them is not reported. */
  readonly stopwords?: readonly string[];
}

export interface FileFilterParams {
  /** RE2 patterns on the file name; when given, only matching files are scanned. */
  readonly fileNames?: readonly string[];
  /** RE2 patterns on the whole path (`/` separators); when given, only matching files are scanned. */
  readonly paths?: readonly string[];
  /** RE2 patterns on the whole path; matching files are never scanned (lock files, vendored code). */
  readonly excludePaths?: readonly string[];
}

export interface ValueFilterParams {
  readonly allowlist?: AllowlistParams;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  readonly minEntropy?: number;
  /** Skip documentation examples, template variables and dummies (default true). */
  readonly skipPlaceholders?: boolean;
}

const PATTERNS: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1 } };

export const FILE_FILTER_SCHEMA: Readonly<Record<string, JsonSchema>> = {
  fileNames: PATTERNS,
  paths: PATTERNS,
  excludePaths: PATTERNS,
};

export const VALUE_FILTER_SCHEMA: Readonly<Record<string, JsonSchema>> = {
  allowlist: {
    type: 'object',
    additionalProperties: false,
    properties: { regexes: PATTERNS, stopwords: { type: 'array', items: { type: 'string', minLength: 1 } } },
  },
  minEntropy: { type: 'number', minimum: 0, maximum: 8 },
  skipPlaceholders: { type: 'boolean' },
};

export type FileFilter = (model: TextModel) => boolean;

export function compileFileFilter(params: FileFilterParams, regex: RegexCompiler): FileFilter {
  const names = (params.fileNames ?? []).map((p) => regex(p));
  const paths = (params.paths ?? []).map((p) => regex(p));
  const excluded = (params.excludePaths ?? []).map((p) => regex(p));
  if (names.length === 0 && paths.length === 0 && excluded.length === 0) return () => true;
  // The answer depends on the path alone, and a manifest's `---` sections all ask with the same one:
  // the last answer is kept rather than running the RE2 patterns again for each section.
  let last: { readonly path: string; readonly fileName: string; readonly inScope: boolean } | undefined;
  // The memo keys are built once: a key made per call is a new long string to hash at every lookup.
  const keyed = (prefix: string, regexes: readonly SafeRegex[]) => regexes.map((regex) => ({ regex, key: `${prefix}\u0000${regex.source}` }));
  const nameKeys = keyed('name', names);
  const pathKeys = keyed('path', paths);
  const excludedKeys = keyed('path', excluded);
  return (model) => {
    if (last?.path === model.path && last.fileName === model.fileName) return last.inScope;
    // Rules share many patterns (the lock-file and vendored-code exclusions): each runs once per file.
    const onName = ({ regex, key }: { regex: SafeRegex; key: string }): boolean => model.memoFact(key, () => regex.test(model.fileName));
    const onPath = ({ regex, key }: { regex: SafeRegex; key: string }): boolean => model.memoFact(key, () => regex.test(model.path));
    const inScope = (nameKeys.length === 0 || nameKeys.some(onName)) && (pathKeys.length === 0 || pathKeys.some(onPath)) && !excludedKeys.some(onPath);
    last = { path: model.path, fileName: model.fileName, inScope };
    return inScope;
  };
}

/** True when the candidate should be reported. */
export type ValueFilter = (secret: string) => boolean;

export function compileValueFilter(params: ValueFilterParams, regex: RegexCompiler): ValueFilter {
  const regexes = (params.allowlist?.regexes ?? []).map((p) => regex(p));
  const stopwords = (params.allowlist?.stopwords ?? []).map((w) => w.toLowerCase());
  const minEntropy = params.minEntropy ?? 0;
  const skipPlaceholders = params.skipPlaceholders ?? true;
  return (secret) => {
    if (minEntropy > 0 && shannonEntropy(secret) < minEntropy) return false;
    if (skipPlaceholders && looksLikePlaceholder(secret)) return false;
    if (stopwords.length > 0) {
      const lower = secret.toLowerCase();
      if (stopwords.some((w) => lower.includes(w))) return false;
    }
    return !regexes.some((r) => r.test(secret));
  };
}

/**
 * What a message may show of a secret: mask() keeps a public type prefix (AKIA, ghp_, https) and the
 * length; a secret with no public prefix (a password, an AWS secret key) shows only its length.
 */
export function masked(secret: string, revealPrefix: boolean): string {
  return revealPrefix ? mask(secret) : lengthOnly(secret.length);
}

/**
 * A value whose kind is not known in advance (an ENV value, a Kubernetes env value): its first
 * characters are shown only when they are a published type prefix; a password shows only its length.
 */
export { maskSecret as maskedValue } from '../../secret-mask';
