// Values that are ciphertext in a tool's envelope: committed on purpose, and useless without a key kept
// elsewhere (the finding, if any, belongs to that key). Whole-value shapes only, so a password that merely
// contains `encrypted:` is still one.

/**
 * An encryption tool's own marker before the ciphertext: dotenvx `encrypted:…`, Vault transit
 * `vault:v1:…`, SOPS `ENC[AES256_GCM,data:…]`, Jasypt `ENC(…)`, Spring Cloud Config `{cipher}…`, Ansible
 * Vault `$ANSIBLE_VAULT;1.1;AES256`, a Windows DPAPI blob in base64 (`AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA`: version 1
 * and DPAPI's provider GUID, as Web Deploy's `.pubxml.user` `<EncryptedPassword>` and PowerShell's
 * `ConvertFrom-SecureString` write it; it opens only on the machine and account that wrote it). The marker
 * must be followed by encoded bytes, not a word.
 */
const ENVELOPE = /^(?:AQAAANCMnd8BFdERjHoAwE\/Cl\+sBAAAA[A-Za-z0-9+/]{16,}={0,2}$|encrypted:[A-Za-z0-9+/=_-]{24,}|vault:v\d+:[A-Za-z0-9+/=]{24,}|ENC\[[A-Z0-9_]+,data:|ENC\([A-Za-z0-9+/=]{16,}\)|\{cipher\}\S{16,}|\$ANSIBLE_VAULT;\d)/;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Shorter base64 holds no session key and a message: not worth decoding. */
const MIN_PGP_MESSAGE = 60;

/**
 * Base64 of an OpenPGP encrypted message (Renovate's `encrypted` values, `gpg --encrypt | base64`): its first
 * packet is a session key encrypted to a public key (tag 1, version 3 or 6) or to a passphrase (tag 3,
 * version 4 to 6), as RFC 9580 lays out, in the new or the old packet format.
 */
export function isPgpMessageBase64(value: string): boolean {
  if (value.length < MIN_PGP_MESSAGE || !BASE64.test(value)) return false;
  let head: string;
  try {
    head = atob(value.slice(0, 12));
  } catch {
    return false;
  }
  const b = (i: number): number => head.charCodeAt(i);
  let tag: number;
  let versionAt: number;
  if ((b(0) & 0xc0) === 0xc0) {
    tag = b(0) & 0x3f;
    versionAt = b(1) < 192 ? 2 : b(1) < 224 ? 3 : b(1) === 255 ? 6 : -1;
  } else if ((b(0) & 0xc0) === 0x80) {
    tag = (b(0) >> 2) & 0x0f;
    versionAt = [2, 3, 5, -1][b(0) & 3];
  } else return false;
  if (versionAt < 0 || versionAt >= head.length) return false;
  const version = b(versionAt);
  return (tag === 1 && (version === 3 || version === 6)) || (tag === 3 && version >= 4 && version <= 6);
}

/** True when the whole value is ciphertext in an encryption tool's envelope or an encoded OpenPGP message. */
export function isCiphertext(value: string): boolean {
  return ENVELOPE.test(value) || isPgpMessageBase64(value);
}
