import { editPoints, type EditPoint, type FileKind, type Typing } from './edit-points';

// The keystrokes the benches type at an edit point, as LSP incremental changes. A space: typed at the
// line's end, then deleted. A word: WORD typed inside a value one character at a time, then deleted one
// character at a time as Backspace does; every character is a keystroke measured on its own.

export const WORD = 'dev';

export interface Change {
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly text: string;
}

export function keystrokesPerPoint(typing: Typing): number {
  return typing === 'word' ? WORD.length * 2 : 2;
}

export function keystrokesAt(p: EditPoint, typing: Typing): Change[] {
  const at = (character: number) => ({ line: p.line, character });
  const typed = typing === 'word' ? WORD : ' ';
  const out: Change[] = [];
  for (let i = 0; i < typed.length; i++) out.push({ range: { start: at(p.character + i), end: at(p.character + i) }, text: typed[i] });
  for (let i = typed.length; i > 0; i--) out.push({ range: { start: at(p.character + i - 1), end: at(p.character + i) }, text: '' });
  return out;
}

/** Enough edit points for about `keystrokes` keystrokes of this typing. */
export function typingPoints(text: string, kind: FileKind, keystrokes: number, typing: Typing, seed = 7): EditPoint[] {
  return editPoints(text, kind, Math.ceil(keystrokes / keystrokesPerPoint(typing)), seed, typing);
}
