// Aho-Corasick over ASCII, case-insensitive: every occurrence of every keyword (overlapping ones
// too) in one pass over the text, a table lookup per character. A rule holding a hundred detectors
// pays for one such pass per file, which is several times faster than a regex alternation of the
// same literals and needs no lower-cased copy of the file.

/** Characters are folded into 128 classes: ASCII lower-cased, everything else one class. */
const CLASSES = 128;
const OTHER = 127;

function classOf(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  return code < OTHER ? code : OTHER;
}

export class KeywordAutomaton {
  /** For each state, the keywords (indexes) that end there, including through failure links. */
  private readonly outputs: (readonly number[] | undefined)[];
  private readonly lengths: readonly number[];
  /**
   * Each ASCII code's column in a row: only the classes the keywords use have one of their own (1, 2, ...),
   * every other character shares column 0, where every state leads back to the root. Rows are as
   * wide as the keywords' alphabet needs (a power of two), not 128: a table of 300 keywords is then
   * a few hundred KB rather than close to a megabyte, and the scan's loads stay in cache.
   */
  private readonly columns: Uint8Array;
  /** log2 of a row's width. */
  private readonly shift: number;
  /**
   * rows[state << shift | column]: the next state (failure links folded in) as the offset of its row,
   * negated where a keyword ends at it, so the loop learns both from one load (the root never ends one).
   */
  private readonly rows: Int32Array;

  constructor(keywords: readonly string[]) {
    const alphabet = [...new Set(keywords.flatMap((k) => Array.from({ length: k.length }, (_, i) => classOf(k.charCodeAt(i)))))];
    const byClass = new Uint8Array(CLASSES);
    alphabet.forEach((c, i) => (byClass[c] = i + 1));
    // By ASCII code, case folded: what the scan reads for each character.
    const columns = Uint8Array.from({ length: CLASSES }, (_, code) => byClass[classOf(code)]);
    let shift = 0;
    while (1 << shift < alphabet.length + 1) shift++;
    const width = 1 << shift;
    const column = (code: number) => byClass[classOf(code)];
    // The trie's transitions in one typed table, rewritten in place into the automaton's. In the trie
    // 0 means "no edge" (no edge leads back to the root); in the automaton it is the root itself.
    const capacity = 1 + keywords.reduce((n, k) => n + k.length, 0);
    const table = new Int32Array(capacity * width);
    const ends: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const cell = state * width + column(keyword.charCodeAt(i));
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
    // Column 0 (no keyword's character) leads every state back to the root, as the table already says.
    const fail = new Int32Array(count);
    const outputs: number[][] = ends.map((e) => [...e]);
    // Breadth first: a state's failure target is shallower, so its row and outputs are complete.
    const queue: number[] = [];
    for (let c = 1; c <= alphabet.length; c++) if (table[c] !== 0) queue.push(table[c]);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      if (outputs[fail[state]].length > 0) outputs[state].push(...outputs[fail[state]]);
      const row = state * width;
      const failRow = fail[state] * width;
      for (let c = 1; c <= alphabet.length; c++) {
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
    const rows = new Int32Array(count * width);
    for (let cell = 0; cell < rows.length; cell++) {
      const to = table[cell];
      if (to !== 0) rows[cell] = ending[to] === 1 ? -(to << shift) : to << shift;
    }
    this.rows = rows;
    this.columns = columns;
    this.shift = shift;
  }

  /** Calls `hit(keyword, start)` for every occurrence, in the order the occurrences end. */
  scan(text: string, hit: (keyword: number, start: number) => void): void {
    // The per-character loop is the whole cost of a file without keywords: rows premultiplied by the
    // row width, columns from a table, and the sign of the next row saying whether a keyword ends there.
    const rows = this.rows;
    const columns = this.columns;
    const other = columns[OTHER];
    const shift = this.shift;
    const length = text.length;
    let row = 0;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      row = rows[row + (code < CLASSES ? columns[code] : other)];
      if (row < 0) {
        row = -row;
        const ending = this.outputs[row >> shift]!;
        for (let j = 0; j < ending.length; j++) hit(ending[j], i + 1 - this.lengths[ending[j]]);
      }
    }
  }
}
