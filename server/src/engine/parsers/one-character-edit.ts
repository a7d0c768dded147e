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
