import { argumentStart } from './assignment-forms';
import { quotedLiteralAt, type Assignment } from './assignment-scan';

// C# positional records: `record Options(string ClientId, string ClientSecret);` names its parameters
// once, and each construction passes them by position (`new Options("id", "…")`, or target-typed
// `Options o = new("id", "…")`). The key is on the declaration and the literal on another line, often far
// below, so this form reads the whole text; the rule sees the whole of a C# file (its fixes need it).

const MAX_CONSTRUCTIONS = 20;

interface RecordParameter {
  readonly record: string;
  /** 1-based. */
  readonly position: number;
  readonly key: string;
  readonly keySpan: { readonly start: number; readonly end: number };
}

/** The parameter of a one-line `record Name(…)` declaration that holds `hit`. */
export function recordParameterAt(text: string, hit: number, lineStart: number, lineEnd: number): RecordParameter | undefined {
  const head = /\brecord[ \t]+(?:class[ \t]+|struct[ \t]+)?([A-Z]\w*)[ \t]*\(/.exec(text.slice(lineStart, Math.min(lineEnd, hit)));
  if (!head) return undefined;
  const open = lineStart + head.index + head[0].length;
  const close = text.indexOf(')', open);
  if (close < 0 || close > lineEnd || hit > close) return undefined;
  const before = text.slice(open, hit);
  if (/[("'<]/.test(before)) return undefined;
  const position = before.split(',').length;
  const parameter = /^[ \t]*[\w.<>?[\]]+[ \t]+([A-Za-z_]\w*)[ \t]*(?:=[^,)]*)?$/.exec(text.slice(open, close).split(',')[position - 1] ?? '');
  if (!parameter) return undefined;
  const keyStart = text.indexOf(parameter[1], open + before.lastIndexOf(',') + 1);
  return { record: head[1], position, key: parameter[1], keySpan: { start: keyStart, end: keyStart + parameter[1].length } };
}

/** Each construction of the record whose argument at the parameter's position is a literal, read as that parameter's value. */
export function recordArguments(text: string, p: RecordParameter): Assignment[] {
  const out: Assignment[] = [];
  const construction = new RegExp(`\\bnew[ \\t]+${p.record}[ \\t]*\\(|\\b${p.record}\\??[ \\t]+\\w+[ \\t]*(?:\\{[ \\t]*get;[^{}\\n]{0,40}\\}[ \\t]*)?=[ \\t]*new[ \\t]*\\(`, 'g');
  for (const m of text.matchAll(construction)) {
    if (out.length >= MAX_CONSTRUCTIONS) break;
    const open = (m.index ?? 0) + m[0].length - 1;
    const at = argumentStart(text, open, p.position);
    const end = at === undefined ? -1 : text.indexOf('\n', at);
    const a = at === undefined ? undefined : quotedLiteralAt(text, at, end < 0 ? text.length : end, p.key, p.keySpan, '(');
    if (a) out.push({ ...a, embedded: true });
  }
  return out;
}
