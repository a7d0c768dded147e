// Two versions of a section that an editor's keystroke makes: one character typed or deleted. Shared by
// the parse reuses (yaml-trailing-space.ts, yaml-scalar-edit.ts), which first find where the texts differ.

export function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** `longer` after `at + 1` equals `shorter` after `at` (compared from the end, without copying either). */
export function sameTail(longer: string, shorter: string, at: number): boolean {
  for (let i = longer.length - 1, j = shorter.length - 1; j >= at; i--, j--) if (longer.charCodeAt(i) !== shorter.charCodeAt(j)) return false;
  return true;
}

/** One character typed (`delta` 1) or deleted (-1) at `at`: `longer` is the text that has it. */
export interface OneCharacterEdit {
  readonly at: number;
  readonly delta: 1 | -1;
  readonly longer: string;
  readonly shorter: string;
}

/**
 * The edit when `text` is `previous` with one character typed or deleted and `accepts` takes that
 * character (asked before the tails are compared, the costlier check); otherwise undefined.
 */
export function oneCharacterEdit(previous: string, text: string, accepts: (longer: string, at: number) => boolean): OneCharacterEdit | undefined {
  const delta = text.length - previous.length;
  if (delta !== 1 && delta !== -1) return undefined;
  const at = firstDifference(previous, text);
  const longer = delta === 1 ? text : previous;
  const shorter = delta === 1 ? previous : text;
  return accepts(longer, at) && sameTail(longer, shorter, at) ? { at, delta, longer, shorter } : undefined;
}
