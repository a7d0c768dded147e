import type { Span } from '../../types';
import { attributeNamedText } from './assignment-pairs';
import type { Assignment } from './assignment-scan';
import { isQuote, MAX_VALUE } from './assignment-value';
import { nextLine, type LineBounds } from './assignment-forms';
import { attributedElementText, nameElementValue, spacedNameQuote, userElementAbove, valueAttributeText } from './xml-forms';

// The XML family of assignment-scan.ts: element text under a secret's tag (`<password>…</password>`, on one
// line or the line below the tag), and the forms where the name and the text are apart (xml-forms.ts).

/** XML where the secret's name and its text are apart (xml-forms.ts): `<param-name>`/`<param-value>`, `name="Manager Password"`, `<Pass encoding="…">`. */
export function xmlForm(text: string, key: string, keySpan: Span, before: string, line: LineBounds): Assignment | undefined {
  if (before !== '>' && before !== ' ' && before !== '<') return undefined;
  const paired = before === '>' ? nameElementValue(text, keySpan, line) : undefined;
  if (paired) return elementText(text, key, keySpan, paired);
  const quote = before === ' ' && isQuote(text[keySpan.end]) ? spacedNameQuote(text, keySpan.start, line.lineStart) : undefined;
  const named = quote === undefined ? undefined : attributeNamedText(text, quote, keySpan.end + 1, line.lineEnd);
  if (quote !== undefined && named) return elementText(text, text.slice(quote + 1, keySpan.end), { start: quote + 1, end: keySpan.end }, named);
  const spaced = before === '<' && (text[keySpan.end] === ' ' || text[keySpan.end] === '\t');
  const valued = spaced ? valueAttributeText(text, keySpan.end, line.lineEnd) : undefined;
  if (valued) return elementText(text, key, keySpan, valued);
  const attributed = spaced ? attributedElementText(text, key, keySpan.end, line.lineEnd) : undefined;
  if (!attributed) return undefined;
  return { ...elementText(text, key, keySpan, attributed), ...(userElementAbove(text, line.lineStart) ? { besideUser: true } : {}) };
}

function elementText(text: string, key: string, keySpan: Span, span: Span): Assignment {
  return { key, keySpan, operator: '>', quote: '', prefix: '', value: text.slice(span.start, span.end), valueSpan: span, literalSpan: span };
}

/** `<password>value</password>` on one line, or the value alone on the line below the tag with the closing tag under it. */
export function xmlElement(text: string, key: string, keySpan: Span, lineEnd: number): Assignment | undefined {
  if (text.slice(keySpan.end + 1, lineEnd).trim() === '') return xmlElementOnNextLine(text, key, keySpan, lineEnd);
  const start = keySpan.end + 1;
  const close = text.slice(start, Math.min(lineEnd, start + MAX_VALUE)).indexOf('</') + start;
  if (close < start || text.slice(close + 2, close + 2 + key.length) !== key) return undefined;
  return {
    key, keySpan, operator: '>', quote: '', prefix: '',
    value: text.slice(start, close),
    valueSpan: { start, end: close },
    literalSpan: { start, end: close },
  };
}

function xmlElementOnNextLine(text: string, key: string, keySpan: Span, lineEnd: number): Assignment | undefined {
  const next = nextLine(text, lineEnd);
  if (!next) return undefined;
  const value = text.slice(next.lineStart, next.lineEnd).trim();
  const closing = nextLine(text, next.lineEnd);
  // One token, then the element's closing tag: a document of several lines is not a credential.
  if (!closing || value === '' || /[\s<>]/.test(value) || text.slice(closing.lineStart, closing.lineEnd).trim() !== `</${key}>`) return undefined;
  const start = text.indexOf(value, next.lineStart);
  const valueSpan = { start, end: start + value.length };
  return { key, keySpan, operator: '>', quote: '', prefix: '', value, valueSpan, literalSpan: valueSpan };
}
