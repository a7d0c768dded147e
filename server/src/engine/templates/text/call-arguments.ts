// Whether a place in a list of items is among a call's arguments (`Map.of("a", "b", "KEY", …)`), where items
// pair up as key and value, or in a tuple, list or set of names (`__all__ = ('Context', 'Token', 'copy_context')`,
// found in Python's standard library), where they do not: the innermost bracket left open before it is a `(`
// right after a name or a type's generic arguments. Brackets inside string literals are not told apart, so a
// stray one can only make a pair unread, never read one that is not there.

/** How far back the open bracket is looked for: a call's arguments span a few lines. */
const LOOK_BACK = 2000;

export function insideCallArguments(text: string, at: number): boolean {
  let depth = 0;
  for (let i = at; i >= 0 && i >= at - LOOK_BACK; i--) {
    const c = text[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (depth > 0) depth--;
      else return c === '(' && /[\w$>]/.test(text[i - 1] ?? '');
    }
  }
  return false;
}
