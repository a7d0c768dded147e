/**
 * Linear-time replacements for regexes V8 runs in quadratic time. `/[ \t]+$/` looks linear, but V8 tries it at
 * every start of the run and walks the run to its end each time, so a long run followed by anything else costs
 * the square of its length (50,000 spaces then `x`: ~4 s). These walk the string once.
 */

/** `text.replace(/[<chars>]+$/, '')`. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text.replace(/^[<chars>]+/, '')`. */
export function trimStartOf(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start])) start++;
  return start === 0 ? text : text.slice(start);
}

/** `text.replace(/^[<lead>]+|[<tail>]+$/g, '')`, where `\s` in a set is written as `isSpace`. */
export function trimAround(text: string, lead: (ch: string) => boolean, tail: (ch: string) => boolean): string {
  let leadEnd = 0;
  while (leadEnd < text.length && lead(text[leadEnd])) leadEnd++;
  let tailStart = text.length;
  while (tailStart > leadEnd && tail(text[tailStart - 1])) tailStart--;
  return text.slice(leadEnd, tailStart);
}

/** The characters `\s` matches. */
export function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

/** Where the run of `\w` and `$` characters ending the string starts (`name.search(/[\w$]+$/)`, -1 when none). */
export function trailingWordStart(name: string): number {
  let start = name.length;
  while (start > 0 && /[\w$]/.test(name[start - 1])) start--;
  return start === name.length ? -1 : start;
}

/** The text's lines, split at every line terminator `^`/`$` see under the `m` flag. */
export function linesOf(text: string): string[] {
  return text.split(/[\n\r\u2028\u2029]/);
}
