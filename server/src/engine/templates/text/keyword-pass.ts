import { KeywordAutomaton, type KeywordAutomatonData } from './keyword-automaton';

// One keyword pass per text for the whole rule set: the union of every text rule's keywords in one
// Aho-Corasick automaton, built once when the rule set is, so a file without any keyword costs one
// scan however many secret rules are on. Each rule reads the hits of its own keywords from it, in time
// proportional to the hits, not to the number of keywords.

export interface SharedKeywordPass {
  /** Lower-cased keyword → its index in the automaton (its slot). */
  readonly slots: ReadonlyMap<string, number>;
  readonly automaton: KeywordAutomaton;
  /** Each slot's keyword length. */
  readonly lengths: readonly number[];
  /**
   * The rule set's other keyword lists (TextModel.keywordOffsets) as compiled alternations, by list:
   * built on first use and reused for every file, instead of escaped and compiled again per file.
   */
  readonly alternations: Map<string, RegExp>;
  /** Keyword lists (by TextModel.keywordOffsets' key) → which slots they hold; null when the pass lacks one. */
  readonly lists: Map<string, Uint8Array | null>;
  /** A keyword list object → its key in `lists` and `alternations` (the sorted keywords), computed once. */
  readonly listKeys: WeakMap<readonly string[], string>;
}

/** Every occurrence (overlapping ones too) of every keyword of the pass, in the order they end. */
export interface KeywordHits {
  readonly starts: readonly number[];
  readonly slots: readonly number[];
}

/** A keyword pass's automaton as the build made it (the built-in pack's), and the keywords it was made for. */
export interface BuiltKeywordPass {
  readonly keywords: readonly string[];
  readonly automaton: KeywordAutomatonData;
}

/** `built`: automatons the build made; one made for exactly these rules' keywords is used instead of building it again. */
export function sharedKeywordPass(rules: readonly { readonly keywords?: readonly string[] }[], built: readonly BuiltKeywordPass[] = []): SharedKeywordPass | undefined {
  // The automaton folds ASCII only: a keyword with another character is found by its rule's own scan.
  const keywords = [...new Set(rules.flatMap((r) => r.keywords ?? []).map((k) => k.toLowerCase()))].filter((k) => k.length > 0 && isAutomatonKeyword(k));
  if (keywords.length === 0) return undefined;
  const same = built.find((b) => b.keywords.length === keywords.length && b.keywords.every((k, i) => k === keywords[i]));
  return {
    slots: new Map(keywords.map((k, i) => [k, i])),
    automaton: new KeywordAutomaton(keywords, same?.automaton),
    lengths: keywords.map((k) => k.length),
    alternations: new Map(),
    lists: new Map(),
    listKeys: new WeakMap(),
  };
}

/** Printable ASCII and control characters below DEL: what KeywordAutomaton tells apart. */
function isAutomatonKeyword(keyword: string): boolean {
  for (let i = 0; i < keyword.length; i++) if (keyword.charCodeAt(i) >= 127) return false;
  return true;
}

/** What sharedKeywordPass built, for the build to ship. */
export function builtKeywordPass(pass: SharedKeywordPass): BuiltKeywordPass {
  return { keywords: [...pass.slots.keys()], automaton: pass.automaton.toData() };
}

export function runKeywordPass(pass: SharedKeywordPass, text: string): KeywordHits {
  const starts: number[] = [];
  const slots: number[] = [];
  pass.automaton.collect(text, slots, starts);
  return { starts, slots };
}

/** Sorted offsets of every occurrence of one slot's keyword (overlapping ones too). */
export function slotOffsets(hits: KeywordHits, slot: number): number[] {
  const out: number[] = [];
  // Occurrences of one keyword end in order, and all have its length, so they start in order too.
  for (let i = 0; i < hits.slots.length; i++) if (hits.slots[i] === slot) out.push(hits.starts[i]);
  return out;
}

/**
 * What a case-insensitive regex alternation of `keywords` (longest first, `gi`) finds, from the pass's
 * hits: at the leftmost occurrence its longest keyword, then on from that keyword's end. Undefined when
 * the pass does not hold every keyword of the list.
 */
export function alternationOffsets(pass: SharedKeywordPass, hits: KeywordHits, keywords: readonly string[], key: string): number[] | undefined {
  let mask = pass.lists.get(key);
  if (mask === undefined) {
    mask = listMask(pass, keywords);
    pass.lists.set(key, mask);
  }
  if (mask === null) return undefined;
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < hits.slots.length; i++) {
    const slot = hits.slots[i];
    if (mask[slot] === 0) continue;
    starts.push(hits.starts[i]);
    lengths.push(pass.lengths[slot]);
  }
  // Hits come in the order they end: a longer keyword ending later may start earlier (or at the same place).
  // Most files' hits are in order already (no overlapping keywords), and then no index array is sorted.
  const order = inOrder(starts, lengths) ? undefined : starts.map((_, i) => i).sort((a, b) => starts[a] - starts[b] || lengths[b] - lengths[a]);
  const out: number[] = [];
  let next = 0;
  for (let n = 0; n < starts.length; n++) {
    const i = order === undefined ? n : order[n];
    if (starts[i] < next) continue;
    out.push(starts[i]);
    next = starts[i] + lengths[i];
  }
  return out;
}

/** Whether the hits already stand in the order alternationOffsets sorts them into (start, then longest first). */
function inOrder(starts: readonly number[], lengths: readonly number[]): boolean {
  for (let i = 1; i < starts.length; i++) {
    if (starts[i] < starts[i - 1] || (starts[i] === starts[i - 1] && lengths[i] > lengths[i - 1])) return false;
  }
  return true;
}

function listMask(pass: SharedKeywordPass, keywords: readonly string[]): Uint8Array | null {
  const mask = new Uint8Array(pass.lengths.length);
  for (const keyword of keywords) {
    const lower = keyword.toLowerCase();
    if (lower.length === 0) continue;
    const slot = pass.slots.get(lower);
    if (slot === undefined) return null;
    mask[slot] = 1;
  }
  return mask;
}
