import { keyWords } from './secret-key-names';

// Shapes of assigned values that are not hardcoded secrets even when the key says "password":
// references to where the secret lives (env names, secret names, file paths, URLs, lookups), structure
// (a YAML block, a mapping, an anchor), and prose. Only for the generic assignment detector, whose
// values have no vendor format to vouch for them.

/** First characters of values that are structure or indirection, not a literal: `{`, `[`, `$VAR`, `!Ref`, `*alias`, `|`… */
const NOT_A_LITERAL_START = /^[[{(!&*|>$%@<]/;
/** `DB_PASSWORD`, `GITHUB_TOKEN`: the name of an environment variable, not its value. */
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/**
 * Lower-case names and paths that mention the secret they point at: `db-password`, `vault/data/app/token`, `my.secret`,
 * with wildcards too (a Secret Manager version pattern in gcloud's docstrings: `projects/*`, then `secrets/*`…).
 */
const NAMED_REFERENCE = /^[a-z0-9._/:*-]*(?:pass|pwd|secret|token|key|cred|auth)[a-z0-9._/:*-]*$/;
/**
 * A secret store's path with the field after `#` (`secret/rating/partner#password`: Vault's `path#key` as Spring's
 * `${vault:…}`, Quarkus and vals reference it): where the secret lives, also as a placeholder's fallback.
 */
const STORE_PATH_FIELD = /^[a-z0-9._-]+(?:\/[a-z0-9._-]+)+#[A-Za-z0-9._-]+$/;
/** A long command-line option: `--display-name` after `'--private-key'` in a list of flags is the next flag, not its value. */
const OPTION_NAME = /^--[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/**
 * Dotted member access: `config.password`, `req.body.token`, `settings.API_KEY`, `Config.DbPassword`. Each
 * part is shaped like an identifier (lower, camel, Pascal or upper case, an acronym first, digits at a word's
 * end: `OAuth2.XmlReader`); `j.NKsFONx…`
 * mixes case and digits the way a generated password does, and is a literal.
 */
const IDENTIFIER_PART = '(?:[a-z_$][a-z0-9_$]*(?:[A-Z][a-z]+[0-9]*)*[A-Z]?|[A-Z]*(?:[A-Z][a-z]+[0-9]*)+[A-Z]?|[A-Z][A-Z0-9_$]*)';
const MEMBER_ACCESS = new RegExp(`^${IDENTIFIER_PART}(?:\\.${IDENTIFIER_PART})+$`);
const PATH = /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\|file:)/;
const FILE_REFERENCE = /\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|pub|txt|json|ya?ml|env|conf|cfg|ini|properties|secret|secrets|token|gpg|asc|enc|age)$/i;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const CALL = /\w\s*\(.*\)/;
/** Brackets and quotes inside a value: an expression (`os.environ["X"]`, `env('X')`), not a literal. */
const EXPRESSION = /[[\]()"'`]/;
/**
 * All lower-case words, names and paths: `toweraccess`, `cert-manager/webhook-ca`, `db.internal`, `redis-0`,
 * snake_case too (`gs_json_host`, an option's name in gsutil's `config.get('Credentials', 'gs_json_host')`).
 * Each part is a word with at most a number after it; `a1b2c3-d4e5` or `s3cr3t-pa55w0rd` mix digits into
 * letters the way generated and typed secrets do, and are not names.
 */
const LOWER_NAME = /^[a-z]+$|^(?:[a-z]+[0-9]*|[0-9]{1,4})(?:[-./_](?:[a-z]+[0-9]*|[0-9]{1,4}))+$/;
/**
 * An app-specific password as Apple and Google issue them: four groups of four lower-case letters (`xxxx-xxxx-xxxx-xxxx`,
 * Google's with blanks): made of letters like a name, but generated.
 */
const APP_PASSWORD = /^[a-z]{4}([- ])[a-z]{4}(?:\1[a-z]{4}){2}$/;
/** A group no word is spelled like: no vowel (`lrct`), three consonants in a row (`gtha`, `bfra`), a `q` without its `u`. */
const UNSPELLABLE = /^[^aeiouy]{4}$|[^aeiouy]{3}|q(?!u)/;

/**
 * Four generated groups of four letters: at least one unspellable (four words, `user-name-from-ldap`, spell
 * out), none an alphabet run or one letter repeated (`abcd-efgh-ijkl-mnop`, `xxxx-…`: documentation stand-ins).
 */
function isAppPassword(value: string): boolean {
  if (!APP_PASSWORD.test(value)) return false;
  const groups = value.split(/[- ]/);
  const standIn = (g: string) => [...g].every((c, i) => i === 0 || c.charCodeAt(0) === g.charCodeAt(i - 1) + 1 || c === g[0]);
  return groups.some((g) => UNSPELLABLE.test(g)) && !groups.some(standIn);
}

/** A part of a name that is generated, not a word: 16+ lower-case letters and digits with three runs of digits (`5bn8doovv2cvf39f…`). */
const GENERATED_PART = /[a-z0-9]{16,}/g;
/** A custom HTTP header's name (`X-Hub-Signature`): what carries a secret, not one. */
const HEADER_NAME = /^X-[A-Za-z]+(?:-[A-Za-z0-9]+)+$/i;
/** Capitalised words joined by dashes, the way HTTP header names and tokens are written (`Trailer-Value`, `Content-Type`, a `\r\n` after it): a name. */
const TITLE_WORDS = /^(?:[A-Z][a-z]+-)+[A-Z][a-z]+(?:\\[rn])*$/;
/** The standard headers that carry credentials (`Token = 'Authorization'` in a header-name enum): names, not values. */
const CREDENTIAL_HEADER_NAME = /^(?:Proxy-)?Authorization$|^(?:WWW|Proxy)-Authenticate$|^(?:Set-)?Cookie$/i;
/** Identifiers and hashes, not credentials: UUIDs, `sha256:…`/`sha512-…` digests, crypt hashes. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGEST = /^(?:sha(?:1|224|256|384|512)|md5|blake2b?)[:-][A-Za-z0-9+/=]{16,}$/i;
/** PostgreSQL's stored password hashes (`ENCRYPTED PASSWORD 'md5...'`, `SCRAM-SHA-256$4096:...`): what a dump holds, not the password. */
const POSTGRES_HASH = /^md5[0-9a-f]{32}$|^SCRAM-SHA-256\$\d+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/;
/**
 * camelCase or PascalCase letters only: an identifier or enum value (`refreshToken`, `OverEvery`), with a
 * sigil or a closing acronym too: a tokenizer's state (prettier's `lastSignificantToken = "?InterpolationInJSX"`),
 * a private name (`#accessToken`), a symbol (`:authToken`).
 */
const IDENTIFIER = /^[?#:]?(?:[a-z]+(?:[A-Z][a-z]+)+|(?:[A-Z][a-z]+){2,})[A-Z]{0,4}$/;
/** A value whose own words name a secret is the name of one (`AccessToken`, `X-Api-Key`, `db_password`). */
const SECRET_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'secret', 'secrets', 'token', 'key', 'apikey', 'credential', 'credentials', 'auth']);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/**
 * Base64 that starts with `/` (`/hRl9…/2ruM…`), not a path: 24 characters or more, each `/`-separated part
 * mixing upper case, lower case and digits the way random bytes do and path names (`/etc/ssl/certs`) do not.
 */
const RANDOM_BASE64 = /^(?:\/+(?=[A-Za-z0-9+]*[0-9])(?=[A-Za-z0-9+]*[a-z])(?=[A-Za-z0-9+]*[A-Z])[A-Za-z0-9+]{6,})+\/*={0,2}$/;

/**
 * True when the value points at a secret or is structure rather than a literal secret. `unquotedData`: the value
 * stands unquoted in a data file (a YAML scalar, an INI or `.env` value), where nothing evaluates `a.b.c`: a dotted
 * shape there is the string itself (`hn2o.Yrdl.GOvz`, a generated password with dots), not a member access.
 */
export function isIndirection(value: string, unquotedData = false): boolean {
  if (isAppPassword(value)) return false;
  return (
    NOT_A_LITERAL_START.test(value) ||
    ENV_NAME.test(value) ||
    (NAMED_REFERENCE.test(value) && !hasGeneratedPart(value)) ||
    (STORE_PATH_FIELD.test(value) && !hasGeneratedPart(value)) ||
    OPTION_NAME.test(value) ||
    (!unquotedData && MEMBER_ACCESS.test(value)) ||
    (PATH.test(value) && !(value.length >= 24 && RANDOM_BASE64.test(value))) ||
    FILE_REFERENCE.test(value) ||
    URL.test(value) ||
    CALL.test(value) ||
    (EXPRESSION.test(value) && !unbalancedBrackets(value)) ||
    LOWER_NAME.test(value) ||
    IDENTIFIER.test(value) ||
    UUID.test(value) ||
    HEADER_NAME.test(value) ||
    TITLE_WORDS.test(value) ||
    CREDENTIAL_HEADER_NAME.test(value) ||
    DIGEST.test(value) ||
    POSTGRES_HASH.test(value) ||
    // A name made of words (`X-Api-Key`, `AccessToken`), not a random string that happens to hold `Key`.
    (/^[A-Za-z][A-Za-z_. -]*$/.test(value) && keyWords(value).some((w) => SECRET_WORDS.has(w))) ||
    /\s/.test(value) ||
    /^\d+$/.test(value)
  );
}

/** A reference's parts are names; a token after a scheme word (tmi.js `oauth:5bn8…`) mixes digits into letters throughout. */
function hasGeneratedPart(value: string): boolean {
  for (const part of value.match(GENERATED_PART) ?? []) if ((part.match(/\d+/g)?.length ?? 0) >= 3 && /[a-z]/.test(part)) return true;
  return false;
}

/**
 * A bracket closed that no expression opened (`x-6)dac3*@(nr(1+`, a Django `SECRET_KEY` drawn from
 * `!@#$%^&*(-_=+)`). An expression may be cut short (an unquoted value loses its last `)`), never reversed.
 */
function unbalancedBrackets(value: string): boolean {
  const open: string[] = [];
  for (const c of value) {
    if (c === '(' || c === '[') open.push(c === '(' ? ')' : ']');
    else if ((c === ')' || c === ']') && open.pop() !== c) return true;
  }
  return false;
}

/**
 * Kubernetes Secret data and similar configs hold base64 of the real value: `cGFzc3dvcmQ=` is
 * `password`. Returns the decoded text when the value is base64 of printable ASCII, so the same
 * filters judge what it stands for; undefined for anything else (random bytes stay as written).
 */
export function decodedText(value: string): string | undefined {
  if (value.length < 8 || value.length % 4 !== 0 || !BASE64.test(value)) return undefined;
  let decoded: string;
  try {
    decoded = atob(value);
  } catch {
    return undefined;
  }
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : undefined;
}

const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 (line breaks allowed, as `kubectl` and editors wrap it) of UTF-8 text; undefined otherwise. */
export function decodeBase64Text(encoded: string): string | undefined {
  const compact = encoded.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 === 1 || !BASE64_TEXT.test(compact)) return undefined;
  let binary: string;
  try {
    binary = atob(compact);
  } catch {
    return undefined;
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Control characters other than line breaks and tabs: binary data, not text.
    return /[\x00-\x08\x0e-\x1f\x7f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}
