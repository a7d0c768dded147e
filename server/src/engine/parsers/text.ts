import { LineIndex, eolOf } from '../text';
import { alternationOffsets, runKeywordPass, slotOffsets, type KeywordHits, type SharedKeywordPass } from '../templates/text/keyword-pass';

/** Any file seen as plain text: what secret detectors and suppression comments work on. */
export interface TextModel {
  readonly language: 'text';
  readonly text: string;
  readonly eol: string;
  readonly lines: LineIndex;
  /** The file name (last path segment), for detectors that only apply to some files. */
  readonly fileName: string;
  /** The URI or path as given, decoded, with `/` separators, for path filters. */
  readonly path: string;
  /**
   * Sorted offsets where any of `keywords` (lower-case literals) occurs, case-insensitively.
   * Text rules run on every file at every keystroke, so this is their cheap prefilter: each keyword
   * set is scanned once per file however many rules share it.
   */
  keywordOffsets(keywords: readonly string[]): readonly number[];
  /**
   * Sorted offsets of every occurrence (overlapping ones too) of a lower-case keyword, from the rule
   * set's one shared pass (run on first use); undefined when the pass does not hold that keyword.
   */
  sharedKeywordOffsets(keyword: string): readonly number[] | undefined;
  /** The rule set's one keyword pass, when there is one: what `keywordHits` slots refer to. */
  readonly keywordPass?: SharedKeywordPass;
  /** Every hit of the rule set's one keyword pass (run on first use); undefined without a pass. */
  keywordHits(): KeywordHits | undefined;
  /**
   * A boolean fact about this file computed once for all rules: `key` must name everything the answer
   * depends on besides this model (a file-filter pattern's source, and which part of the path it tests).
   */
  memoFact(key: string, compute: () => boolean): boolean;
  /** Other values computed once per model for several readers, by key object (each owner's own). */
  readonly memo: Map<object, unknown>;
}

/**
 * Lists of at most this many keywords are scanned on their own by a model whose text most rules read in
 * windows (`fewReaders`): one native regex pass for a private key's BEGIN (~0.4 ms a MB) instead of the
 * shared pass over the whole file (~4 ms a MB, every hit of every keyword), which only those few rules read.
 */
const OWN_SCAN_MAX_KEYWORDS = 2;

/**
 * `fewReaders`: only a few rules read this model's keywords (the rest run on windows of it), so a short
 * keyword list is found by its own scan rather than by the shared pass; the offsets are the same either
 * way (alternationOffsets gives what that scan finds).
 */
export function parseText(text: string, uri: string, lines = new LineIndex(text), keywordPass?: SharedKeywordPass, fewReaders = false): TextModel {
  const path = decodeURIComponentSafe(uri).replace(/\\/g, '/');
  const fileName = path.split('/').pop() ?? path;
  const hits = new Map<string, readonly number[]>();
  let shared: KeywordHits | undefined;
  const sharedHits = (pass: SharedKeywordPass): KeywordHits => (shared ??= runKeywordPass(pass, text));
  const facts = new Map<string, boolean>();
  return {
    language: 'text',
    text,
    eol: eolOf(text),
    lines,
    fileName,
    path,
    keywordOffsets(keywords) {
      const key = listKey(keywords, keywordPass?.listKeys);
      let found = hits.get(key);
      if (!found) {
        // From the shared pass when it holds every keyword of the list: no pass of the list's own.
        const ownScan = fewReaders && shared === undefined && keywords.length <= OWN_SCAN_MAX_KEYWORDS;
        found = (keywordPass && !ownScan && alternationOffsets(keywordPass, sharedHits(keywordPass), keywords, key)) || scanKeywords(text, keywordAlternation(keywords, key, keywordPass?.alternations));
        hits.set(key, found);
      }
      return found;
    },
    sharedKeywordOffsets(keyword) {
      const slot = keywordPass?.slots.get(keyword);
      if (keywordPass === undefined || slot === undefined) return undefined;
      return slotOffsets(sharedHits(keywordPass), slot);
    },
    keywordPass,
    keywordHits: () => (keywordPass ? sharedHits(keywordPass) : undefined),
    memoFact(key, compute) {
      let fact = facts.get(key);
      if (fact === undefined) facts.set(key, (fact = compute()));
      return fact;
    },
    memo: new Map(),
  };
}

/**
 * A keyword list's memo key (its sorted keywords), kept per list object by the rule set's pass: rules
 * ask with the same list for every file, and sorting a hundred keywords per file and rule added up.
 * Lists are treated as immutable, as `readonly` says.
 */
function listKey(keywords: readonly string[], memo: WeakMap<readonly string[], string> | undefined): string {
  // A list of one is often made per call (`[BEGIN]`): its key is its keyword, with nothing to remember.
  if (keywords.length === 1) return keywords[0];
  let key = memo?.get(keywords);
  if (key === undefined) {
    key = [...keywords].sort().join('\u0000');
    memo?.set(keywords, key);
  }
  return key;
}

/**
 * One native pass of a case-insensitive alternation of escaped literals (no backtracking hazard):
 * about ten times cheaper than lower-casing a large file first, and offsets are the text's own.
 * Without the `u` flag, `i` folds ASCII letters only, which is all a keyword needs.
 * Longest first so overlapping keywords report once.
 */
function scanKeywords(text: string, alternation: RegExp | undefined): number[] {
  const out: number[] = [];
  if (!alternation) return out;
  alternation.lastIndex = 0;
  for (let m = alternation.exec(text); m !== null; m = alternation.exec(text)) out.push(m.index);
  return out;
}

/** The alternation of a keyword list, from the rule set's memo when there is one; undefined for no keyword. */
function keywordAlternation(keywords: readonly string[], key: string, memo: Map<string, RegExp> | undefined): RegExp | undefined {
  const known = memo?.get(key);
  if (known) return known;
  const needles = [...new Set(keywords.map((k) => k.toLowerCase()).filter((k) => k.length > 0))];
  if (needles.length === 0) return undefined;
  const alternation = new RegExp(needles.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'gi');
  memo?.set(key, alternation);
  return alternation;
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
