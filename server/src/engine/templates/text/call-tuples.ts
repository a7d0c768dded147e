import { shannonEntropy } from '../../text';
import { callArguments, literalArgument, type Argument } from './argument-places';
import type { Assignment } from './assignment-scan';
import { declaredParameterName, fieldDeclarations } from './declared-parameters';
import { decodedLiteralStart } from './decoding-wrappers';
import { looksLikeKeyMaterial } from './key-material';
import { keyWords } from './secret-key-names';
import { trailingWordStart, trimEndOf } from '../../trim';
import { secretGivenWith, secretNamedCallee, secretWordIn } from './credentials-named';

// Credential tuples by position: a secret passed among a call's arguments (or an array's items) where no key
// names it and no keyword is near, found by the shape of the literal and of its neighbours, whatever the call:
//   - after a user: `new SftpClient(host, 22, "deploy", "…")`, `connect("ops@example.test", "…")`;
//   - after a URL or a host (a literal, a variable, `new URI("https://…")`): `Canvas(CANVAS_URL, "…")`,
//     `new JenkinsServer(new URI("…"), "user", "…")` (a user between them); after an id: `AuthClient("<uuid>",\n "…")`;
//   - before a user, the secret first: `session.start("…", "svc@example.test", …)`, `["…", user, amount]`;
//   - after a constant named for a secret, a call's two arguments: `env.put(Context.SECURITY_CREDENTIALS, "…")`;
//   - the first argument of a setup or init call, or the only one of a constructor, when it is key material:
//     `lti.setup("…", {…})`, `new Resend("…")`; Go's `[]byte("…")` given to a `New…` constructor;
//   - the last argument of a call named for a secret: `rfc2865.UserPassword_SetString(packet, "…")`;
//   - the only argument of a call named for a login: `server.login("…")`, `keychain.unlock("…")`;
//   - a name declared in the same file for that position (declared-parameters.ts): a test's data row bound to a
//     `readerKey` parameter, a Ruby `Struct.new(:id, :shared_secret)` constructed by position.
// The literal must look generated (key material, or 16+ characters mixing three classes of characters); the
// name the tuple gives it (`password`, `secret`, `token`, the declared name) is then judged like any key.

/** Code files whose calls are read for credential tuples. */
export const TUPLE_FILES = /\.(?:[cm]?[jt]sx?|py|go|java|kts?|cs|rb|php|scala|groovy|swift|rs)$/i;

/** A one-token string literal opening an argument or an item (after `(`, `,` or `[`), on its line or the next (after a `//` comment line). */
export const ARGUMENT_LITERAL = /[(,[][ \t]*(?:\r?\n[ \t]*(?:\/\/[^\n]*\n[ \t]*)?)?(?:\[\]byte\()?(["'])([^\s"'\\]{16,200})\1/g;

export const MAX_TUPLES = 40;
const HEX_MIN_ENTROPY = 3.2;
/** A part of a name or a path: a word or words (`Report`, `ManPages`), an acronym (`API`), a number, digits after them (`man1`). */
// Written without a nested quantifier: `(?:[A-Z]?[a-z]+)+` backtracks exponentially on a long lower-case run that
// fails at its end (a 60 KB slice of gcloud's generated compute messages took minutes).
const WORD_PART = /^(?:[A-Z]?[a-z]+(?:[A-Z][a-z]+)*|[A-Z]+)?\d*$/;
const MAX_BACK = 600;
/**
 * A (host, user, literal) tuple says a password by its place alone, so its literal may be less random than one
 * found by shape alone: a 16-character password of four classes with a repeated character or two measures ~3.3.
 */
const LOGIN_TUPLE_MIN_ENTROPY = 3.2;
/** Words of a call that opens a connection or a session (`connect`, `Session`, `Client`, `login`). */
const CONNECT_WORDS = new Set(['connect', 'connection', 'session', 'client', 'gateway', 'login', 'open', 'dial']);

const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const DN = /^[A-Za-z]+=[^,=]+(?:,[A-Za-z]+=[^,=]+)+$/;
const USER_NAME = /^[a-z][a-z0-9_.-]{2,31}$/;
/** An upper-case user name: Oracle's, DB2's and mainframe users (`POLADM`, `SVC_BATCH`). */
const UPPER_USER = /^[A-Z][A-Z0-9_$#]{2,29}$/;
const HTTP_METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE)$/;
const URL = /^[a-z][a-z0-9+.-]*:\/\/[^\s/]+/;
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+){2,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PORT = /^\d{2,5}$/;
const IDENTIFIER = /^[$@]?[A-Za-z_][\w.]*$/;

const USER_WORDS = new Set(['user', 'username', 'login', 'account', 'principal', 'uid', 'email', 'dn']);
const URL_WORDS = new Set(['url', 'uri', 'host', 'hostname', 'endpoint', 'server', 'domain']);
/** The last word of a call that sets a client up (its first argument being the client's key). */
const SETUP_WORDS = new Set(['setup', 'init', 'initialize', 'configure']);
/** The words of a call that logs in with one secret (`login`, `logIn`, `sign_in`, `authenticate`, `unlock`, `unlockKeychain`, `loginAsync`). */
const LOGIN_CALL = /^(?:log ?in|sign ?in|authenticate|unlock(?: keychain)?)(?: async)?$/;
/** The end of a call that compares or checks its arguments. */
const COMPARISON_CALL = /(?:assert\w*|expect|[Ee]quals?|check\w*|verify\w*|compare\w*|same|[Mm]atch(?:es)?|is|t\.(?:equal|is|deepEqual))[ \t]*$/;
/** The first word of a call named for a secret that reads or checks it rather than handing it over. */
const LOOKUP_VERB = /^(?:get|load|read|find|fetch|lookup|has|is|delete|remove|clear|check|verify|validate|hash|compare|reset|prompt)$/;

/** A literal that looks generated: key material, or 16+ characters of one token mixing three classes. */
export function looksGenerated(value: string, minEntropy = 3.5): boolean {
  // Words, numbers and acronyms joined by separators (`Quarterly-Report-2024`, `north_zone_2`, `Darwin/ManPages/man1`) are names.
  // So are camelCase names with numbers and acronyms (`sha256WithRSAEncryption`, `pbeWithSHAAnd3-KeyTripleDES-CBC`,
  // the OID tables of crypto libraries in public code), where a generated token splits into one- and two-letter pieces.
  if (value.split(/[-_.~:+/]+/).every((part) => WORD_PART.test(part) || isWordsName(part))) return false;
  if (looksLikeKeyMaterial(value)) return true;
  // Random hex of 32+ characters has about 3.6 bits a character, give or take 0.1 (key material asks 3.5 of any token).
  if (/^(?:[0-9a-f]{32,}|[0-9A-F]{32,})$/.test(value)) return /\d/.test(value) && /[a-f]/i.test(value) && shannonEntropy(value) >= HEX_MIN_ENTROPY;
  if (UUID.test(value) || /[/\\%{}$<>()]|:\/\//.test(value) || !/\d/.test(value) || EMAIL.test(value)) return false;
  // Identifiers and dotted names (`X509Certificate2`, `com.example.v2.Service`), dates and versions.
  if (/^[A-Za-z_]\w*$/.test(value) && !/\d[A-Za-z]/.test(trimEndOf(value, '0123456789'))) return false;
  if (/^[\w-]+(?:\.[\w-]+)+$/.test(value) && !(/[A-Z]/.test(value) && /\d/.test(value))) return false;
  const classes = Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/\d/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
  return classes >= 3 && shannonEntropy(value) >= minEntropy;
}

/** Whether a camelCase identifier is mostly words: pieces that read as words (`With`, `sha`) hold most of its letters. */
function isWordsName(value: string): boolean {
  // Letters and digits only, and not hex (whose a-f runs read as short words).
  if (!/^[A-Za-z0-9]+$/.test(value) || /^[0-9a-f]+$/i.test(value)) return false;
  // eslint-disable-next-line regexp/no-super-linear-move -- an attempt at an upper-case run either matches it or is matched by `[A-Z]+`: each run is read once
  const pieces = value.match(/[A-Z]{2,}(?=[A-Z][a-z]|\d|_|$)|[A-Z]?[a-z]+|[A-Z]+|\d+/g) ?? [];
  const letters = pieces.filter((p) => !/^\d/.test(p)).join('').length;
  const words = pieces.filter((p) => /^[A-Z]?[a-z]{2,}$/.test(p));
  return words.length >= 2 && words.join('').length * 10 >= letters * 6;
}

/**
 * A lookup of one named value: `get_option('twilio_sid')`, `getenv("DB_USER")`, `config["api.url"]`, `ENV.fetch('X')`:
 * the name it looks up says what the value is, as a variable's name does.
 */
const NAMED_LOOKUP = /^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*[ \t]*(?:\([ \t]*(["'])([\w.:/-]{1,80})\1[ \t]*\)|\[[ \t]*(["'])([\w.:/-]{1,80})\3[ \t]*\])$/;

function words(text: string, arg: Argument): string[] {
  const written = text.slice(arg.start, arg.end);
  if (IDENTIFIER.test(written)) return keyWords(written.slice(written.lastIndexOf('.') + 1));
  // Bounded: a lookup's name is short, and most arguments are no lookup.
  const lookup = written.length <= 160 && /[)\]]$/.test(written) ? NAMED_LOOKUP.exec(written) : null;
  const name = lookup?.[2] ?? lookup?.[4];
  return name === undefined ? [] : keyWords(name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf('/'), name.lastIndexOf(':')) + 1));
}

function lastWordIn(text: string, arg: Argument | undefined, set: ReadonlySet<string>): boolean {
  const w = arg ? words(text, arg) : [];
  return w.length > 0 && set.has(w[w.length - 1]);
}

function literalOf(text: string, arg: Argument | undefined): string | undefined {
  return arg ? literalArgument(text, arg)?.value : undefined;
}

/** A user by itself: an e-mail address, an LDAP DN, a variable named for one. */
function isUser(text: string, arg: Argument | undefined): boolean {
  const v = literalOf(text, arg);
  return v !== undefined ? EMAIL.test(v) || DN.test(v) : lastWordIn(text, arg, USER_WORDS);
}

/** A URL built from a literal: `new URI("https://…")`, `URI.create("…")`, `url.Parse("…")` (one literal argument). */
const BUILT_URL = /^(?:new[ \t]+)?[\w.]*(?:URI|URL|Uri|Url|url|uri|Parse)(?:\.(?:create|parse|of))?\([ \t]*(["'])([a-z][a-z0-9+.-]*:\/\/[^\s"']+)\1[ \t]*\)$/;

function isPlace(text: string, arg: Argument | undefined): boolean {
  const v = literalOf(text, arg);
  if (v !== undefined) return URL.test(v) || HOST.test(v);
  if (arg !== undefined && BUILT_URL.test(text.slice(arg.start, arg.end))) return true;
  return lastWordIn(text, arg, URL_WORDS) || (arg !== undefined && PORT.test(text.slice(arg.start, arg.end)));
}

function isId(text: string, arg: Argument | undefined): boolean {
  const v = literalOf(text, arg);
  if (v !== undefined) return UUID.test(v);
  const w = arg ? words(text, arg) : [];
  // An account's `sid` (Twilio's `account_sid`) is its id.
  return w.length >= 2 && (w[w.length - 1] === 'id' || w[w.length - 1] === 'sid');
}

/** The opening bracket of the argument list holding `at` (a `(` or `[`), read backwards over nested brackets and strings. */
function openingBracket(text: string, at: number): number | undefined {
  let depth = 0;
  for (let i = at; i >= 0 && i > at - MAX_BACK; i--) {
    const c = text[i];
    if (c === '"' || c === "'") {
      // Bounded: a lone quote (`don't` in a comment) must not send the search back through the whole file.
      let open = i - 1;
      while (open > at - MAX_BACK && open >= 0 && text[open] !== c && text[open] !== '\n') open--;
      if (open < 0 || text[open] !== c) return undefined;
      i = open;
    } else if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (depth === 0) return c === '{' ? undefined : i;
      depth--;
    } else if (c === ';') return undefined;
  }
  return undefined;
}

/**
 * The callee written before an opening parenthesis (`new SftpClient`, `kaltura.session.start`, `).new`). Ruby's
 * `Boxr::Client.new(…)` constructs like `new Client(…)`: its name is the type's.
 */
function calleeBefore(text: string, open: number): { name: string; constructed: boolean } {
  // eslint-disable-next-line regexp/no-super-linear-move -- over at most 120 characters
  const m = /(new[ \t]+)?([A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*)[ \t]*$/.exec(text.slice(Math.max(0, open - 120), open));
  const name = m?.[2] ?? '';
  if (m?.[1] === undefined && name.endsWith('.new') && /(?:^|\.|::)[A-Z]\w*\.new$/.test(name)) return { name: name.slice(0, -4), constructed: true };
  return { name, constructed: m?.[1] !== undefined };
}

/** The words of a conversion's name (`GetBytes`, `fromhex`, `FromBase64String`, `b64decode`, `stringify`). */
const CONVERSION_WORD = /^(?:get|to|from|bytes?|array|decoder?|decode64|encode|un?hex(?:lify)?|fromhex|hex2bin|hextobin|base(?:64|32)|b64\w*|string|str|utf8|ascii|stringify|a2b\w*|urlsafe|strict|std|standard|url)$/;

/** How a conversion's name ends (`GetBytes`, `fromhex`, `b64decode`, `FromBase64String`, `stringify`, `unhexlify`). */
const CONVERSION_END = /(?:bytes?|hex|64|32|decoder?|from|string|stringify|encode|lify|bin|url)[ \t]*$/i;

/**
 * The call around a decoding wrapper whose literal opens at `quote` (`new HMACSHA256(Encoding.UTF8.GetBytes("…"))`):
 * the wrapper is transparent (decoding-wrappers.ts), so the literal is the outer call's argument. Undefined when the
 * call opening at `open` is no wrapper of that literal alone.
 */
function outsideWrapper(text: string, open: number, quote: number): number | undefined {
  // Most calls are no conversion: a look at the name's end before reading the callee.
  if (text[open] !== '(' || !CONVERSION_END.test(text.slice(Math.max(0, open - 24), open))) return undefined;
  const callee = calleeBefore(text, open);
  if (callee.name === '') return undefined;
  // eslint-disable-next-line regexp/no-super-linear-move -- over at most 120 characters
  const m = /(?:new[ \t]+)?[A-Za-z_$][\w$.:>-]*[ \t]*$/.exec(text.slice(Math.max(0, open - 120), open));
  const start = open - (m ? m[0].length : 0);
  const segment = callee.name.slice(trailingWordStart(callee.name));
  // Only a conversion's own words: `decodeRanges("…", false)` (re2js' Unicode tables) builds something else from its literal.
  if (!keyWords(segment).every((w) => CONVERSION_WORD.test(w))) return undefined;
  const decoded = start > 0 ? decodedLiteralStart(text, start) : undefined;
  if (!decoded || (decoded.at !== quote && decoded.at !== quote - 1)) return undefined;
  const outer = openingBracket(text, start - 1);
  return outer !== undefined && text[outer] === '(' ? outer : undefined;
}

/** The name a tuple gives the literal argument at index `i` of `args`, or undefined when its neighbours say nothing. */
function tupleName(text: string, open: number, args: readonly Argument[], i: number, value: string, declarations: Map<string, string[] | undefined> | undefined): string | undefined {
  const declared = declaredParameterName(text, open, i, declarations);
  if (declared !== undefined) return declared;
  if (!looksGenerated(value)) return i >= 2 && isLoginTuple(text, args, i) && looksGenerated(value, LOGIN_TUPLE_MIN_ENTROPY) ? 'password' : undefined;
  const prev = args[i - 1];
  // A comparison (`assertEqual(x.stack_id, "…")`, `expect(…)`) checks a value; it hands no secret over.
  if (text[open] === '(' && COMPARISON_CALL.test(text.slice(Math.max(0, open - 40), open))) return undefined;
  const callee = text[open] === '(' ? calleeBefore(text, open) : { name: '', constructed: false };
  const calleeSegment = callee.name.slice(trailingWordStart(callee.name));
  const calleeWords = keyWords(calleeSegment);
  // A type or factory named for the secret it holds, the literal its last argument (credentials-named.ts).
  // A call named for what it is given last (`ParsePrivateKeyWithPassphrase(pem, …)`, `signInWithEmailAndPassword(a, e, …)`).
  const named = i === args.length - 1 && text[open] === '(' ? secretNamedCallee(callee.name) ?? secretGivenWith(calleeWords) : undefined;
  if (named !== undefined) return named;
  if (i >= 1) {
    if (isUser(text, prev)) return 'password';
    const prevLiteral = literalOf(text, prev);
    if (i >= 2 && isLoginTuple(text, args, i)) return 'password';
    // A client's or session's constructor given a user then the literal first (`BlitzGateway("svc", "…", host=…)`).
    if (i === 1 && prevLiteral !== undefined && USER_NAME.test(prevLiteral) && (callee.constructed || calleeWords.some((w) => CONNECT_WORDS.has(w)))) return 'password';
    if (isPlace(text, prev) && !(prevLiteral !== undefined && USER_NAME.test(prevLiteral))) return 'token';
    if (isId(text, prev)) return 'secret';
    // `put(Context.SECURITY_CREDENTIALS, "…")`: a constant's name is the key of a two-argument call.
    const constant = text.slice(prev.start, prev.end);
    if (i === 1 && args.length === 2 && /^(?:[A-Z]\w*\.)*[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(constant)) return constant;
    // `UserPassword_SetString(packet, "…")`: a call named for a secret, the literal last.
    if (i === args.length - 1 && calleeWords.length > 0 && !LOOKUP_VERB.test(calleeWords[0])) {
      const named = calleeSegment.replace(/_?Set[A-Z]\w*$|^set_?(?=[A-Za-z])/, '');
      if (named !== calleeSegment) return named;
    }
  }
  if (i === 0 && isUser(text, args[1])) return 'secret';
  // The only argument of a call named for a login (`server.login("…")`, `unlock("…")`): a user alone is a name,
  // not generated, so the literal there is the password the call hands over.
  if (i === 0 && args.length === 1 && calleeWords.length > 0 && LOGIN_CALL.test(calleeWords.join(' '))) return 'password';
  if (i === 0 && looksLikeKeyMaterial(value)) {
    // Unless a generated literal follows: then the first is the id beside its secret (`Twilio.init("AC…", "…")`).
    const secretFollows = args.slice(1).some((a) => {
      const later = literalOf(text, a);
      return later !== undefined && looksGenerated(later);
    });
    if (!secretFollows && calleeWords.length > 0 && SETUP_WORDS.has(calleeWords[calleeWords.length - 1])) return 'secretKey';
    // The type's own secret word names the literal (`new PasswordField("…")` is given a password, not an API key).
    if (callee.constructed && args.length === 1 && /^[A-Z]/.test(calleeSegment)) return calleeWords.some((w) => w.startsWith('hmac')) ? 'hmacKey' : secretWordIn(calleeWords) ?? 'apiKey';
  }
  // Go: `radius.New(code, []byte("…"))`, a constructor given key bytes.
  if (/^New[A-Z]?/.test(calleeSegment) && /^\[\]byte\(/.test(text.slice(args[i].start, args[i].end)) && !/^(?:bytes|strings|bufio|io)\./.test(callee.name)) return 'secret';
  return undefined;
}

/**
 * A host (or URL) then a user name literal before the literal at `i`: `new FtpClient(host, "reader", "…")`. The host
 * may come earlier, before a port and a database or service name (go-ora `BuildUrl(host, 1521, "SVC", "USR", "…")`,
 * `Connect(host, port, db, user, "…")`), and a database's user may be upper case (Oracle, DB2, mainframes).
 */
function isLoginTuple(text: string, args: readonly Argument[], i: number): boolean {
  const user = literalOf(text, args[i - 1]);
  if (user === undefined || !(USER_NAME.test(user) || (UPPER_USER.test(user) && !HTTP_METHOD.test(user)))) return false;
  if (isPlace(text, args[i - 2])) return true;
  for (let j = i - 3; j >= 0; j--) if (isHost(text, args[j])) return true;
  return false;
}

/** A host or URL (not a port): a literal shaped like one, a URL built from a literal, a variable named for one. */
function isHost(text: string, arg: Argument): boolean {
  const v = literalOf(text, arg);
  if (v !== undefined) return URL.test(v) || HOST.test(v);
  return BUILT_URL.test(text.slice(arg.start, arg.end)) || lastWordIn(text, arg, URL_WORDS);
}

/** An object literal's user member then a bare `key` member: `client({ username: 'api', key: '…' })`. */
const USER_THEN_KEY = /\b(?:user|username|login)[ \t]*:[ \t]*(["'])[^"'\n]{1,64}\1[ \t]*,[ \t]*key[ \t]*:[ \t]*(["'])([^\s"'\\]{16,200})\2/g;
/** A literal's characters appended one by one to a C# `SecureString`: `foreach (var c in "…") secure.AppendChar(c);`. */
const APPENDED_CHARACTERS = /\bforeach[ \t]*\([ \t]*(?:var|char)[ \t]+(\w+)[ \t]+in[ \t]+"([^\s"\\]{8,200})"[ \t]*\)[ \t\r\n{]*[\w.]+\.AppendChar\([ \t]*\1[ \t]*\)/g;

/** What every member tuple's first line holds (each match of USER_THEN_KEY or APPENDED_CHARACTERS starts with it). */
export const MEMBER_TUPLE_HINT = /\b(?:user|username|login)[ \t]*:|\bforeach/;

/** Members and characters placed like a tuple: a bare `key` beside a user in one object, a literal spelled into a SecureString. */
export function* memberTuples(text: string): Generator<Assignment> {
  for (const m of text.matchAll(USER_THEN_KEY)) {
    const start = (m.index ?? 0) + m[0].length - m[3].length - 1;
    yield placed('apiKey', start, m[3], m[2]);
  }
  for (const m of text.matchAll(APPENDED_CHARACTERS)) {
    const start = (m.index ?? 0) + m[0].indexOf(`"${m[2]}"`) + 1;
    yield placed('password', start, m[2], '"');
  }
}

function placed(key: string, start: number, value: string, quote: string): Assignment {
  const valueSpan = { start, end: start + value.length };
  return { key, keySpan: { start: start - 1, end: start - 1 }, operator: '(', quote, prefix: '', value, valueSpan, literalSpan: { start: start - 1, end: valueSpan.end + 1 }, embedded: true };
}

/** The literals of a code file that a credential tuple places, read as assignments of the name it gives them. */
export function* callTuples(text: string): Generator<Assignment> {
  let found = 0;
  const declarations = fieldDeclarations(text);
  for (const m of text.matchAll(ARGUMENT_LITERAL)) {
    if (found >= MAX_TUPLES) return;
    const tuple = argumentTuple(text, m.index ?? 0, m, declarations);
    if (!tuple) continue;
    found++;
    yield tuple;
  }
  yield* memberTuples(text);
}

/**
 * The credential tuple of ARGUMENT_LITERAL's match `m` at `at` in `text`, if its call places one. It reads
 * at most ~1,500 characters before `at` (a wrapper's call, then its own call) and 600 after it or 9 lines past
 * its line (call-tuple-chunks.ts' TUPLE_CONTEXT keeps room for both).
 */
export function argumentTuple(text: string, at: number, m: RegExpMatchArray, declarations: Map<string, string[] | undefined> | undefined): Assignment | undefined {
  const quote = at + m[0].length - m[2].length - 2;
  const inner = text[at] === ',' ? openingBracket(text, at - 1) : at;
  // A conversion wrapper is transparent (`HMACSHA256(GetBytes("…"))`): the tuple is the wrapper's own call's.
  const open = inner === undefined ? undefined : (looksGenerated(m[2]) ? outsideWrapper(text, inner, quote) : undefined) ?? inner;
  const args = open === undefined ? undefined : callArguments(text, open);
  const i = args ? args.findIndex((a) => a.start <= quote && quote < a.end) : -1;
  if (!args || i < 0) return undefined;
  const literal = literalArgument(text, args[i]);
  if (!literal || literal.value !== m[2]) return undefined;
  const name = tupleName(text, open ?? 0, args, i, m[2], declarations);
  return name === undefined ? undefined : placed(name, quote + 1, m[2], m[1]);
}
