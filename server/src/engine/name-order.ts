// The order String#localeCompare gives names (rule ids, pack paths), without its cost: its first call
// loads ICU's collation data, about 10 ms of a one-file scan's start-up. For names made only of ASCII
// letters, digits and `_ - . /` the root collation (English's, which has no tailoring) is simple: those
// characters' primary weights in that order, letters in either case alike; then, for names equal but
// for case, the first case difference puts the lower-case letter first. Any other name goes to
// localeCompare itself. test/unit/engine/name-order.test.ts checks this against localeCompare.

/** Primary rank of each plain ASCII character; 0 for a character that is not plain. */
const RANK = rankTable();

function rankTable(): Uint8Array {
  const rank = new Uint8Array(128);
  const order = '_-./0123456789abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < order.length; i++) {
    rank[order.charCodeAt(i)] = i + 1;
    const upper = order[i].toUpperCase();
    if (upper !== order[i]) rank[upper.charCodeAt(0)] = i + 1;
  }
  return rank;
}

function isPlain(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 128 || RANK[code] === 0) return false;
  }
  return true;
}

/** a.localeCompare(b) as the root collation orders them (its sign). */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  if (!isPlain(a) || !isPlain(b)) return a.localeCompare(b);
  const shorter = Math.min(a.length, b.length);
  let caseOrder = 0;
  for (let i = 0; i < shorter; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (RANK[ca] !== RANK[cb]) return RANK[ca] < RANK[cb] ? -1 : 1;
    // Same letter in another case: decides only if nothing else does (lower case first).
    if (caseOrder === 0 && ca !== cb) caseOrder = ca > cb ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return caseOrder;
}
