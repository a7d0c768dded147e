import type { Instruction } from 'dockerfile-ast';

// What rules derive from one instruction's text alone (its properties, its image reference), with
// offsets relative to the instruction's start, is kept with the instruction as the editor's parse
// builds it (dockerfile-ast-memo.ts): every later parse's copy of that instruction shares it, and so
// does the instruction moved to other lines (relative offsets do not move). Without a cache (the CLI)
// instructions have none and callers derive afresh.

/** On an instruction as built (and so on each copy of it): its text memo. */
export const TEXT_MEMO = Symbol('textMemo');

type WithMemo = Instruction & { [TEXT_MEMO]?: Map<symbol, unknown> };

/** Gives a newly built instruction (and every copy made of it from now on) a text memo. */
export function withTextMemo(instruction: Instruction): void {
  (instruction as WithMemo)[TEXT_MEMO] = new Map();
}

/** Whether the instruction keeps a text memo (built by the editor's parse): without one, fromText derives each time. */
export function hasTextMemo(instruction: Instruction): boolean {
  return (instruction as WithMemo)[TEXT_MEMO] !== undefined;
}

/** `derive()` for this instruction's text, kept under `key` when the instruction has a text memo. */
export function fromText<T>(instruction: Instruction, key: symbol, derive: () => T): T {
  const memo = (instruction as WithMemo)[TEXT_MEMO];
  if (!memo) return derive();
  if (memo.has(key)) return memo.get(key) as T;
  const value = derive();
  memo.set(key, value);
  return value;
}
