// Public key material written as base64 DER: a SubjectPublicKeyInfo (an RSA, EC or Ed25519 public key, as
// Google Play's licence key, Unreal's and many SDKs' verification keys are given) or an X.509 certificate.
// Whoever has it may verify, never sign or decrypt, so it is no secret whatever its name says
// (`GooglePlayLicenseKey`, `LICENSE_KEY`). Judged by the DER structure, not by a known prefix, so any
// algorithm and key size counts and random base64 does not.

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** A public key's DER is never shorter (Ed25519: 44 base64 characters). */
const MIN_LENGTH = 40;
/** The head read for the structure: the outer header, the first element's header and the algorithm's. */
const HEAD_CHARS = 64;

/**
 * Whether `value` is base64 of a DER SubjectPublicKeyInfo (SEQUENCE { SEQUENCE { OID … }, BIT STRING }) or of
 * an X.509 certificate (SEQUENCE { SEQUENCE { [0] version … } … }) whose outer length is the whole value's.
 */
export function isPublicKeyDer(value: string): boolean {
  if (value.length < MIN_LENGTH || value.charCodeAt(0) !== 77 /* M */ || !BASE64.test(value)) return false;
  const head = decodedHead(value.slice(0, HEAD_CHARS));
  if (head === undefined || head[0] !== 0x30) return false;
  const outer = lengthAt(head, 1);
  if (outer === undefined || outer.start + outer.length !== decodedLength(value)) return false;
  const first = outer.start;
  if (head[first] !== 0x30) return false;
  const inner = lengthAt(head, first + 1);
  if (inner === undefined) return false;
  // A certificate: the TBSCertificate opens with its explicit version `[0] { INTEGER }`.
  if (head[inner.start] === 0xa0 && head[inner.start + 1] === 0x03 && head[inner.start + 2] === 0x02) return true;
  // A SubjectPublicKeyInfo: the AlgorithmIdentifier opens with an OID, and a BIT STRING follows it.
  return head[inner.start] === 0x06 && head[inner.start + inner.length] === 0x03;
}

/** A DER length at `at`: its value and where the content starts; undefined past the head or over 3 bytes. */
function lengthAt(bytes: readonly number[], at: number): { length: number; start: number } | undefined {
  const first = bytes[at];
  if (first === undefined) return undefined;
  if (first < 0x80) return { length: first, start: at + 1 };
  const count = first & 0x7f;
  if (count === 0 || count > 3 || at + count >= bytes.length) return undefined;
  let length = 0;
  for (let i = 1; i <= count; i++) length = length * 256 + bytes[at + i];
  return { length, start: at + 1 + count };
}

function decodedHead(chars: string): number[] | undefined {
  let text: string;
  try {
    text = atob(chars.slice(0, chars.length - (chars.length % 4)));
  } catch {
    return undefined;
  }
  return Array.from(text, (c) => c.charCodeAt(0));
}

function decodedLength(value: string): number {
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return Math.floor((value.length * 3) / 4) - padding;
}
