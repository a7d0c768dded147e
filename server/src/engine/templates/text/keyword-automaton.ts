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

/**
 * A built automaton as plain data (the build ships the built-in pack's, validated-packs.ts): building it
 * was ~30M instructions of a one-file scan's start. Rows are stored as their cells that differ from the
 * root's row, targets as state numbers (negated where a keyword ends).
 */
export interface KeywordAutomatonData {
  /** The root's row in full, then for each further state: its count of differing cells, then (class, target) pairs. */
  readonly rows: readonly number[];
  /** For each state where keywords end: the state, then those keywords. */
  readonly outputs: readonly (readonly number[])[];
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

  /** `built`: this automaton as toData() gave it, for these same keywords. */
  constructor(keywords: readonly string[], built?: KeywordAutomatonData) {
    if (built !== undefined) {
      this.lengths = keywords.map((k) => k.length);
      this.rows = rowsOf(built);
      this.outputs = outputsOf(built, this.rows.length / CLASSES);
      return;
    }
    // The trie's edges in one typed table (0: no edge; no edge leads back to the root), and each state's
    // own edge classes, so that building the automaton visits edges, not every state × class.
    const capacity = 1 + keywords.reduce((n, k) => n + k.length, 0);
    const trie = new Int32Array(capacity * CLASSES);
    const ends: number[][] = [[]];
    const edges: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = classOf(keyword.charCodeAt(i));
        const cell = state * CLASSES + c;
        if (trie[cell] === 0) {
          trie[cell] = ends.length;
          ends.push([]);
          edges.push([]);
          edges[state].push(c);
        }
        state = trie[cell];
      }
      ends[state].push(index);
    });
    this.lengths = keywords.map((k) => k.length);
    const count = ends.length;
    // Built once per rule set, mostly before the JIT has compiled this, so the iterations count: a
    // state's row is its failure state's row (a native copy) with its own edges written over it.
    // Breadth first: a failure state is shallower, so its row, outputs and `ending` are complete; a
    // target's `ending` is known once its failure link is, which is set before any row holds it.
    const rows = new Int32Array(count * CLASSES);
    const fail = new Int32Array(count);
    const ending = new Uint8Array(count);
    const outputs: number[][] = ends.map((e) => [...e]);
    const encode = (to: number) => (ending[to] === 1 ? -to * CLASSES : to * CLASSES);
    const queue: number[] = [];
    for (const c of edges[0]) {
      const to = trie[c];
      ending[to] = ends[to].length > 0 ? 1 : 0;
      rows[c] = encode(to);
      queue.push(to);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      const failRow = fail[state] * CLASSES;
      if (outputs[fail[state]].length > 0) outputs[state].push(...outputs[fail[state]]);
      const row = state * CLASSES;
      rows.copyWithin(row, failRow, failRow + CLASSES);
      for (const c of edges[state]) {
        const to = trie[row + c];
        fail[to] = Math.abs(rows[failRow + c]) / CLASSES;
        ending[to] = ends[to].length > 0 || ending[fail[to]] === 1 ? 1 : 0;
        rows[row + c] = encode(to);
        queue.push(to);
      }
    }
    this.outputs = outputs.map((o) => (o.length > 0 ? o : undefined));
    this.rows = rows;
  }

  toData(): KeywordAutomatonData {
    const rows = this.rows;
    const cells: number[] = [];
    for (let c = 0; c < CLASSES; c++) cells.push(rows[c] / CLASSES);
    for (let row = CLASSES; row < rows.length; row += CLASSES) {
      const count = cells.length;
      cells.push(0);
      for (let c = 0; c < CLASSES; c++) if (rows[row + c] !== rows[c]) cells.push(c, rows[row + c] / CLASSES);
      cells[count] = (cells.length - count - 1) / 2;
    }
    const outputs: number[][] = [];
    this.outputs.forEach((ending, state) => {
      if (ending !== undefined) outputs.push([state, ...ending]);
    });
    return { rows: cells, outputs };
  }

  /**
   * scan() into two arrays (keyword, start per occurrence) without a call per occurrence: the shared pass
   * of every file, where a call per hit was most of the loop's cost on text dense with keywords (`token`).
   */
  collect(text: string, keywords: number[], starts: number[]): void {
    // The per-character loop is the whole cost of a file without keywords: rows premultiplied by
    // CLASSES, classes from a table, and the sign of the next row saying whether a keyword ends there.
    const rows = this.rows;
    const classes = CLASS_TABLE;
    const outputs = this.outputs;
    const lengths = this.lengths;
    const length = text.length;
    let row = 0;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      row = rows[row + (code < CLASSES ? classes[code] : OTHER)];
      if (row < 0) {
        row = -row;
        const ending = outputs[row >> 7]!;
        for (let j = 0; j < ending.length; j++) {
          keywords.push(ending[j]);
          starts.push(i + 1 - lengths[ending[j]]);
        }
      }
    }
  }

  /** Calls `hit(keyword, start)` for every occurrence, in the order the occurrences end. */
  scan(text: string, hit: (keyword: number, start: number) => void): void {
    const keywords: number[] = [];
    const starts: number[] = [];
    this.collect(text, keywords, starts);
    for (let i = 0; i < keywords.length; i++) hit(keywords[i], starts[i]);
  }
}

function rowsOf(data: KeywordAutomatonData): Int32Array {
  const cells = data.rows;
  let states = 1;
  for (let i = CLASSES; i < cells.length; i += 1 + 2 * cells[i]) states++;
  const rows = new Int32Array(states * CLASSES);
  for (let c = 0; c < CLASSES; c++) rows[c] = cells[c] * CLASSES;
  let i = CLASSES;
  for (let row = CLASSES; row < rows.length; row += CLASSES) {
    rows.copyWithin(row, 0, CLASSES);
    const end = i + 1 + 2 * cells[i];
    for (i++; i < end; i += 2) rows[row + cells[i]] = cells[i + 1] * CLASSES;
  }
  return rows;
}

function outputsOf(data: KeywordAutomatonData, states: number): (readonly number[] | undefined)[] {
  const outputs: (readonly number[] | undefined)[] = new Array<undefined>(states).fill(undefined);
  for (const [state, ...ending] of data.outputs) outputs[state] = ending;
  return outputs;
}
