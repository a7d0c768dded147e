// Reports kept between keystrokes are moved when typing shifts the text above them, and a moved report
// handed back as the same object gives back the finding made from it (finding-memo.ts). Typing a word
// moves what lies below by 1, 2, 3 and deleting it comes back through 2 and 1: with only the last move
// kept, 5 of every 6 keystrokes of a typed-and-deleted word moved every report below the edit again
// (a space typed and deleted: 1 of 2), which made word typing in the 5,000-line Dockerfile 1.5-2x
// space typing. A few recent moves are kept, not every distance: Enter typed at many points moves the
// reports below by a new distance each time, and a map of every distance kept them all alive (dc43ef7).

/** How many moves of one kept thing are kept, the current one included. */
export const MOVES_KEPT = 3;

/** A kept thing moved by `by` from where it was first kept. */
export interface Move<T> {
  readonly by: number;
  readonly value: T;
}

/**
 * The moves to keep once the thing is moved by `by` (most recent first): the move by `by` first, from
 * `moves` or `make()`'s, then the others in order, at most MOVES_KEPT. `moves` itself when its first is
 * that move already (no allocation while the text around does not move).
 */
export function recentMoves<T>(moves: readonly Move<T>[], by: number, make: () => T): readonly Move<T>[] {
  if (moves.length > 0 && moves[0].by === by) return moves;
  const current = moves.find((m) => m.by === by) ?? { by, value: make() };
  const kept: Move<T>[] = [current];
  for (const m of moves) if (m !== current && kept.length < MOVES_KEPT) kept.push(m);
  return kept;
}
