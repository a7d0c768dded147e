import type { Assignment } from './assignment-scan';

// Password stores that say how each password is kept with a `{id}` prefix (Spring Security's
// DelegatingPasswordEncoder, Dovecot and OpenLDAP schemes): `{bcrypt}$2b$…` is a hash, but `{noop}…`,
// `{plain}…` and `{cleartext}…` keep the password itself, in plain text after the prefix.

const PLAINTEXT_ID = /^\{(?:noop|plain|cleartext|clear)\}(?=\S)/i;

/** The assignment read past a plaintext storage id (`password="{noop}…"`): the password after it. */
export function withoutPlaintextStorageId(a: Assignment): Assignment {
  const m = PLAINTEXT_ID.exec(a.value);
  if (!m) return a;
  const start = a.valueSpan.start + m[0].length;
  return { ...a, value: a.value.slice(m[0].length), valueSpan: { start, end: a.valueSpan.end }, embedded: true };
}

/**
 * A password hash in a self-describing format: a PHC string or modular crypt (`$argon2id$v=19$m=…$salt$hash`,
 * `$2b$12$…`, `$6$rounds=…$salt$hash`), also behind the scheme word or id its store adds (Jupyter's `argon2:`,
 * Django's `argon2$` and `bcrypt_sha256$`, Spring's `{bcrypt}`). What a login compares with, not what it sends.
 */
const CRYPT_HASH = /^(?:\{[A-Za-z0-9_-]{2,32}\}|[a-z][a-z0-9_-]{1,31}[:$])?\$[a-z0-9-]{1,32}\$(?:[^\s$]+\$){1,4}[A-Za-z0-9+/.=_-]{16,}$/;
/** Django's `algorithm$iterations$salt$hash` (`pbkdf2_sha256$870000$…$…`) and Jupyter's legacy `sha1:salt:hash`. */
const ITERATED_HASH = /^[a-z][a-z0-9_]{2,31}\$\d{3,8}\$[A-Za-z0-9+/.=]{8,}\$[A-Za-z0-9+/.=]{16,}$|^sha(?:1|256|512):[0-9a-f]{8,}:[0-9a-f]{40,128}$/;

export function isPasswordHash(value: string): boolean {
  return value.includes('$') ? CRYPT_HASH.test(value) || ITERATED_HASH.test(value) : value.startsWith('sha') && ITERATED_HASH.test(value);
}
