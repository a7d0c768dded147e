import type { TextModel } from '../../parsers/text';
import { KeywordAutomaton } from './keyword-automaton';

// One keyword pass for a whole list of detectors: an Aho-Corasick automaton of the union of their
// keywords finds every occurrence (overlapping ones too) in one pass over the file, and each
// occurrence is handed to the detectors that own that keyword. A file without any keyword costs that
// one pass, however many detectors a rule holds.

export interface KeywordIndex {
  /** The distinct lower-cased keywords, in the automaton's order. */
  readonly keywords: readonly string[];
  readonly automaton: KeywordAutomaton;
  /** For each keyword of the automaton, the indexes of the detectors that own it. */
  readonly owners: readonly (readonly number[])[];
}

export function keywordIndex(detectorKeywords: readonly (readonly string[])[]): KeywordIndex {
  const owners = new Map<string, number[]>();
  detectorKeywords.forEach((keywords, detector) => {
    for (const keyword of new Set(keywords.map((k) => k.toLowerCase()))) {
      const list = owners.get(keyword) ?? [];
      list.push(detector);
      owners.set(keyword, list);
    }
  });
  const keywords = [...owners.keys()];
  return { keywords, automaton: new KeywordAutomaton(keywords), owners: [...owners.values()] };
}

/** Up to this many keywords are found with one indexOf pass each. */
const FEW_KEYWORDS = 2;

/** Sorted, distinct keyword offsets per detector. */
export function hitsByDetector(model: TextModel, index: KeywordIndex, detectorCount: number): number[][] {
  const out: number[][] = Array.from({ length: detectorCount }, () => []);
  const hit = (keyword: number, start: number): void => {
    for (const d of index.owners[keyword]) out[d].push(start);
  };
  if (index.keywords.length <= FEW_KEYWORDS) {
    // indexOf on the model's shared lower-cased text beats the automaton for a keyword or two.
    index.keywords.forEach((k, i) => model.keywordOffsets([k]).forEach((start) => hit(i, start)));
  } else {
    index.automaton.scan(model.text, hit);
  }
  return out.map((list) => (list.length < 2 ? list : [...new Set(list)].sort((a, b) => a - b)));
}
