import { shannonEntropy } from '../../text';
import { keyWords } from './secret-key-names';

// A name ending in a bare `Key` (`ServiceBusKey`, `partnerKey`, `$mandrillKey`) may hold a credential or
// anything else keyed (`cacheKey`, `sortKey`, `publicKey`): the name alone cannot say, so the value
// decides. Only key material counts: one long token of random-looking characters (hex, or base64 mixing
// upper case, lower case and digits), never words, names or a public key's encoding. A routing key is
// either: a message broker's (`orders.created`, a name) or PagerDuty's integration key (32 random hex).

/** The word before `key` in names that key something other than access (or a key anyone may read). */
const NOT_A_SECRET_KEY = new Set([
  'public', 'pub', 'publishable', 'verify', 'verification', 'verifying', 'cache', 'hash', 'sort', 'partition', 'primary',
  'foreign', 'idempotency', 'dedup', 'dedupe', 'lookup', 'map', 'object', 'i18n', 'translation', 'message',
  'row', 'range', 'composite', 'unique', 'event', 'file', 'bucket', 'storage', 'state', 'query', 'group', 'react',
  'list', 'item', 'node', 'field', 'column', 'table', 'index', 'license', 'host', 'ssh', 'gpg', 'pgp', 'meta', 'redis',
]);

const MIN_LENGTH = 20;
const MAX_LENGTH = 128;
/** Bits per character: random base64 of 20+ characters is well above it, identifiers and versions below. */
const MIN_ENTROPY = 3.5;
/** Hex's own floor (at most 4 bits a character): a few repeated symbols (`deadbeefdeadbeef…`, `aaaa0000…`) fall below it. */
const HEX_MIN_ENTROPY = 3.2;
/**
 * Upper case and digits only: a higher floor (a 36-character alphabet) and letters and digits switching at least
 * once every three characters (random base-36 switches about every 2.5; `REGION1ZONE2RACK3` every 3.1).
 */
const UPPER_MIN_ENTROPY = 3.8;
const MIN_CLASS_SWITCHES = 6;

/** Whether `key` names something by a bare last word `key`, with a word before it that is no known non-secret use. */
export function endsWithBareKey(key: string): boolean {
  const words = keyWords(key);
  return words.length >= 2 && words[words.length - 1] === 'key' && !NOT_A_SECRET_KEY.has(words[words.length - 2]);
}

/**
 * A name whose last word qualifies a token without naming it (`refresh` for a refresh token, as a Kotlin
 * parameter passed on to `BearerTokens(…, refreshToken = refresh)`): like a bare `Key`, the value decides.
 */
export function namesTokenByQualifier(key: string): boolean {
  return /(?:^|[_.-])refresh$/i.test(key);
}

/** One random-looking token: hex of 32+ characters with letters and digits, or base64(url) mixing all three classes. */
export function looksLikeKeyMaterial(value: string): boolean {
  if (value.length < MIN_LENGTH || value.length > MAX_LENGTH) return false;
  const entropy = shannonEntropy(value);
  // Hex has 16 symbols: 32 random hex characters measure 3.6 bits a character give or take 0.1, so the general floor
  // rejected about one random 128-bit key in five; its own floor rejects about one in three hundred.
  if (/^[0-9a-f]{32,}$/.test(value) || /^[0-9A-F]{32,}$/.test(value)) return entropy >= HEX_MIN_ENTROPY && /[0-9]/.test(value) && /[a-fA-F]/.test(value);
  if (entropy < MIN_ENTROPY) return false;
  // Upper case and digits only (base32-like activation and license keys, `8DPE51ZXK0…`): random when letters and
  // digits alternate often, unlike names and versions (`ORDERS2024V3`).
  if (/^[0-9A-Z]+$/.test(value)) {
    const switches = value.match(/[0-9](?=[A-Z])|[A-Z](?=[0-9])/g)?.length ?? 0;
    return shannonEntropy(value) >= UPPER_MIN_ENTROPY && switches >= Math.max(MIN_CLASS_SWITCHES, value.length / 3);
  }
  // Public keys in DER (`MIIBIjAN...`, `MFkwEwYH...`) are not secrets.
  if (/^MI[IG]|^MF[kY]|^MCo/.test(value)) return false;
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) && /[0-9]/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value);
}

/**
 * `[API_KEY_HEADER]: '...'` / `headers[TOKEN_HEADER] = "..."`: a computed key naming a header constant sets that
 * header's value, so the key is the header's name without `HEADER` (`API_KEY`); undefined for other keys.
 */
export function computedHeaderKey(key: string): string | undefined {
  const m = /^([A-Za-z][\w-]*?)[-_]?header(?:[-_]?name)?$/i.exec(key);
  return m?.[1];
}

/**
 * Whether text decoded from base64 is a JSON object with a member that is a secret by `isSecretMember` (a
 * structured token: Seqera's `{"tid":…,"secret":"…"}`); a JWT's header (`{"alg":…,"typ":"JWT"}`) or a config holds none.
 */
export function jsonHoldsSecret(decoded: string, isSecretMember: (key: string, value: string) => boolean): boolean {
  if (!decoded.startsWith('{') || !decoded.endsWith('}')) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch {
    return false;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
  return Object.entries(parsed as Record<string, unknown>).some(([k, v]) => typeof v === 'string' && isSecretMember(k, v));
}
