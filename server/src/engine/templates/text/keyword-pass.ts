import { KeywordAutomaton } from './keyword-automaton';

// One keyword pass per text for the whole rule set: the union of every text rule's keywords in one
// Aho-Corasick automaton, built once when the rule set is, so a file without any keyword costs one
// scan however many secret rules are on. Each rule reads the hits of its own keywords from it.

export interface SharedKeywordPass {
  /** Lower-cased keyword → its index in the automaton. */
  readonly slots: ReadonlyMap<string, number>;
  readonly automaton: KeywordAutomaton;
  /**
   * The rule set's other keyword lists (TextModel.keywordOffsets) as compiled alternations, by list:
   * built on first use and reused for every file, instead of escaped and compiled again per file.
   */
  readonly alternations: Map<string, RegExp>;
}

export function sharedKeywordPass(rules: readonly { readonly keywords?: readonly string[] }[]): SharedKeywordPass | undefined {
  const keywords = [...new Set(rules.flatMap((r) => r.keywords ?? []).map((k) => k.toLowerCase()))].filter((k) => k.length > 0);
  if (keywords.length === 0) return undefined;
  return { slots: new Map(keywords.map((k, i) => [k, i])), automaton: new KeywordAutomaton(keywords), alternations: new Map() };
}

/** Every occurrence (overlapping ones too) of each keyword of the pass: start offsets, ascending. */
export function runKeywordPass(pass: SharedKeywordPass, text: string): readonly (readonly number[])[] {
  const out: number[][] = Array.from({ length: pass.slots.size }, () => []);
  // Occurrences of one keyword end in order, and all have its length, so they start in order too.
  pass.automaton.scan(text, (keyword, start) => out[keyword].push(start));
  return out;
}
