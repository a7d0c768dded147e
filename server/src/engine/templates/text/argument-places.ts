import { lineEndAt } from '../../text';
import { skipBlanksAndLineComments } from './assignment-forms';
import { CONVERSION_NAME, decodedLiteralStart } from './decoding-wrappers';
import { looksLikeKeyMaterial } from './key-material';
import { keyWords } from './secret-key-names';

// A secret passed by its place among a call's arguments, where no key names it:
//   - a login call's password, right after the argument that names the user: the call's name ends in a
//     connect, bind, login, dial or credential word (`ldap3.Connection(server, dn, "…")`, `pymssql.connect(host,
//     user, "…", db)`, `client.bind(dn, "…", cb)`, `ftp_login($c, 'ops', '…')`, `ssh2_auth_password($c, $user, '…')`,
//     `keyring.set_password(svc, user, "…")`, `gomail.NewDialer(host, port, user, "…")`,
//     `MongoCredential.CreateCredential(db, user, "…")`), any call of a login protocol's client (`Net::FTP.open(host,
//     user, "…")`, `Net::SMTP.start(…, user, "…", :plain)`), a call's `auth("…")` alone (Redis clients), and the
//     secret of static credentials (`NewStaticCredentialsProvider(id, "…", "")`, `NewStaticV4(id, "…", "")`);
//   - the key of an HMAC, JWT, cipher, cookie or session-signing call: any HMAC call's literal that is not the
//     algorithm's name (`hmac.New(sha256.New, []byte("…"))`, `hash_hmac('sha256', $d, '…')`,
//     `OpenSSL::HMAC.hexdigest("SHA256", "…", data)`), a JWT library's second argument (`jwt.sign(payload, "…")`,
//     `JWT.encode(payload, '…', 'HS256')`, `jwt.verify`/`decode`); first-argument key calls are in command-forms.
// The user is a variable named for one (`user`, `username`, `$user`, `self.user`, `dn`, `login`) or a literal
// shaped like one (a lower-case name, an e-mail address, an LDAP DN); the password is a literal that is shaped
// like one (letters with digits or symbols, no blank): a host, a database name, a format string or a log
// message after the user stays quiet, and so does a variable or a number.

/** The last word of a login call's name (after an `Async` suffix). */
const LOGIN_VERBS = new Set(['connect', 'connection', 'bind', 'login', 'dialer', 'credential', 'password']);
/** Login protocols whose clients take `(host, user, password)` by position whatever the method (`Net::FTP.open`, `Net::SMTP.start`, `ftplib.FTP`). */
const LOGIN_PROTOCOLS = new Set(['ftp', 'ftps', 'sftp', 'smtp', 'pop3', 'imap', 'imap4']);
/** The first word of a call that reads or checks a stored password rather than handing one over. */
const LOOKUP_VERB = /^(?:get|load|read|find|fetch|lookup|has|is|delete|remove|clear|check|verify|validate|hash|reset|change|prompt|ask)$/;
/** The last word of a variable that holds the user a login call takes. */
const USER_WORDS = new Set(['user', 'username', 'login', 'dn', 'uid', 'principal']);
/** A literal shaped like a user: a lower-case name, an e-mail address, an LDAP DN. */
const USER_LITERAL = /^(?:[a-z][a-z0-9_.-]{0,63}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z]+=[^,=]+(?:,[A-Za-z]+=[^,=]+)+)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A password's shape: no blank, no interpolation or format directive; letters with digits or symbols. */
const PASSWORD_SHAPE = /^(?=[^\s%{}$]{8,200}$)(?=.*[A-Za-z])(?=.*[^A-Za-z]).*$/;
/** Algorithm names an HMAC call takes beside its key. */
const ALGORITHM_NAME = /^(?:hmac)?[-_]?(?:sha|md|ripemd|blake|sm3|whirlpool)[-_\w/]*$/i;

/** What a login call's name holds somewhere, checked before its words are split (most calls are no login). */
const LOGIN_NAME_HINT = /connect|bind|login|dialer|credential|password|auth|static|ftp|smtp|pop3|imap/i;

const MAX_ARGUMENTS = 8;
const MAX_CALL = 600;

export interface Argument {
  readonly start: number;
  readonly end: number;
}

export interface ArgumentPlace {
  /** The offset of the literal (its string prefix or quote). */
  readonly at: number;
  readonly lineEnd: number;
  /** The name the finding gives the secret. */
  readonly name: string;
}

/** The top-level arguments of the call opening at `open` (`(`), trimmed; undefined past MAX_CALL or MAX_ARGUMENTS. */
export function callArguments(text: string, open: number): Argument[] | undefined {
  const end = Math.min(text.length, open + MAX_CALL);
  const out: Argument[] = [];
  let depth = 0;
  let quote = '';
  let start = open + 1;
  for (let i = open + 1; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if ((c === ',' && depth === 0) || c === ')' || c === ']' || c === '}') {
      out.push(trimmed(text, start, i));
      if (c !== ',') return out.length > MAX_ARGUMENTS ? undefined : out;
      start = i + 1;
    }
  }
  return undefined;
}

function trimmed(text: string, start: number, end: number): Argument {
  start = skipBlanksAndLineComments(text, start, end);
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * A literal argument: a string (with a Python `b`/`r` prefix), inside Go's `[]byte(…)`, followed by a conversion
 * to bytes or characters (`.getBytes()`, `.toCharArray()`, `.hexToByteArray()`), or inside any decoding call
 * (`Decoders.BASE64.decode("…")`, `sodium_hex2bin('…')`: decoding-wrappers.ts). Its offset and value.
 */
export function literalArgument(text: string, arg: Argument): { at: number; value: string } | undefined {
  const written = text.slice(arg.start, arg.end);
  const m = /^(\[\]byte\()?([bBrR]?)(["'`])((?:\\.|(?!\3)[^\\\n])*)\3(\)?)((?:\.(\w+)\([\w.'"-]{0,30}\))?)$/.exec(written);
  if (m && (m[1] ? m[5] === ')' : m[5] === '') && (!m[7] || CONVERSION_NAME.test(m[7]))) return { at: arg.start + (m[1] ? m[1].length : 0), value: m[4] };
  const decoded = decodedLiteralStart(text, arg.start);
  return decoded && decoded.end === arg.end ? { at: decoded.at, value: decoded.value } : undefined;
}

function isUserArgument(text: string, arg: Argument): boolean {
  const literal = literalArgument(text, arg);
  if (literal) return USER_LITERAL.test(literal.value);
  const written = text.slice(arg.start, arg.end);
  if (!/^[$@]?[A-Za-z_][\w.]*$/.test(written)) return false;
  const words = keyWords(written.slice(written.lastIndexOf('.') + 1));
  return words.length > 0 && USER_WORDS.has(words[words.length - 1]);
}

/** The password a login call named `key` takes right after its user argument, for the call opening at `open`. */
export function loginArgumentPlace(text: string, key: string, open: number): ArgumentPlace | undefined {
  if (!LOGIN_NAME_HINT.test(key)) return undefined;
  const words = keyWords(key.slice(key.lastIndexOf('.') + 1));
  if (words[words.length - 1] === 'async') words.pop();
  const last = words[words.length - 1];
  if (last === undefined || LOOKUP_VERB.test(words[0])) return undefined;
  // Static credentials (`credentials.NewStaticCredentialsProvider(id, "…", "")`, minio's `NewStaticV4(id, "…", "")`): the secret second.
  const staticCredentials = words[0] === 'new' && words[1] === 'static';
  const protocol = key.split('.').slice(0, -1).some((s) => LOGIN_PROTOCOLS.has(s.toLowerCase())) || LOGIN_PROTOCOLS.has(words.join('_'));
  if (!(LOGIN_VERBS.has(last) || (last === 'auth' && words.length === 1) || staticCredentials || protocol)) return undefined;
  const args = callArguments(text, open);
  if (!args) return undefined;
  if (staticCredentials) {
    const secret = args.length >= 2 ? literalArgument(text, args[1]) : undefined;
    return secret && PASSWORD_SHAPE.test(secret.value) ? { at: secret.at, lineEnd: lineEndAt(text, secret.at), name: 'secret' } : undefined;
  }
  if (last === 'auth' && !protocol) {
    const only = args.length === 1 ? literalArgument(text, args[0]) : undefined;
    return only && PASSWORD_SHAPE.test(only.value) && !USER_LITERAL.test(only.value) ? { at: only.at, lineEnd: lineEndAt(text, only.at), name: 'password' } : undefined;
  }
  for (let i = 1; i < args.length; i++) {
    const literal = literalArgument(text, args[i]);
    // An id (a UUID) is an account's, a tenant's or a client's: `new ClientSecretCredential(tenant, client, "…")`.
    if (!literal || !PASSWORD_SHAPE.test(literal.value) || USER_LITERAL.test(literal.value) || literal.value.includes('://') || UUID.test(literal.value)) continue;
    if (isUserArgument(text, args[i - 1])) return { at: literal.at, lineEnd: lineEndAt(text, literal.at), name: 'password' };
  }
  return undefined;
}

/** PyCryptodome's and Ruby's ciphers built by their algorithm's name: `AES.new(key, AES.MODE_GCM)`, `Blowfish.new(key, …)`. */
const BLOCK_CIPHER_NEW = /(?:^|\.)(?:AES|DES3?|TripleDES|ChaCha20(?:_Poly1305)?|XChaCha20|Salsa20|Blowfish|ARC4|CAST|Camellia)\.new$/;
/** A cipher or key-building call's last name: it takes key material (`sodium_crypto_secretbox`, `SecretKeySpec`, `Cipher.init`). */
const CIPHER_CALL = /secretbox|encrypt|decrypt|cipher|keyspec|aead/;
/**
 * A key-derivation function's name: its first argument (after an algorithm's name) is the password it stretches.
 * Argon2 only as a key derivation (Go's `argon2.IDKey`): `argon2.hash('…')` hashes a user's password, a test's literal.
 */
const KDF_NAME = /scrypt|pbkdf2|hkdf|argon2(?:\.|::)?\w*key$/i;
/** A named argument's label before its value: PHP 8 and C# `key: '…'`, Kotlin and Python `key = "…"` (not `==`, `::`). */
const ARGUMENT_LABEL = /^[A-Za-z_]\w*[ \t]*(?::(?!:)|=(?![=>]))[ \t]*/;

/** An argument without its label (`key: '…'` → `'…'`): a named argument is read like a positional one. */
function unlabelled(text: string, arg: Argument): Argument {
  const label = ARGUMENT_LABEL.exec(text.slice(arg.start, Math.min(arg.end, arg.start + 80)));
  return label && label[0].length < arg.end - arg.start ? { start: arg.start + label[0].length, end: arg.end } : arg;
}

/**
 * The key of an HMAC, JWT or cipher call named `key`, for the call opening at `open`: a cipher's key is the
 * argument that is key material (hex or base64 of high entropy), bare or through a decoding wrapper.
 */
export function keyArgumentPlace(text: string, key: string, open: number): ArgumentPlace | undefined {
  const blockCipherNew = key.endsWith('.new') && BLOCK_CIPHER_NEW.test(key);
  if (!blockCipherNew && !/hmac|jwt|secretbox|crypt|cipher|keyspec|aead|pbkdf2|argon2|hkdf/i.test(key)) return undefined;
  const segments = key.split('.');
  const words = segments.flatMap((s) => keyWords(s));
  const last = segments[segments.length - 1];
  const jwt = segments.length >= 2 && keyWords(segments[segments.length - 2]).includes('jwt') && /^(?:sign|verify|encode|decode)$/.test(last);
  // An HMAC word may carry its hash glued on: .NET's `HMACSHA256`, `HMACMD5` are one word.
  // A key derivation first: `pbkdf2_hmac(alg, password, salt, n)` takes a password, and a literal salt after a variable is no key.
  const kdf = !jwt && KDF_NAME.test(key);
  const hmac = !kdf && words.some((w) => w.startsWith('hmac'));
  const cipher = !jwt && !hmac && !kdf && (blockCipherNew || CIPHER_CALL.test(last.toLowerCase()));
  if (!jwt && !cipher && !hmac && !kdf) return undefined;
  const args = callArguments(text, open)?.map((a) => unlabelled(text, a));
  if (!args) return undefined;
  if (kdf) return kdfPassword(text, args);
  const candidates = jwt ? args.slice(1, 2) : args;
  for (const arg of candidates) {
    const literal = literalArgument(text, arg);
    if (!literal || ALGORITHM_NAME.test(literal.value) || !/^[^\s%{}$]{8,}$/.test(literal.value)) continue;
    if (cipher && !looksLikeKeyMaterial(literal.value)) continue;
    return { at: literal.at, lineEnd: lineEndAt(text, literal.at), name: jwt ? 'jwtSecret' : cipher ? 'encryptionKey' : 'hmacKey' };
  }
  return undefined;
}

/**
 * A key-derivation call's password: its first argument, or its second after an algorithm's name
 * (`crypto.scryptSync("…", salt, 32)`, `scrypt.Key([]byte("…"), salt, …)`, `pbkdf2_hmac("sha256", b"…", salt, n)`).
 * The salt that follows is not read: a variable password with a literal salt stays quiet.
 */
function kdfPassword(text: string, args: readonly Argument[]): ArgumentPlace | undefined {
  const first = args.length >= 2 ? literalArgument(text, args[0]) : undefined;
  const password = first && ALGORITHM_NAME.test(first.value) ? literalArgument(text, args[1]) : first;
  if (!password || ALGORITHM_NAME.test(password.value) || !PASSWORD_SHAPE.test(password.value)) return undefined;
  return { at: password.at, lineEnd: lineEndAt(text, password.at), name: 'passphrase' };
}
