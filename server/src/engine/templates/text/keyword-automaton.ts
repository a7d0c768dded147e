// Aho-Corasick over ASCII, case-insensitive: every occurrence of every keyword (overlapping ones
// too) in one pass over the text, a table lookup per character. A rule holding a hundred detectors
// pays for one such pass per file, which is several times faster than a regex alternation of the
// same literals and needs no lower-cased copy of the file.

/** Characters are folded into 128 classes: ASCII lower-cased, everything else one class. */
const CLASSES = 128;
const OTHER = 127;

/** classOf for every ASCII code, as a table. */
const CLASS_TABLE = Uint8Array.from({ length: CLASSES }, (_, code) => classOf(code));

function classOf(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  return code < OTHER ? code : OTHER;
}

export class KeywordAutomaton {
  /** delta[state * CLASSES + class]: the next state (the failure links are folded in). */
  private readonly delta: Int32Array;
  /** For each state, the keywords (indexes) that end there, including through failure links. */
  private readonly outputs: (readonly number[] | undefined)[];
  private readonly lengths: readonly number[];
  /**
   * delta with each target state as the offset of its row (state * CLASSES), for scan; negated where
   * a keyword ends at the target, so the loop learns both from one load (state 0 never ends one).
   */
  private readonly rows: Int32Array;

  constructor(keywords: readonly string[]) {
    const next: Map<number, number>[] = [new Map<number, number>()];
    const ends: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = classOf(keyword.charCodeAt(i));
        let to = next[state].get(c);
        if (to === undefined) {
          to = next.length;
          next.push(new Map());
          ends.push([]);
          next[state].set(c, to);
        }
        state = to;
      }
      ends[state].push(index);
    });
    this.lengths = keywords.map((k) => k.length);
    this.delta = new Int32Array(next.length * CLASSES);
    const fail = new Int32Array(next.length);
    const outputs: number[][] = ends.map((e) => [...e]);
    // Breadth first: a state's failure target is shallower, so its row and outputs are complete.
    const queue: number[] = [];
    for (let c = 0; c < CLASSES; c++) {
      const to = next[0].get(c) ?? 0;
      this.delta[c] = to;
      if (to !== 0) queue.push(to);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      if (outputs[fail[state]].length > 0) outputs[state].push(...outputs[fail[state]]);
      for (let c = 0; c < CLASSES; c++) {
        const to = next[state].get(c);
        const viaFail = this.delta[fail[state] * CLASSES + c];
        if (to === undefined) {
          this.delta[state * CLASSES + c] = viaFail;
        } else {
          this.delta[state * CLASSES + c] = to;
          fail[to] = viaFail;
          queue.push(to);
        }
      }
    }
    this.outputs = outputs.map((o) => (o.length > 0 ? o : undefined));
    this.rows = this.delta.map((state) => (this.outputs[state] === undefined ? state * CLASSES : -state * CLASSES));
  }

  /** Calls `hit(keyword, start)` for every occurrence, in the order the occurrences end. */
  scan(text: string, hit: (keyword: number, start: number) => void): void {
    // The per-character loop is the whole cost of a file without keywords: rows premultiplied by
    // CLASSES, classes from a table, and the sign of the next row saying whether a keyword ends there.
    const rows = this.rows;
    const classes = CLASS_TABLE;
    const length = text.length;
    let row = 0;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      row = rows[row + (code < CLASSES ? classes[code] : OTHER)];
      if (row < 0) {
        row = -row;
        const ending = this.outputs[row >> 7]!;
        for (let j = 0; j < ending.length; j++) hit(ending[j], i + 1 - this.lengths[ending[j]]);
      }
    }
  }
}
