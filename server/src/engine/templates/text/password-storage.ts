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
