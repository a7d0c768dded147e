// What a secret detector must not report: values that only stand in for a secret (documentation
// examples, template variables, masked or dummy values). Shared by every text detector so a value
// written `${DB_PASSWORD}` or `<your-token-here>` is quiet everywhere.

/** Whole values (lower-cased, wrapping quotes and brackets removed) that are never real secrets. */
const PLACEHOLDER_VALUES = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'key', 'credential',
  'credentials', 'changeme', 'changeit', 'null', 'nil', 'none', 'undefined', 'true', 'false', 'yes', 'no', 'on',
  'off', 'empty', 'default', 'required', 'optional', 'string', 'str', 'value', 'text', 'todo', 'tbd', 'n/a', 'na',
  'unknown', 'unset', 'notset', 'not-set', 'secure', 'private', 'hidden', 'mask', 'masked', 'omitted', 'removed',
  'string.empty', 'nothing', 'blank', 'generated', 'random', 'auto', 'xxx',
]);

/** Substrings (case-insensitive) that mark documentation values and dummies. */
const PLACEHOLDER_PARTS = [
  'example', 'changeme', 'change_me', 'change-me', 'changeit', 'placeholder', 'redacted', 'dummy', 'sample',
  'qwerty', 'asdfgh', 'not-a-real', 'not_a_real', 'notreal', 'replace_me', 'replace-me', 'replaceme',
];

const TEMPLATE_SYNTAX = /\$\{|\{\{|\}\}|\$\(|#\{|%\(|<%|%>|\{%|\$\$\{|\[\[/;
const VARIABLE_ONLY = /^(?:\$[A-Za-z_][\w.]*|%[A-Za-z_]\w*%|@[\w.-]+@|__[\w.-]+__|\{[\w.-]+\}|\$\{?\d+\}?)$/;
const WRAPPED = /^(?:<[^<>]*>|\[[^[\]]*\]|\([^()]*\))$/;
const MASKED = /\*{3,}|•{3,}|x{4,}|\.{3}|…|#{3,}|_{4,}/i;
const YOUR_VALUE = /your[-_ .]?[a-z_ .-]{0,30}?(?:key|token|secret|pass|pwd|id|here|name|value|hook|api|url|cred)/i;
const FILL_IN = /(?:^|[-_ .])here$|^(?:put|insert|enter|add|set|paste)[-_ .]/i;

/**
 * True when `value` is a stand-in rather than a secret: template or environment references,
 * bracketed names, masked or repeated characters, keyboard and counting runs, documentation
 * examples (AWS's `AKIAIOSFODNN7EXAMPLE`), and common dummy words.
 */
export function looksLikePlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  const bare = trimmed.replace(/^["'`]+|["'`]+$/g, '');
  const lower = bare.toLowerCase();
  if (PLACEHOLDER_VALUES.has(lower) || PLACEHOLDER_VALUES.has(lower.replace(/^[<[{(]+|[>\]})]+$/g, ''))) return true;
  if (PLACEHOLDER_PARTS.some((part) => lower.includes(part))) return true;
  if (TEMPLATE_SYNTAX.test(bare) || VARIABLE_ONLY.test(bare) || WRAPPED.test(bare)) return true;
  if (MASKED.test(bare) || YOUR_VALUE.test(bare) || FILL_IN.test(bare)) return true;
  return isRepetitive(bare);
}

/** One character repeated (`aaaaaaaa`, `00000000` inside a URL) or a counting run (`123456`, `abcdef`). */
export function isRepetitive(value: string): boolean {
  const chars = value.replace(/[-_.:/ ]/g, '');
  if (chars.length >= 3 && /^(.)\1+$/.test(chars)) return true;
  if (/(.)\1{7,}/.test(value)) return true;
  let run = 1;
  let step = 0;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    const cls = charClass(value.charCodeAt(i));
    const counting = cls !== 0 && cls === charClass(value.charCodeAt(i - 1)) && (d === 1 || d === -1);
    if (counting && run > 1 && d === step) run++;
    else if (counting) run = 2;
    else run = 1;
    step = d;
    if (run >= 6) return true;
  }
  return false;
}

/** 1 digit, 2 lower, 3 upper, 0 other: a run must stay in one class (`789:;<` is not a sequence). */
function charClass(code: number): number {
  if (code >= 48 && code <= 57) return 1;
  if (code >= 97 && code <= 122) return 2;
  if (code >= 65 && code <= 90) return 3;
  return 0;
}
