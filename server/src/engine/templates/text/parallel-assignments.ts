import { callArguments, literalArgument } from './argument-places';
import { trimEndOf } from '../../trim';

// Names assigned by position from a list of values on one line: array destructuring (`const [user, password] =
// ['svc', '…']`), Python's tuple unpacking (`user, password = "svc", "…"`, with or without parentheses), Go's
// multiple assignment (`user, pass := "svc", "…"`). Each name takes the value at its own index, so the key hit's
// name is paired with its literal, not with the first item (which a list's first-item form would read).

/** A name in the list: an identifier, in JS optionally a rest or a default-less binding. */
const NAME = /^[A-Za-z_$][\w$]*$/;
/** What may open the names' list: a declaration keyword, `[`, `(`, or nothing at the line's start. */
const LIST_HEAD = /^[ \t]*(?:(?:const|let|var|val|export[ \t]+const)[ \t]+)?([[(]?)$/;

/** The quote of the literal a parallel assignment gives the name written at keyStart..keyEnd, and its line's end. */
export function parallelAssignmentStart(text: string, keyStart: number, keyEnd: number, lineStart: number, lineEnd: number): { at: number; lineEnd: number } | undefined {
  // Most hits are no list's item: the name is followed by a comma or closes a list.
  let after = keyEnd;
  while (text[after] === ' ' || text[after] === '\t') after++;
  if (text[after] === '=' || text[after] === ':') {
    // The last name of a bare list (`user, password = …`): a comma before it.
    let comma = keyStart - 1;
    while (comma > lineStart && (text[comma] === ' ' || text[comma] === '\t')) comma--;
    if (text[comma] !== ',') return undefined;
  } else if (text[after] !== ',' && text[after] !== ']' && text[after] !== ')') return undefined;
  const eq = text.indexOf('=', keyEnd);
  if (eq < 0 || eq > lineEnd) return undefined;
  // The names' list: from its head to the `=` (or `:=`), names and commas only.
  const namesEnd = text[eq - 1] === ':' ? eq - 1 : eq;
  const before = text.slice(lineStart, keyStart);
  const lastBreak = Math.max(before.lastIndexOf('['), before.lastIndexOf('('));
  const headEnd = lastBreak >= 0 ? lastBreak + 1 : /^[ \t]*(?:(?:const|let|var|val)[ \t]+)?/.exec(before)?.[0].length ?? 0;
  const head = LIST_HEAD.exec(before.slice(0, headEnd));
  if (!head) return undefined;
  const bracket = head[1];
  let names = text.slice(lineStart + headEnd, namesEnd).trim();
  if (bracket !== '') {
    const close = bracket === '[' ? ']' : ')';
    if (!names.endsWith(close)) return undefined;
    names = names.slice(0, -1);
  }
  const parts = names.split(',').map((n) => n.trim());
  if (parts.length < 2 || !parts.every((n) => NAME.test(n))) return undefined;
  const index = parts.indexOf(text.slice(keyStart, keyEnd));
  if (index < 0) return undefined;
  // The values: a bracketed list, or bare items to the line's end.
  let v = eq + 1;
  while (text[v] === ' ' || text[v] === '\t') v++;
  const values = text[v] === '[' || text[v] === '(' ? callArguments(text, v) : callArguments(`(${withoutStatementEnd(text.slice(v, lineEnd))})`, 0)?.map((a) => ({ start: a.start + v - 1, end: a.end + v - 1 }));
  if (!values || values.length !== parts.length) return undefined;
  const literal = literalArgument(text, values[index]);
  return literal && literal.at < lineEnd ? { at: literal.at, lineEnd } : undefined;
}

/** The items without a closing `;` and blanks (`/;?[ \t]*$/` removed, in linear time). */
function withoutStatementEnd(items: string): string {
  const trimmed = trimEndOf(items, ' \t');
  return trimmed.endsWith(';') ? trimmed.slice(0, -1) : trimmed;
}
