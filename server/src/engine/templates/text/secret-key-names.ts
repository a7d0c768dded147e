// Whether a key names a secret. The last word decides (English head noun): `db_password`,
// `clientSecret`, `GITHUB_TOKEN` and `x-api-key` name secrets; `password_file`, `secretName`,
// `secretKeyRef`, `token_url` and `max_tokens` name something about one.

export interface KeyNameParams {
  /** Words or word pairs a secret key ends with: `password`, `token`, `api key`… Compounds match too (`dbpassword`). */
  readonly keyEndings: readonly string[];
  /**
   * Endings that only count after a separator and another word: `db_pass`, `SMTP-PWD`; not `pwd` (the
   * working directory), `bypass` or camelCase `allPass` (lodash's predicate combinator).
   */
  readonly qualifiedKeyEndings?: readonly string[];
  /**
   * Words that a qualified ending may follow with no separator, or as the word before it: what holds a password
   * (`dbpass`, `bindpw`, `adminpass`, `rootpw`, `bindPW`, slurmdbd's `StoragePass`), never `bypass` or `compass`.
   */
  readonly keyHolders?: readonly string[];
}

/** `DB_PASSWORD` → [db, password]; `clientSecretKey` → [client, secret, key]; `x-api-key` → [x, api, key]. */
export function keyWords(key: string): string[] {
  // Asked at most keyword hits (the credential-call and setter forms, the classifier): an ASCII key,
  // nearly every one, is split in one pass instead of two regex replaces, a lower-casing and a split.
  const words = asciiKeyWords(key);
  if (words !== undefined) return words;
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * keyWords() of an ASCII key, undefined for any other (lower-casing may turn a non-ASCII character into
 * ASCII, which the general path handles). A word ends at any other character than [A-Za-z0-9], and before
 * a capital that follows a lower-case letter or a digit, or that ends a run of capitals before a lower-case
 * letter (`HTTPServer` → http, server): the general path's two replaces.
 */
function asciiKeyWords(key: string): string[] | undefined {
  const words: string[] = [];
  let start = -1;
  let lower = '';
  let prev = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 128) return undefined;
    const upper = c >= 65 && c <= 90;
    const alnum = upper || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    const split = !alnum || (upper && start >= 0 && (isLowerOrDigit(prev) || (isUpper(prev) && i + 1 < key.length && isLower(key.charCodeAt(i + 1)))));
    if (split && start >= 0) {
      words.push(lower);
      start = -1;
      lower = '';
    }
    if (alnum) {
      if (start < 0) start = i;
      lower += upper ? String.fromCharCode(c + 32) : key[i];
    }
    prev = c;
  }
  if (start >= 0) words.push(lower);
  return words;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isLowerOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * A name whose last word is `salt` (`idp.persistentId.salt`, `hashSalt`): a pepper or an id salt kept secret, or
 * a public per-record salt; like a bare `Key`, only a value of key material counts.
 */
export function endsWithSalt(key: string): boolean {
  const words = keyWords(key);
  return words.length >= 1 && words[words.length - 1] === 'salt';
}

export type KeyClassifier = (key: string) => boolean;

/** A name of two to four letters then `pw` or `pwd`, one word: an abbreviated password's name (a longer word before it is a word: `firstpw`). */
const GLUED_PASSWORD = /^[a-z]{2,4}pwd?$/;
/** A header name of capitalised words ending in `Key` (`Fastly-Key`): `Sec-WebSocket-Key` is not written so. */
const VENDOR_KEY_HEADER = /^(?:[A-Z][a-z0-9]+-)+Key$/;
/** First words of keys that identify or order rather than authenticate (`Idempotency-Key`, `Primary-Key`, `Cache-Key`). */
const NOT_SECRET_KEY_KINDS: ReadonlySet<string> = new Set(['idempotency', 'public', 'primary', 'foreign', 'sort', 'partition', 'cache', 'lookup', 'dedup', 'deduplication', 'request', 'routing', 'hash', 'unique', 'composite', 'row', 'object', 'index', 'shard', 'group', 'message', 'event', 'correlation', 'trace', 'span', 'tenant', 'entity', 'record', 'resource', 'item']);

export function compileKeyClassifier(params: KeyNameParams): KeyClassifier {
  const endings = params.keyEndings.map((e) => e.toLowerCase().replace(/[^a-z0-9]+/g, ''));
  const qualified = (params.qualifiedKeyEndings ?? []).map((e) => e.toLowerCase());
  const holders = new Set((params.keyHolders ?? []).map((h) => h.toLowerCase()));
  const heldEnding = (words: readonly string[], last: string): boolean =>
    (words.length >= 2 && qualified.includes(last) && holders.has(words[words.length - 2])) ||
    qualified.some((q) => last.length > q.length && last.endsWith(q) && holders.has(last.slice(0, -q.length)));
  const classify = (key: string): boolean => {
    const words = withoutEnvironment(keyWords(key));
    if (words.length === 0) return false;
    const last = words[words.length - 1];
    // A custom HTTP header that carries a key: `X-Ledger-Key`, `x-client-key`.
    // Also as the last part of a dotted path (Quarkus `rest-client.epg.headers.X-Epg-Key`).
    const header = key.slice(key.lastIndexOf('.') + 1);
    if (last === 'key' && /^x-[a-z0-9]+-/i.test(header)) return true;
    // A header named for its vendor's key, written the way HTTP headers are (`Fastly-Key`, `Acme-Partner-Key`), not a kind of key.
    if (last === 'key' && VENDOR_KEY_HEADER.test(header) && !NOT_SECRET_KEY_KINDS.has(words[0])) return true;
    if (words.length >= 2 && qualified.includes(last) && /[-_.]/.test(key[key.length - last.length - 1] ?? '')) return true;
    // After an acronym the case change separates as well as `_` (PHP `$SMTPPass`, `DBPwd`); `allPass` stays a predicate.
    if (words.length >= 2 && qualified.includes(last) && /[A-Z]{2}[A-Z][a-z]*$/.test(key) && key.length - last.length >= 2) return true;
    // An upper-case ending after a lower-case word separates as well (`bindPW`, `dbPWD`); so does a holder (`dbpass`).
    if (words.length >= 2 && qualified.includes(last) && /[a-z0-9][A-Z]+$/.test(key) && key.endsWith(last.toUpperCase())) return true;
    if (heldEnding(words, last)) return true;
    // A short abbreviation glued to `pw`/`pwd` is a password's name whatever it holds (saspy's `omrpw`, `ldappw`,
    // `sqlpwd`): no word ends so, unlike `pass` (`bypass`, `compass`).
    if (words.length === 1 && GLUED_PASSWORD.test(last)) return true;
    // Joined, so both `api_key` and `apikey`, `db_password` and `dbpassword`, end the same way; the
    // ending must start at a word start or inside the last word (a compound), never mid-way elsewhere.
    const joined = words.join('');
    const lastStart = joined.length - last.length;
    return endings.some((e) => {
      const start = joined.length - e.length;
      return joined.endsWith(e) && (start >= lastStart || wordStartAt(words, start));
    });
  };
  // A secret named with the access it grants after it (Mumble's `icesecretwrite`/`icesecretread`, a `token_read`):
  // the name without that word is judged, by the full endings only (`dbpass_read` says too little).
  return remembering((key) => {
    if (classify(key)) return true;
    const unqualified = withoutAccessWord(keyWords(key));
    return unqualified !== undefined && endings.some((e) => unqualified.replace(/_/g, '').endsWith(e)) && classify(unqualified);
  });
}

/** Words naming the access a secret grants, after the secret's name. */
const ACCESS_WORD = /^(.*?)(?:read|write|readwrite|readonly)$/;

/** The key's words joined by `_` without a last access word (a word of its own or glued: `icesecretwrite`), or undefined. */
function withoutAccessWord(words: readonly string[]): string | undefined {
  const last = words[words.length - 1];
  const m = last === undefined ? null : ACCESS_WORD.exec(last);
  if (!m) return undefined;
  const rest = m[1] === '' ? words.slice(0, -1) : [...words.slice(0, -1), m[1]];
  return rest.length > 0 ? rest.join('_') : undefined;
}

/**
 * Deployment environments a key may end with after the secret it names: `DB_PASSWORD_PROD`,
 * dotenvx's `DOTENV_PRIVATE_KEY_PRODUCTION`, `API_TOKEN_STAGING` name the same secret per environment.
 */
const ENVIRONMENT_WORDS = new Set(['production', 'prod', 'staging', 'stage', 'development', 'dev', 'preprod', 'uat', 'qa', 'ci', 'preview', 'sandbox', 'live']);

/**
 * Words a rotation puts after the secret it names: `FERNET_KEY_OLD` beside `FERNET_KEY`, `JWT_SECRET_PREVIOUS`,
 * `API_TOKEN_SECONDARY`: the same kind of secret, the one before or beside the current one, still accepted.
 */
const ROTATION_WORDS = new Set(['old', 'previous', 'prev', 'new', 'current', 'primary', 'secondary', 'backup', 'fallback', 'legacy', 'rotated', 'retired']);

/** The key's words without a trailing environment or rotation word, when a secret's words come before it. */
function withoutEnvironment(words: string[]): string[] {
  const last = words[words.length - 1];
  return words.length >= 3 && (ENVIRONMENT_WORDS.has(last) || ROTATION_WORDS.has(last)) ? words.slice(0, -1) : words;
}

/** Keys remembered per classifier: a file names the same few keys at many keyword hits. */
const MAX_REMEMBERED_KEYS = 4096;

/** The classifier with its answers remembered (a pure function of the key), in a bounded memo emptied when full. */
function remembering(classify: KeyClassifier): KeyClassifier {
  const answers = new Map<string, boolean>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= MAX_REMEMBERED_KEYS) answers.clear();
      answers.set(key, (answer = classify(key)));
    }
    return answer;
  };
}

function wordStartAt(words: readonly string[], offset: number): boolean {
  let at = 0;
  for (const w of words) {
    if (at === offset) return true;
    at += w.length;
  }
  return false;
}
