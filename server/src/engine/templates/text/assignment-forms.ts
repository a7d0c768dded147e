import type { Span } from '../../types';
import { callArguments, literalArgument } from './argument-places';
import { insideCallArguments } from './call-arguments';
import { decodedLiteralStart } from './decoding-wrappers';
import { looksLikeKeyMaterial } from './key-material';
import { blockBodyStart, passThroughLiteralStart } from './default-positions';
import { trimEndOf } from '../../trim';
import { SECRET_STORE_SCHEME } from './placeholders';

// The assignment forms beyond `key <operator> literal` on one line, each bounded by a few lines of text:
//   a call's first two arguments `getenv("DB_PASSWORD", "…")`, `Header.Set("X-Api-Key", "…")`,
//   `define('AUTH_KEY', '…')`; XML attributes `<add key="ApiKey" value="…"/>`; a fallback after a lookup
//   `process.env.X || "…"`, `?? "…"`, `?: "…"`, `or "…"`; a literal wrapped in a conversion
//   `[]byte("…")`, `Encoding.UTF8.GetBytes("…")`; a shell default `${X:-…}`; the value on the next line;
//   `DriverManager.getConnection(url, user, "…")`'s third argument; a literal returned by a getter named
//   after the secret (`char[] keystorePassword() {\n return "…".toCharArray();`, `fun apiKey() = "…"`).

/** Where the statement after an operator may continue: the next line, or past an opening parenthesis. */
const NEXT_LINE_SPAN = 2;

export interface LineBounds {
  readonly lineStart: number;
  readonly lineEnd: number;
}

/** The start and end of the first non-blank line after `lineEnd`, within NEXT_LINE_SPAN lines. */
export function nextLine(text: string, lineEnd: number): LineBounds | undefined {
  let at = lineEnd;
  for (let n = 0; n < NEXT_LINE_SPAN && at < text.length; n++) {
    if (text[at] === '\r') at++;
    if (text[at] === '\n') at++;
    const end = lineEndAt(text, at);
    const content = text.slice(at, end).trim();
    // Blank lines and whole-line comments between a key and its value are skipped.
    if (content !== '' && !/^(?:\/\/|#)/.test(content)) return { lineStart: at, lineEnd: end };
    at = end;
  }
  return undefined;
}

function lineEndAt(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const end = lf < 0 ? text.length : lf;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
}

/** `("KEY", ` before a literal: the offset after the comma and blanks, when the key string opens a call's arguments. */
export function callPairValueStart(text: string, openQuote: number, afterClose: number, lineStart: number, lineEnd: number): number | undefined {
  let b = openQuote - 1;
  while (b > lineStart && (text[b] === ' ' || text[b] === '\t')) b--;
  // The first argument of a call (`f("KEY", …)`), or a later pair in one (`Map.of("a", "b",\n "KEY", …)`).
  const opensCall = text[b] === '(' && /[\w$]/.test(text[b - 1] ?? '');
  const continuesArguments = (text[b] === ',' || b === lineStart) && /,[ \t]*(?:\r?\n[ \t]*)?$/.test(trimEndOf(text.slice(Math.max(0, lineStart - 200), b + 1), ' \t')) && insideCallArguments(text, b);
  if (!opensCall && !continuesArguments) return undefined;
  // The default as a named argument too (django-environ `env("SECRET_KEY", default="...")`, `config(..., default=...)`).
  const m = /^[ \t]*,[ \t]*(?:default[ \t]*=[ \t]*)?/.exec(text.slice(afterClose, Math.min(lineEnd, afterClose + 24)));
  return m ? afterClose + m[0].length : undefined;
}

/**
 * A pair written as a two-item tuple or array, the key's string first: `new Headers([["X-Api-Key", "…"]])`,
 * `new Map([["apiKey", "…"]])`, Python `("api_key", "…")`, C# `new KeyValuePair<string, string>("client_secret", "…")`:
 * the value's offset, when the value closes the pair.
 */
/** Letters, digits and a symbol, and no dotted or dashed name (`oauth2.client-secret`). */
const SYMBOL_PASSWORD = /^(?=[^\s]{8,}$)(?=.*\d)(?=.*[A-Za-z])(?=.*[^\w\s])(?![A-Za-z_]\w*(?:[.:/-]\w+)+$).*$/;

export function tuplePairValueStart(text: string, openQuote: number, afterClose: number, lineStart: number, lineEnd: number): number | undefined {
  let b = openQuote - 1;
  while (b > lineStart && (text[b] === ' ' || text[b] === '\t')) b--;
  if (text[b] !== '[' && text[b] !== '(') return undefined;
  const m = /^[ \t]*,[ \t]*(["'])((?:\\.|(?!\1)[^\\\n])*)\1[ \t]*[\])]/.exec(text.slice(afterClose, Math.min(lineEnd, afterClose + 1100)));
  // Pairs of names are common (`("client_secret", "clientSecret")`, `["access_token", "expires_in"]`): only a
  // value shaped like a secret, key material or a password with a symbol, is read.
  return m && (looksLikeKeyMaterial(m[2]) || SYMBOL_PASSWORD.test(m[2])) ? afterClose + m[0].indexOf(m[1]) : undefined;
}

/**
 * A JSON object under the key holding its value in a `value` member (an ARM parameters file's `"adminPassword": {
 * "value": "…" }`), on the key's line or the next: the value's quote and the end of its line.
 */
export function valueMemberStart(text: string, at: number): { at: number; lineEnd: number } | undefined {
  if (text[at] !== '{') return undefined;
  const member = /^\{\s*(?:\/\/[^\n]*\n\s*)?"value"[ \t]*:[ \t]*(?=")/.exec(text.slice(at, Math.min(text.length, at + 200)));
  if (!member || text.slice(at, at + member[0].length).split('\n').length > 3) return undefined;
  const quote = at + member[0].length;
  const lf = text.indexOf('\n', quote);
  return { at: quote, lineEnd: lf < 0 ? text.length : lf };
}

/** `key="ApiKey" value="…"` / `name="password" value="…"`: the offset of the value's quote. */
export function xmlAttributeValueStart(text: string, openQuote: number, afterClose: number, lineStart: number, lineEnd: number): number | undefined {
  if (!/\b(?:key|name)[ \t]*=[ \t]*$/.test(text.slice(Math.max(lineStart, openQuote - 12), openQuote))) return undefined;
  const m = /^[ \t]+value[ \t]*=[ \t]*(?=["'])/.exec(text.slice(afterClose, Math.min(lineEnd, afterClose + 20)));
  return m ? afterClose + m[0].length : undefined;
}

/** An optional's or a result's default: `.orElse(`, `.orElseGet(() -> `, `.getOrElse {`, `.unwrap_or(`, `.or(`. */
const FALLBACK_METHOD = /^\.(?:orElse|orElseGet|getOrElse|unwrap_or|unwrapOr|or)[ \t]*[({][ \t]*(?:\(\)[ \t]*->[ \t]*)?/;

/** `||`, `??`, `?:`, `or`, `.orElse(` followed by a quoted literal in the rest of the statement: the literal's offset. */
export function fallbackLiteralStart(text: string, at: number, lineEnd: number): number | undefined {
  const end = Math.min(lineEnd, at + 400);
  let quote = '';
  for (let i = at; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === ';') return undefined;
    else if (c === '.') {
      // An optional's default (Java `Optional.ofNullable(System.getenv("X")).orElse("…")`, Kotlin
      // `getOrElse { "…" }`, Rust `unwrap_or("…")`): the literal it falls back to.
      const method = FALLBACK_METHOD.exec(text.slice(i, i + 24));
      if (method && /["']/.test(text[i + method[0].length] ?? '')) return i + method[0].length;
    }
    else if (c === '|' || c === '?' || c === 'o' || c === '{') {
      // `||`, `??`, `?:`, Python's `or`, and Ruby's block default `fetch("X") { "…" }`.
      const op = /^(?:\|\||\?\?|\?:|or\b|\{)/.exec(text.slice(i, i + 3));
      if (op && (op[0] !== 'or' || /\s/.test(text[i - 1] ?? '')) && (op[0] !== '{' || /\)[ \t]*$/.test(text.slice(at, i)))) {
        let v = i + op[0].length;
        while (v < end && (text[v] === ' ' || text[v] === '\t')) v++;
        // A chain (`$a ?? getenv('X') ?: '…'`): the literal may come after a further lookup.
        if (/["']/.test(text[v] ?? '')) return v;
        i = v - 1;
      }
    }
  }
  return undefined;
}

/**
 * A conversion around the literal: `[]byte("…")`, `Encoding.UTF8.GetBytes("…")`, `Buffer.from('…')`, and
 * decoders of key material written as hex or base64 (`bytes.fromhex("…")`,
 * `base64.b64decode("…")`, `Convert.FromBase64String("…")`, `Base64.getDecoder().decode("…")`).
 */
const WRAPPER = /^(?:new[ \t]+[\w.]+\([ \t]*)?(?:\[\]byte|[\w.]*\.GetBytes|Buffer\.from|bytes|bytearray|str\.encode|SecretKeySpec|TextEncoder\(\)\.encode|new[ \t]+TextEncoder\(\)\.encode|(?:bytes|bytearray)\.fromhex|binascii\.(?:unhexlify|a2b_hex|a2b_base64)|base64\.(?:b64decode|urlsafe_b64decode|standard_b64decode|b32decode)|Convert\.From(?:Base64|Hex)String|Base64\.get(?:Url|Mime)?Decoder\(\)\.decode|Hex\.decodeHex)\([ \t]*(?=["'])/;

/** A field's default: pydantic's `Field("…", description=…)` / `Field(default="…")`, attrs' and dataclasses' `field(default="…")`, `attr.ib(default="…")`. */
const FIELD_DEFAULT = /^(?:[a-z_]+\.)?(?:Field\([ \t]*(?:default[ \t]*=[ \t]*)?|(?:field|ib)\([ \t]*default(?:_factory)?[ \t]*=[ \t]*(?:lambda[ \t]*:[ \t]*)?)(?=["'])/;

/**
 * The literal in a conversion, a field default, a pass-through wrapper or lambda (default-positions.ts: pydantic
 * `SecretStr("…")`, `sensitive("…")`, `lambda: "…"`) or any decoding call (decoding-wrappers.ts, its literal on
 * the next line too): its offset and its line's end.
 */
export function wrappedLiteralStart(text: string, at: number, lineEnd: number): { at: number; lineEnd: number } | undefined {
  const m = WRAPPER.exec(text.slice(at, Math.min(lineEnd, at + 80))) ?? FIELD_DEFAULT.exec(text.slice(at, Math.min(lineEnd, at + 60)));
  if (m) return { at: at + m[0].length, lineEnd };
  // A default, fallback or identity position (default-positions.ts): a lambda's or block's whole body, a pass-through wrapper.
  const passed = blockBodyStart(text, at, lineEnd) ?? passThroughLiteralStart(text, at, lineEnd);
  return passed === undefined ? decodedLiteralStart(text, at) : { at: passed, lineEnd };
}

/**
 * In code, a literal inside a conversion or a decoder, or after a lookup (a fallback, a schema default, the first
 * item of a secret array, a coalescing call): its offset, its line's end, and whether it is part of a larger
 * expression (then no fix replaces it alone).
 */
export function codeLiteralStart(text: string, at: number, lineEnd: number): { at: number; lineEnd: number; embedded: boolean } | undefined {
  const wrapped = wrappedLiteralStart(text, at, lineEnd);
  if (wrapped) return { ...wrapped, embedded: false };
  const fallback = fallbackLiteralStart(text, at, lineEnd) ?? schemaDefaultStart(text, at, lineEnd) ?? firstItemStart(text, at, lineEnd) ?? coalescingLiteralStart(text, at);
  // The first item may open the line below its bracket (`keys: [\n  '…',`).
  return fallback === undefined ? continuedFallback(text, at, lineEnd) : { at: fallback, lineEnd: fallback > lineEnd ? lineEndAt(text, fallback) : lineEnd, embedded: true };
}

/** A fallback continuing the statement on the next line (`runCatching { … }\n  .getOrElse { "…" }`, `\n  ?: "…"`, `\n  || "…"`). */
export function continuedFallback(text: string, at: number, lineEnd: number): { at: number; lineEnd: number; embedded: boolean } | undefined {
  if (trimEndOf(text.slice(at, lineEnd), ' \t').endsWith(';')) return undefined;
  const next = nextLine(text, lineEnd);
  if (!next || !/^[ \t]*(?:\.|\?:|\?\?|\|\||or\b)/.test(text.slice(next.lineStart, next.lineStart + 40))) return undefined;
  const fallback = fallbackLiteralStart(text, next.lineStart, next.lineEnd);
  return fallback === undefined ? undefined : { at: fallback, lineEnd: next.lineEnd, embedded: true };
}

/**
 * A coalescing call whose last argument is the literal default: Go `cmp.Or(os.Getenv("X"), "…")`, HCL
 * `coalesce(var.x, "…")` and `lookup(map, key, "…")`, Ruby `SETTINGS.fetch(:k, "…")`, Java
 * `Objects.requireNonNullElse(x, "…")`, `map.getOrDefault(k, "…")`: the literal's offset.
 */
const COALESCING_CALL = /^(?:[\w$]+(?:::|\.))*(?:Or|coalesce|Coalesce|firstNonNull|requireNonNullElse|getOrDefault|fetch|lookup)\(/;

export function coalescingLiteralStart(text: string, at: number): number | undefined {
  const m = COALESCING_CALL.exec(text.slice(at, at + 120));
  const args = m ? callArguments(text, at + m[0].length - 1) : undefined;
  if (!args || args.length < 2) return undefined;
  return literalArgument(text, args[args.length - 1])?.at;
}

/** ERB in YAML (Rails `database.yml`): `<%= ENV.fetch("X") { "…" } %>`, `<%= ENV["X"] || "…" %>`: the default's quote. */
export function erbDefaultStart(text: string, at: number, lineEnd: number): number | undefined {
  if (!text.startsWith('<%=', at)) return undefined;
  let code = at + 3;
  while (code < lineEnd && (text[code] === ' ' || text[code] === '\t')) code++;
  return fallbackLiteralStart(text, code, lineEnd) ?? coalescingLiteralStart(text, code);
}

/** A TOML inline table's default or value (Spin's `[variables]` `token = { default = "…" }`): the literal's offset. */
export function inlineTableDefaultStart(text: string, at: number, lineEnd: number): number | undefined {
  const m = /^\{[ \t]*(?:default|value)[ \t]*=[ \t]*(?=["'])/.exec(text.slice(at, Math.min(lineEnd, at + 30)));
  return m ? at + m[0].length : undefined;
}

/**
 * A validation schema's default or fallback (`Joi.string().default('...')`, `z.string().min(12).default("...")`, zod's
 * `.catch("...")`, the value a failed parse falls back to): the literal's offset.
 */
const SCHEMA_DEFAULT = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*\([^()"'`\n]{0,40}\)){1,6}\.(?:default|catch)\([ \t]*(?=["'])/;

export function schemaDefaultStart(text: string, at: number, lineEnd: number): number | undefined {
  const m = SCHEMA_DEFAULT.exec(text.slice(at, Math.min(lineEnd, at + 300)));
  return m ? at + m[0].length : undefined;
}

/**
 * `secret: ['...', process.env.PREVIOUS]`: an array under a secret-named key whose first item is a literal
 * (express-session and cookie signers take the current secret first, older ones after it).
 */
export function firstItemStart(text: string, at: number, lineEnd: number): number | undefined {
  // The item on the bracket's line, or alone on the line below it (`keys: [\n  '…',\n  …]`, `FERNET_KEYS = [\n "…",`),
  // after a comment line too.
  const m = text[at] === '[' ? /^\[[ \t]*(?:\r?\n[ \t]*(?:(?:\/\/|#)[^\n]*\n[ \t]*)?)?(?=["'])/.exec(text.slice(at, Math.min(text.length, lineEnd + 200))) : null;
  if (!m) return undefined;
  const q = text[at + m[0].length];
  const itemEnd = m[0].includes('\n') ? lineEndAt(text, at + m[0].length) : lineEnd;
  const close = text.indexOf(q, at + m[0].length + 1);
  return close > 0 && close < itemEnd && /^[ \t]*[,\]]/.test(text.slice(close + 1, close + 8)) ? at + m[0].length : undefined;
}

/** `${API_TOKEN:-literal}` / `${X-literal}` / `${X:=literal}`, Spring's `${app.api-key:literal}`: the literal default inside. */
export function shellDefault(value: string, span: Span): { value: string; span: Span } | undefined {
  const m = /^\$\{[A-Za-z_]\w*:?[-=]([^${}]+)\}$|^\$\{([A-Za-z_][\w.-]*):(?![-=?+:])([^${}]+)\}$/.exec(value);
  // Spring Cloud's `${vault:secret/app#password}`, `${ssm:/prod/db}`: a secret store's reference, not a name's default.
  if (m?.[2] !== undefined && SECRET_STORE_SCHEME.test(m[2])) return undefined;
  const inner = m?.[1] ?? m?.[3];
  if (inner === undefined) return undefined;
  const start = span.start + value.indexOf(inner, 3);
  return { value: inner, span: { start, end: start + inner.length } };
}

/** Calls whose n-th argument (1-based) is a password: `getConnection(url, user, "…")`, `SetBasicAuth(user, "…")`. */
export const PASSWORD_ARGUMENT: ReadonlyMap<string, number> = new Map([
  ['getConnection', 3], ['SetBasicAuth', 2], ['setBasicAuth', 2], ['HTTPBasicAuth', 2], ['HTTPDigestAuth', 2], ['PasswordAuthentication', 2], ['NetworkCredential', 2], ['BasicAuth', 2], ['basicAuth', 2],
  // PHP `new PDO($dsn, $user, '...')`.
  ['PDO', 3],
  // Node's `crypto.createHmac('sha256', '...')`: the key is the second argument.
  ['createHmac', 2],
  // Client logins by position: paho-mqtt `username_pw_set(user, '...')`, RabbitMQ's pika `PlainCredentials(user, '...')`,
  // Apache HttpClient `UsernamePasswordCredentials(user, "...")`, python-ldap `simple_bind_s(dn, '...')`, Go
  // `smtp.PlainAuth("", user, "...", host)`, PHP `ldap_bind($conn, $dn, '...')`, `mysqli_connect($host, $user, '...')`.
  ['username_pw_set', 2], ['PlainCredentials', 2], ['UsernamePasswordCredentials', 2], ['simple_bind_s', 2], ['simple_bind', 2],
  ['PlainAuth', 3], ['ldap_bind', 3], ['mysqli_connect', 3], ['mysqli', 3],
]);

/** Calls named by their receiver too, whose last name alone says too little: OkHttp's `Credentials.basic(user, "...")`. */
const QUALIFIED_PASSWORD_ARGUMENT: ReadonlyMap<string, number> = new Map([['Credentials.basic', 2], ['Twilio.init', 2]]);

/**
 * The password's position among a call's arguments, for the call named `key`: the calls above, and a
 * member `login(user, "...")` (Python's ftplib, smtplib and imaplib, most client libraries); `docker login`
 * is a command, read elsewhere.
 */
export function passwordArgumentPosition(key: string): number | undefined {
  const segment = key.slice(key.lastIndexOf('.') + 1);
  return PASSWORD_ARGUMENT.get(segment) ?? QUALIFIED_PASSWORD_ARGUMENT.get(key.split('.').slice(-2).join('.')) ?? (/\.login$/.test(key) ? 2 : undefined);
}

/**
 * C# `NetworkCredential smtp = new("user", "…")`: a declaration of one of the calls above as a type, constructed
 * target-typed: the offset of `new(`'s parenthesis. The type on the left may declare a field or a variable, a
 * property with its initializer (`Smtp { get; } = new(…)`) or a member whose expression body is the construction
 * (`NetworkCredential Credential() => new(…)`, `Smtp => new(…)`): each constructs the declared type.
 */
export function targetTypedNewOpen(text: string, key: string, keyEnd: number, lineEnd: number): number | undefined {
  if (text[keyEnd] !== ' ' || !PASSWORD_ARGUMENT.has(key)) return undefined;
  const m = /^[ \t]+[A-Za-z_]\w*[ \t]*(?:\([^()\n]{0,80}\)[ \t]*=>|=>|\{[ \t]*get;[^{}\n]{0,40}\}[ \t]*=|=)[ \t]*new[ \t]*\(/.exec(text.slice(keyEnd, Math.min(lineEnd, keyEnd + 200)));
  return m ? keyEnd + m[0].length - 1 : undefined;
}

/** `${NAME:-value}` / `${NAME:=value}` / `${name:value}` with the key as NAME: the default's span, up to the closing brace. */
export function shellExpansionDefault(text: string, keyStart: number, keyEnd: number, lineEnd: number): Span | undefined {
  if (text.slice(keyStart - 2, keyStart) !== '${') return undefined;
  // `:-` / `-` / `:=` / `=` in shell; a bare `:` is Spring's default (`${app.api-key:…}`), not `:?` or `:+`.
  const m = /^(?::[-=]?|[-=])(?![?+])([^\s${}"'`]+)\}/.exec(text.slice(keyEnd, Math.min(lineEnd, keyEnd + 1100)));
  if (!m) return undefined;
  const start = keyEnd + m[0].length - 1 - m[1].length;
  return { start, end: start + m[1].length };
}

/** The offset after blanks and line comments between a call's arguments (`// why this user`), at most `end`. */
export function skipBlanksAndLineComments(text: string, at: number, end: number): number {
  for (let skipped = true; skipped && at < end; ) {
    const before = at;
    while (at < end && /\s/.test(text[at])) at++;
    if (text.startsWith('//', at)) at = Math.min(end, text.indexOf('\n', at) < 0 ? end : text.indexOf('\n', at));
    skipped = at !== before;
  }
  return at;
}

/** The offset of the n-th top-level argument of the call opening at `open` (`(`), if it starts a string. */
export function argumentStart(text: string, open: number, n: number): number | undefined {
  if (n === 1) {
    let v = open + 1;
    while (v < text.length && v < open + 200 && /\s/.test(text[v])) v++;
    return text[v] === '"' || text[v] === "'" ? v : undefined;
  }
  const end = Math.min(text.length, open + 600);
  let depth = 0;
  let commas = 0;
  let quote = '';
  for (let i = open + 1; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth-- === 0) return undefined;
    } else if (c === ',' && depth === 0 && ++commas === n - 1) {
      const v = skipBlanksAndLineComments(text, i + 1, end);
      return text[v] === '"' || text[v] === "'" ? v : undefined;
    }
  }
  return undefined;
}

/** Whether `key(` is a setter or builder call that takes the secret (`setPassword(`, `.password(`, `withApiKey(`). */
export function isSetterCall(key: string, words: readonly string[], member: boolean): boolean {
  const segment = key.slice(key.lastIndexOf('.') + 1);
  if (words[0] === 'set' || words[0] === 'with') return words.length >= 2;
  // C# names methods in upper case (MassTransit `h.Password("...")`): a member call only.
  const named = /^[a-z]/.test(segment) || (key.includes('.') && /^[A-Z]/.test(segment));
  return (member || key.includes('.')) && named && !/^(?:get|is|has|check|verify|validate|hash|encode|decode|encrypt|decrypt|generate|create|find|load|read|parse|compare|sign)/i.test(segment);
}

/**
 * `name(…) {` / `name(…):` / `name(…) =` declaring a getter whose body is `return "…"` (or, after `=` / `=>`,
 * the literal itself), on this line or the next: the literal's quote and the end of its line. Only when
 * the literal is the whole result (a conversion such as `.toCharArray()` aside), so a call such as
 * `password()` in an expression, or a method that computes its result, is never read as one.
 */
export function returnedLiteralStart(text: string, open: number, lineEnd: number, pair = false): { at: number; lineEnd: number } | undefined {
  // Parameters without strings or nested calls, then a declared result type (Java's comes before the
  // name; Go `string`, Kotlin/TS `: String`, Python `-> str`) and `throws …`.
  const head = /^\([^()"'`\n]{0,80}\)[ \t]*(?:(?::|->)[ \t]*[\w.<>[\]?]+[ \t]*|[A-Za-z_][\w.[\]]*[ \t]*)?(?:throws[ \t][\w., \t]+?)?(\{|=>|=|:)[ \t]*/.exec(text.slice(open, Math.min(lineEnd, open + 200)));
  if (!head) return undefined;
  let at = open + head[0].length;
  let end = lineEnd;
  if (head[1] === '{' || head[1] === ':') {
    if (at >= lineEnd) {
      const next = nextLine(text, lineEnd);
      if (!next) return undefined;
      const body = pastLookupGuard(text, next) ?? next;
      at = body.lineStart;
      end = body.lineEnd;
      while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
    }
    const ret = /^return[ \t]+/.exec(text.slice(at, at + 10));
    if (!ret) return undefined;
    at += ret[0].length;
  }
  const literal = /^(["'])((?:\\.|(?!\1)[^\\\n])*)\1(?:\.\w+\(\))?[ \t]*(?:;|\}|$)/.exec(text.slice(at, Math.min(end, at + 1100)));
  if (literal) return { at, lineEnd: end };
  // A credentials getter returning a user and a password (`return ("svc", "...")`, a pytest fixture): the second.
  const second = pair ? /^\(?[ \t]*(["'])(?:\\.|(?!\1)[^\\\n])*\1[ \t]*,[ \t]*(?=(["'])(?:\\.|(?!\2)[^\\\n])*\2[ \t]*(?:\)[ \t]*)?(?:;[ \t]*)?$)/.exec(text.slice(at, Math.min(end, at + 1100))) : undefined;
  return second ? { at: at + second[0].length, lineEnd: end } : undefined;
}

/** How many lines a guard that returns an environment value may take. */
const GUARD_LINES = 4;

/**
 * `if v := os.Getenv("X"); v != "" {` … `}` as a getter's first statement, the literal being the fallback
 * returned after it: the line after the guard's closing brace (at the guard's indentation).
 */
function pastLookupGuard(text: string, guard: LineBounds): LineBounds | undefined {
  const head = text.slice(guard.lineStart, guard.lineEnd);
  if (!/^[ \t]*if\b.*\b(?:Getenv|LookupEnv|getenv|environ|getEnv|process\.env)\b.*\{[ \t]*$/.test(head)) return undefined;
  const indent = /^[ \t]*/.exec(head)?.[0] ?? '';
  let line = guard;
  for (let n = 0; n < GUARD_LINES; n++) {
    const next = nextLine(text, line.lineEnd);
    if (!next) return undefined;
    line = next;
    if (text.slice(next.lineStart, next.lineEnd) === `${indent}}`) return nextLine(text, next.lineEnd);
  }
  return undefined;
}
