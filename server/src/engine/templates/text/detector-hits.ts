import { lowerSameLength, type TextModel } from '../../parsers/text';

// One keyword pass for a whole list of detectors: the union of their keywords is scanned once per
// file (the model caches it), and each hit is then handed to the detectors whose keyword is there.
// A file without any keyword costs that one scan, however many detectors a rule holds.

export interface KeywordIndex {
  /** Every keyword of every detector, lower-cased, deduplicated. */
  readonly all: readonly string[];
  /** For each keyword, the indexes of the detectors that own it. */
  readonly owners: ReadonlyMap<string, readonly number[]>;
  /** The longest keyword's length: how far after a hit another keyword may start unseen. */
  readonly longest: number;
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
  const all = [...owners.keys()];
  return { all, owners, longest: Math.max(0, ...all.map((k) => k.length)) };
}

/**
 * Sorted keyword offsets per detector. The scan reports non-overlapping hits (the longest keyword
 * first), so a keyword that starts inside another one's hit (`xoxb-` in `xoxe.xoxb-`) is looked
 * for in the few characters after each hit.
 */
export function hitsByDetector(model: TextModel, index: KeywordIndex, detectorCount: number): number[][] {
  const out: number[][] = Array.from({ length: detectorCount }, () => []);
  const offsets = model.keywordOffsets(index.all);
  if (offsets.length === 0) return out;
  const seen = new Set<string>();
  for (const hit of offsets) {
    const window = lowerSameLength(model.text.slice(hit, hit + 2 * index.longest));
    for (const [keyword, detectors] of index.owners) {
      const at = window.indexOf(keyword);
      if (at < 0 || at >= index.longest) continue;
      const key = `${hit + at}\u0000${keyword}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const d of detectors) out[d].push(hit + at);
    }
  }
  for (const list of out) list.sort((a, b) => a - b);
  return out;
}
