import type { TextModel } from '../../parsers/text';
import { KeywordAutomaton } from './keyword-automaton';
import type { SharedKeywordPass } from './keyword-pass';

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
  /** Per shared pass: its slot → this index's keyword (-1: not one of ours); null when the pass lacks one of ours. */
  readonly bySlot: WeakMap<SharedKeywordPass, Int32Array | null>;
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
  // Built on first use: with the rule set's shared pass holding every keyword (the usual case) it never is.
  let automaton: KeywordAutomaton | undefined;
  return {
    keywords,
    get automaton() {
      return (automaton ??= new KeywordAutomaton(keywords));
    },
    owners: [...owners.values()],
    bySlot: new WeakMap(),
  };
}

/**
 * The same occurrences from the rule set's one keyword pass, when it holds every keyword of the index:
 * then this rule costs no pass of its own, only a look at each hit of the pass. False when it does not.
 */
function fromSharedPass(model: TextModel, index: KeywordIndex, hit: (keyword: number, start: number) => void): boolean {
  const pass = model.keywordPass;
  if (pass === undefined) return false;
  let ours = index.bySlot.get(pass);
  if (ours === undefined) index.bySlot.set(pass, (ours = slotMap(pass, index.keywords)));
  if (ours === null) return false;
  const { starts, slots } = model.keywordHits()!;
  for (let i = 0; i < slots.length; i++) {
    const keyword = ours[slots[i]];
    if (keyword >= 0) hit(keyword, starts[i]);
  }
  return true;
}

function slotMap(pass: SharedKeywordPass, keywords: readonly string[]): Int32Array | null {
  const ours = new Int32Array(pass.lengths.length).fill(-1);
  for (const [i, keyword] of keywords.entries()) {
    const slot = pass.slots.get(keyword);
    if (slot === undefined) return null;
    ours[slot] = i;
  }
  return ours;
}

/** Up to this many keywords are found with one indexOf pass each. */
const FEW_KEYWORDS = 2;

/** Sorted, distinct keyword offsets per detector. */
export function hitsByDetector(model: TextModel, index: KeywordIndex, detectorCount: number): readonly (readonly number[])[] {
  // A list only for detectors with hits: most files hit a few of a rule's hundred detectors, or none.
  const out: (number[] | undefined)[] = new Array<number[] | undefined>(detectorCount).fill(undefined);
  const hit = (keyword: number, start: number): void => {
    for (const d of index.owners[keyword]) (out[d] ??= []).push(start);
  };
  if (index.keywords.length <= FEW_KEYWORDS) {
    // The model's own keyword scan (one native case-insensitive pass, shared) beats the automaton for a keyword or two.
    index.keywords.forEach((k, i) => model.keywordOffsets([k]).forEach((start) => hit(i, start)));
  } else if (!fromSharedPass(model, index, hit)) {
    index.automaton.scan(model.text, hit);
  }
  return out.map((list) => (list === undefined ? NO_HITS : increasing(list) ? list : [...new Set(list)].sort((a, b) => a - b)));
}

/** Already sorted and distinct (a detector with one keyword, the usual case): nothing to copy or sort. */
function increasing(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i] <= list[i - 1]) return false;
  return true;
}

const NO_HITS: readonly number[] = Object.freeze([]);
