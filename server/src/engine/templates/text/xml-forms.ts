import type { Span } from '../../types';
import { nextLine, type LineBounds } from './assignment-forms';

// XML shapes where the element or attribute that names a secret is not the one that holds it:
//   a name element and its value element (`<param-name>apiKey</param-name>` then `<param-value>…</param-value>`
//   in `web.xml`, `<env-entry-name>`/`<env-entry-value>`, Hadoop's `<name>…</name><value>…</value>`), a name
//   attribute with blanks in it (NiFi `<property name="Manager Password">…</property>`), and an element
//   with attributes before its text (FileZilla `<Pass encoding="base64">…</Pass>`).

/** The value element's text after a name element holding the key (`<param-name>KEY</param-name>`), on its line or the next. */
export function nameElementValue(text: string, keySpan: Span, line: LineBounds): Span | undefined {
  const open = /<([\w.:-]*?)name>$/.exec(text.slice(Math.max(line.lineStart, keySpan.start - 40), keySpan.start));
  if (!open) return undefined;
  const prefix = open[1];
  const close = `</${prefix}name>`;
  if (text.slice(keySpan.end, keySpan.end + close.length) !== close) return undefined;
  // The value element: `<value>` with the name's prefix, or a sibling whose name ends in `value` (a Jenkins job
  // parameter's `<name>` then `<defaultValue>`).
  const after = keySpan.end + close.length;
  const rest = text.slice(after, line.lineEnd);
  let at: number | undefined;
  let valueName = '';
  let lineEnd = line.lineEnd;
  if (rest.trim() === '') {
    let next = nextLine(text, line.lineEnd);
    // A comment between the two elements (`<!-- … -->` alone on its line) is passed over.
    if (next && COMMENT_LINE.test(text.slice(next.lineStart, next.lineEnd))) next = nextLine(text, next.lineEnd);
    const m = next ? VALUE_OPEN.exec(text.slice(next.lineStart, next.lineEnd)) : null;
    if (next && m) [at, lineEnd, valueName] = [next.lineStart + m[0].length, next.lineEnd, m[1]];
  } else {
    const m = VALUE_OPEN.exec(rest);
    if (m) [at, valueName] = [after + m[0].length, m[1]];
  }
  if (at === undefined) return undefined;
  const end = text.indexOf(`</${valueName}>`, at);
  return end > at && end <= lineEnd && !text.slice(at, end).includes('<') ? { start: at, end } : undefined;
}

/** `name="Manager Password"`: the offset of the attribute value's opening quote when the key hit ends a name with blanks in it. */
export function spacedNameQuote(text: string, keyStart: number, lineStart: number): number | undefined {
  const m = /(?:key|name)[ \t]*=[ \t]*"([A-Za-z][\w.-]*(?: [\w.-]+)* )$/.exec(text.slice(Math.max(lineStart, keyStart - 80), keyStart));
  return m ? keyStart - m[1].length - 1 : undefined;
}

/** `<Pass encoding="base64">…</Pass>`: the element's text after its attributes, up to its closing tag on the line. */
export function attributedElementText(text: string, name: string, nameEnd: number, lineEnd: number): Span | undefined {
  const m = /^(?:[ \t]+[\w.:-]+[ \t]*=[ \t]*"[^"<>\n]*"){1,4}[ \t]*>/.exec(text.slice(nameEnd, Math.min(lineEnd, nameEnd + 200)));
  if (!m) return undefined;
  const start = nameEnd + m[0].length;
  const close = text.indexOf(`</${name}>`, start);
  return close > start && close <= lineEnd && !text.slice(start, close).includes('<') ? { start, end: close } : undefined;
}

/**
 * `<password value="…" />`: an element named for a secret whose only attribute, `value`, holds it (log4net's
 * appenders, .NET and Java settings written as elements), on one line; the span of the attribute's text.
 */
export function valueAttributeText(text: string, nameEnd: number, lineEnd: number): Span | undefined {
  const m = /^[ \t]+value[ \t]*=[ \t]*"([^"<>\n]*)"[ \t]*\/?>/.exec(text.slice(nameEnd, Math.min(lineEnd, nameEnd + 400)));
  if (!m) return undefined;
  const start = nameEnd + m[0].indexOf('"') + 1;
  return { start, end: start + m[1].length };
}

/** A `<User>`/`<Username>`/`<Login>` element on the line above: the element below is that user's password. */
export function userElementAbove(text: string, lineStart: number): boolean {
  let end = lineStart - 1;
  for (let n = 0; n < 2 && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const content = text.slice(start, end);
    if (!COMMENT_LINE.test(content)) return /^[ \t]*<(?:User|Username|UserName|user|username|Login|login)>[^<]+<\//.test(content);
    end = start - 1;
  }
  return false;
}

/** The value element after a name element: `<value>`, `<param-value>`, a Jenkins parameter's `<defaultValue>`. */
const VALUE_OPEN = /^[ \t]*<([\w.:-]*[vV]alue)>/;

/** An XML comment alone on its line. */
const COMMENT_LINE = /^[ \t]*<!--.*-->[ \t]*\r?$/;
