import { looksLikePlaceholder } from './placeholders';
import { keyWords } from './secret-key-names';
import { trimEndOf } from '../../trim';

// Checks a detector's regex cannot make: a token's built-in checksum, a JWT's JSON header, the
// user:password inside a base64 Basic credential. Each is named in pack data (`checksum:`, `validate:`)
// and implemented here, so a pack chooses a check but never supplies code.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** CRC-32 (IEEE 802.3, the zlib one) of an ASCII string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i) & 0xff;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** `n` in base 62 (0-9A-Za-z), left-padded with zeros to `width`. */
export function base62(n: number, width: number): string {
  let out = '';
  for (let v = n; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62] + out;
  return out.padStart(width, '0');
}

/**
 * GitHub's and npm's token checksum: after the `prefix_`, 30 random base62 characters and then the
 * CRC-32 of those 30 characters in base 62, six characters wide.
 */
export function validCrc32Base62(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length < 7) return false;
  const random = body.slice(0, -6);
  return base62(crc32(random), 6) === body.slice(-6);
}

export const CHECKSUMS = { 'crc32-base62': validCrc32Base62 } as const;
export type ChecksumName = keyof typeof CHECKSUMS;

/** Decodes base64 or base64url to a latin1 string; undefined when it is not valid base64. */
export function decodeBase64(value: string): string | undefined {
  const normal = trimEndOf(value.replace(/-/g, '+').replace(/_/g, '/'), '=');
  if (normal.length > MAX_DECODED || !/^[A-Za-z0-9+/]*$/.test(normal) || normal.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of normal) {
    buffer = (buffer << 6) | BASE64_INDEX.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return String.fromCharCode(...bytes);
}

/** Longer values are not decoded: no credential this module checks comes near it. */
const MAX_DECODED = 16_384;

const BASE64_INDEX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A JWT whose header decodes to a JSON object naming a signing algorithm (not `none`) and that is signed. */
export function isSignedJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[2].length === 0) return false;
  const header = jsonObject(decodeBase64(parts[0]));
  const payload = jsonObject(decodeBase64(parts[1]));
  return header !== undefined && payload !== undefined && typeof header.alg === 'string' && header.alg.toLowerCase() !== 'none';
}

function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || !text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The password of a base64 `user:password` (HTTP Basic, .npmrc `_auth`, docker `auths.*.auth`), if real. */
export function basicAuthPassword(encoded: string): string | undefined {
  const decoded = decodeBase64(encoded);
  if (decoded === undefined || !/^[\x20-\x7e]+$/.test(decoded)) return undefined;
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return password.length > 0 && password !== user && !looksLikePlaceholder(password) ? password : undefined;
}

/** `user:password` in the clear: a user without blanks, `:`, `/` or `@`, then a password without blanks (not a URL's `//`). */
const USER_PASSWORD = /^[^\s:/@]{1,64}:(?!\/\/)(\S+)$/;

/**
 * Where the password starts in a value under a basic-auth name (`ADMIN_BASIC_AUTH=ops:…`, fastlane's
 * `git_basic_authorization: Base64.strict_encode64("user:…")`, a `basicAuth` setting), or a name that is an
 * authentication value itself (Node's `auth: "user:…"`, Elasticsearch's `http_auth`, Prefect's `auth_string`): the name
 * says the value is a `user:password` pair. Undefined for another name or a value of another shape (`true`, a URL).
 */
export function basicAuthPairPasswordStart(key: string, value: string): number | undefined {
  const words = keyWords(key);
  const last = words[words.length - 1];
  const before = words[words.length - 2];
  const basic =
    last === 'basicauth' ||
    (before === 'basic' && (last === 'auth' || last === 'authorization' || last === 'credentials')) ||
    (last === 'auth' && (words.length === 1 || before === 'http' || before === 'proxy')) ||
    (before === 'auth' && (last === 'string' || last === 'pair'));
  const m = basic ? USER_PASSWORD.exec(value) : null;
  return m ? value.length - m[1].length : undefined;
}

export const VALIDATORS = {
  jwt: isSignedJwt,
  'basic-auth': (value: string) => basicAuthPassword(value) !== undefined,
} as const;
export type ValidatorName = keyof typeof VALIDATORS;
