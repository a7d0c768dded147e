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
  /** For each state, the keywords (indexes) that end there, including through failure links. */
  private readonly outputs: (readonly number[] | undefined)[];
  private readonly lengths: readonly number[];
  /**
   * rows[state * CLASSES + class]: the next state (failure links folded in) as the offset of its row,
   * negated where a keyword ends at it, so the loop learns both from one load (the root never ends one).
   */
  private readonly rows: Int32Array;

  constructor(keywords: readonly string[]) {
    // The trie's transitions in one typed table, rewritten in place into the automaton's. In the trie
    // 0 means "no edge" (no edge leads back to the root); in the automaton it is the root itself.
    const capacity = 1 + keywords.reduce((n, k) => n + k.length, 0);
    const table = new Int32Array(capacity * CLASSES);
    const ends: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const cell = state * CLASSES + classOf(keyword.charCodeAt(i));
        if (table[cell] === 0) {
          table[cell] = ends.length;
          ends.push([]);
        }
        state = table[cell];
      }
      ends[state].push(index);
    });
    this.lengths = keywords.map((k) => k.length);
    const count = ends.length;
    // A class no keyword holds leads every state back to the root (0, as the table already says): only
    // the keywords' own classes are computed. This runs once per rule set, mostly before the JIT has
    // compiled it, so the iterations count.
    const alphabet = [...new Set(keywords.flatMap((k) => Array.from(k, (ch) => classOf(ch.charCodeAt(0)))))];
    const fail = new Int32Array(count);
    const outputs: number[][] = ends.map((e) => [...e]);
    // Breadth first: a state's failure target is shallower, so its row and outputs are complete.
    const queue: number[] = alphabet.map((c) => table[c]).filter((to) => to !== 0);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      if (outputs[fail[state]].length > 0) outputs[state].push(...outputs[fail[state]]);
      const row = state * CLASSES;
      const failRow = fail[state] * CLASSES;
      for (let a = 0; a < alphabet.length; a++) {
        const c = alphabet[a];
        const to = table[row + c];
        const viaFail = table[failRow + c];
        if (to === 0) {
          table[row + c] = viaFail;
        } else {
          fail[to] = viaFail;
          queue.push(to);
        }
      }
    }
    this.outputs = outputs.map((o) => (o.length > 0 ? o : undefined));
    const ending = Uint8Array.from(outputs, (o) => (o.length > 0 ? 1 : 0));
    // Again only the keywords' classes: every other cell leads to the root, 0 in both tables.
    const rows = new Int32Array(count * CLASSES);
    for (let row = 0; row < rows.length; row += CLASSES) {
      for (let a = 0; a < alphabet.length; a++) {
        const to = table[row + alphabet[a]];
        if (to !== 0) rows[row + alphabet[a]] = ending[to] === 1 ? -to * CLASSES : to * CLASSES;
      }
    }
    this.rows = rows;
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
