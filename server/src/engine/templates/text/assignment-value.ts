import type { Span } from '../../types';
import type { Assignment } from './assignment-scan';
import { shellDefault } from './assignment-forms';
import { tripleQuotedValue } from './assignment-syntax';

// Reads the literal value of an assignment whose key and operator are known (assignment-scan.ts): quoted,
// Python-prefixed, triple-quoted, Ruby `%q(…)`, escaped inside another string, or unquoted up to the end of
// the syntax around it. Bounded by the line and MAX_VALUE: nothing backtracks.

/** How far a value is read: far past any plausible secret, and it bounds the work on minified lines. */
export const MAX_VALUE = 1024;
const QUOTES = '"\'`';

export function isQuote(c: string | undefined): c is string {
  return c !== undefined && c.length === 1 && QUOTES.includes(c);
}

export function quotedValueAt(text: string, at: number, lineEnd: number, p: Pending): Assignment | undefined {
  const a = valueAt(text, at, lineEnd, p);
  return a && a.quote ? a : undefined;
}

export interface Pending {
  readonly key: string;
  readonly keySpan: Span;
  readonly operator: string;
  /** A quote that opened before the key: `"KEY=value"` ends at that quote. */
  readonly enclosing: string;
  readonly unquoted: boolean;
}

export function valueAt(text: string, at: number, lineEnd: number, p: Pending): Assignment | undefined {
  const end = Math.min(lineEnd, at + MAX_VALUE);
  const prefixMatch = /^[rRbBuUfF]{1,2}(?=["'])/.exec(text.slice(at, at + 3));
  const prefix = prefixMatch ? prefixMatch[0].toLowerCase() : '';
  const quoteAt = at + prefix.length;
  const quote = text[quoteAt];
  const triple = (quote === '"' || quote === "'") && !p.enclosing ? tripleQuotedValue(text, quoteAt, end) : undefined;
  if (triple) {
    const valueSpan = { start: triple.start, end: triple.end };
    return { key: p.key, keySpan: p.keySpan, operator: p.operator, quote: quote.repeat(3), prefix, value: text.slice(triple.start, triple.end), valueSpan, literalSpan: { start: at, end: triple.literalEnd } };
  }
  const percent = prefix || p.unquoted ? undefined : percentLiteral(text, at, end);
  if (percent) return { key: p.key, keySpan: p.keySpan, operator: p.operator, quote: text.slice(at, percent.start), prefix: '', value: text.slice(percent.start, percent.end), valueSpan: percent, literalSpan: { start: at, end: percent.end + 1 } };
  if (isQuote(quote) && quote !== p.enclosing) {
    const close = closingQuote(text, quoteAt + 1, end, quote);
    if (close < 0) return undefined;
    // A string holding a quoted string (Gradle `buildConfigField("String", "K", "\"…\"")`): the inner one.
    const escaped = escapedQuoted(text, quoteAt + 1, close);
    if (escaped) return { key: p.key, keySpan: p.keySpan, operator: p.operator, quote, prefix, value: text.slice(escaped.start, escaped.end), valueSpan: escaped, literalSpan: { start: at, end: close + 1 }, embedded: true };
    const inner = shellDefault(text.slice(quoteAt + 1, close), { start: quoteAt + 1, end: close });
    return {
      key: p.key, keySpan: p.keySpan, operator: p.operator, quote, prefix,
      value: inner?.value ?? text.slice(quoteAt + 1, close),
      valueSpan: inner?.span ?? { start: quoteAt + 1, end: close },
      literalSpan: inner?.span ?? { start: at, end: close + 1 },
      ...(inner ? { embedded: true } : {}),
    };
  }
  // `password=\"…\"` inside a string (a JAAS line in Java): the value between the escaped quotes. An escaped quote
  // says a string is around the key even when the key is not its first word (`… required username=\"u\" password=\"…\";`).
  const escapedQuote = p.enclosing || (text[at] === '\\' && (text[at + 1] === '"' || text[at + 1] === "'") ? text[at + 1] : '');
  if (escapedQuote && text[at] === '\\' && text[at + 1] === escapedQuote) {
    const close = text.indexOf(`\\${escapedQuote}`, at + 2);
    if (close > at + 2 && close < end) return { key: p.key, keySpan: p.keySpan, operator: p.operator, quote: '', prefix: '', value: text.slice(at + 2, close), valueSpan: { start: at + 2, end: close }, literalSpan: { start: at + 2, end: close }, embedded: true };
  }
  if (!p.unquoted || prefix) return undefined;
  let stop = at;
  while (stop < end && !/\s/.test(text[stop]) && text[stop] !== p.enclosing && text[stop] !== '&') stop++;
  // Embedded in a string, the value must run to the string's end or a `&`: `"PASSWORD=x and more"` is prose;
  // before another option it is one of a list (`JAVA_TOOL_OPTIONS="-Dapp.password=… -Xmx512m"`).
  const optionList = p.keySpan.start > 0 && text[p.keySpan.start - 1] === '-' && text[stop] === ' ' && text[stop + 1] === '-';
  if (p.enclosing && text[stop] !== p.enclosing && text[stop] !== '&' && !optionList) return undefined;
  // One item of a comma-separated `key=value` list (Helm `--set a.password=…,b.user=app`, `mount -o password=…,uid=0`).
  stop = listItemEnd(text, at, stop);
  // Trailing punctuation belongs to the surrounding syntax (`KEY=value,` in a list, `value;`).
  // A `}` closing the value's own `${X:-…}` stays: the default inside is the literal.
  while (stop > at && /[,;)\]}]/.test(text[stop - 1]) && !closesOwnExpansion(text, at, stop)) stop--;
  if (stop === at) return undefined;
  const inner = shellDefault(text.slice(at, stop), { start: at, end: stop });
  return {
    key: p.key, keySpan: p.keySpan, operator: p.operator, quote: '', prefix: '',
    value: inner?.value ?? text.slice(at, stop),
    valueSpan: inner?.span ?? { start: at, end: stop },
    literalSpan: inner?.span ?? { start: at, end: stop },
    ...(inner ? { embedded: true } : {}),
  };
}

/** Where the value `at`..`stop` ends when a `,name=` starts the list's next item in it, else `stop`. */
function listItemEnd(text: string, at: number, stop: number): number {
  for (let comma = text.indexOf(',', at); comma >= 0 && comma < stop; comma = text.indexOf(',', comma + 1)) {
    let k = comma + 1;
    if (!/[A-Za-z_]/.test(text[k] ?? '')) continue;
    while (k < stop && /[\w.-]/.test(text[k])) k++;
    if (text[k] === '=') return comma;
  }
  return stop;
}

const PERCENT_CLOSE: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>', '|': '|', '!': '!' };

/** Ruby's `%q(…)`, `%Q[…]`, `%(…)`: the span inside the delimiters, when they close on the line and do not nest. */
function percentLiteral(text: string, at: number, end: number): Span | undefined {
  const m = /^%[qQ]?([([{<|!])/.exec(text.slice(at, at + 3));
  if (!m) return undefined;
  const start = at + m[0].length;
  const closer = PERCENT_CLOSE[m[1]];
  const close = text.indexOf(closer, start);
  if (close < 0 || close >= end || (closer !== m[1] && text.slice(start, close).includes(m[1]))) return undefined;
  return { start, end: close };
}

/** `\"…\"` filling the whole string between `start` and `end`: the span inside the escaped quotes. */
function escapedQuoted(text: string, start: number, end: number): Span | undefined {
  if (end - start < 6 || text[start] !== '\\' || text[end - 2] !== '\\' || text[start + 1] !== text[end - 1] || !'"\''.includes(text[start + 1])) return undefined;
  return text.slice(start + 2, end - 2).includes('\\') ? undefined : { start: start + 2, end: end - 2 };
}

function closesOwnExpansion(text: string, at: number, stop: number): boolean {
  return text[stop - 1] === '}' && text.startsWith('${', at) && !text.slice(at, stop - 1).includes('}');
}

/** Index of the quote that closes a string opened before `from`, honouring backslash escapes; -1 if the line ends first. */
function closingQuote(text: string, from: number, end: number, quote: string): number {
  for (let i = from; i < end; i++) {
    if (text[i] === '\\' && quote !== "'") i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}
