import * as crypto from 'node:crypto';
import { promisify } from 'node:util';
import nacl from 'tweetnacl';
import { SigningError } from './errors';
import { decodePem, encodePem } from './pem';
import { isJsonObject, parseStrictJson, type JsonValue } from './strict-json';

// cosign's key files, byte-compatible so one key pair works with cosign, skopeo and Bulwark. The private
// key is the PKCS#8 DER of an ECDSA P-256 key sealed with nacl/secretbox (XSalsa20-Poly1305) under a key
// stretched by scrypt — go-tuf's "encrypted" format, which cosign wraps in PEM. node:crypto has scrypt but
// no XSalsa20, hence tweetnacl.

/** skopeo 1.9 reads only this label; cosign 2.x writes the SIGSTORE one and reads both. */
export const COSIGN_PRIVATE_KEY_LABEL = 'ENCRYPTED COSIGN PRIVATE KEY';
export const SIGSTORE_PRIVATE_KEY_LABEL = 'ENCRYPTED SIGSTORE PRIVATE KEY';
export const PUBLIC_KEY_LABEL = 'PUBLIC KEY';

/** cosign's (and go-tuf's) parameters; anything we write uses exactly these. */
export const SCRYPT_PARAMS = { N: 32768, r: 8, p: 1 } as const;
const SALT_BYTES = 32;
const KEY_BYTES = 32;
/** Upper bounds for parameters read from a file, so a hostile key file cannot ask for gigabytes. */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

export interface CosignKeyPair {
  /** PEM `ENCRYPTED COSIGN PRIVATE KEY`, to be written with mode 0600. */
  readonly privateKeyPem: string;
  /** PEM `PUBLIC KEY` (SPKI). */
  readonly publicKeyPem: string;
}

export async function generateCosignKeyPair(password: string): Promise<CosignKeyPair> {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return {
    privateKeyPem: await encryptPrivateKey(der, password),
    publicKeyPem: encodePem(PUBLIC_KEY_LABEL, publicKey.export({ format: 'der', type: 'spki' })),
  };
}

/** Seals a PKCS#8 DER private key as cosign does. `salt` and `nonce` are fresh random bytes unless given. */
export async function encryptPrivateKey(
  pkcs8Der: Buffer,
  password: string,
  salt: Buffer = crypto.randomBytes(SALT_BYTES),
  nonce: Buffer = crypto.randomBytes(nacl.secretbox.nonceLength),
): Promise<string> {
  const key = await scrypt(password, salt, KEY_BYTES, scryptOptions(SCRYPT_PARAMS));
  const sealed = nacl.secretbox(pkcs8Der, nonce, key);
  // Field order is go-tuf's struct order; cosign does not care, but byte-for-byte parity is cheap.
  const envelope = {
    kdf: { name: 'scrypt', params: { N: SCRYPT_PARAMS.N, r: SCRYPT_PARAMS.r, p: SCRYPT_PARAMS.p }, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: nonce.toString('base64') },
    ciphertext: Buffer.from(sealed).toString('base64'),
  };
  return encodePem(COSIGN_PRIVATE_KEY_LABEL, Buffer.from(JSON.stringify(envelope), 'utf8'));
}

/** Opens an encrypted cosign/sigstore private key. Throws SigningError 'bad-key' or 'wrong-password'. */
export async function decryptPrivateKey(pemText: string, password: string): Promise<crypto.KeyObject> {
  const block = decodePem(pemText);
  if (block === undefined) throw new SigningError('bad-key', 'the private key file holds no PEM block');
  if (block.label !== COSIGN_PRIVATE_KEY_LABEL && block.label !== SIGSTORE_PRIVATE_KEY_LABEL) {
    throw new SigningError('bad-key', `the private key is a PEM "${block.label}", expected "${COSIGN_PRIVATE_KEY_LABEL}" (as written by "bulwark policy keygen" or "cosign generate-key-pair")`);
  }
  const envelope = readEnvelope(block.bytes);
  const key = await scrypt(password, envelope.salt, KEY_BYTES, scryptOptions(envelope.params));
  const opened = nacl.secretbox.open(envelope.ciphertext, envelope.nonce, key);
  if (opened === null) throw new SigningError('wrong-password', 'wrong password for the private key (it does not decrypt)');
  return toSigningKey(Buffer.from(opened));
}

/** Reads a PEM `PUBLIC KEY` (SPKI) that must be ECDSA P-256. Throws SigningError 'bad-key'. */
export function parsePublicKey(pemText: string): crypto.KeyObject {
  const block = decodePem(pemText);
  if (block === undefined) throw new SigningError('bad-key', 'the public key file holds no PEM block');
  if (block.label !== PUBLIC_KEY_LABEL) {
    throw new SigningError('bad-key', `the public key is a PEM "${block.label}", expected "${PUBLIC_KEY_LABEL}" (the .pub file, not the private key)`);
  }
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey({ key: block.bytes, format: 'der', type: 'spki' });
  } catch {
    throw new SigningError('bad-key', 'the public key is not a valid SPKI key');
  }
  requireP256(key, 'public');
  return key;
}

export function publicKeyPem(key: crypto.KeyObject): string {
  const pub = key.type === 'private' ? crypto.createPublicKey(key) : key;
  return encodePem(PUBLIC_KEY_LABEL, pub.export({ format: 'der', type: 'spki' }));
}

interface Envelope {
  readonly params: { N: number; r: number; p: number };
  readonly salt: Buffer;
  readonly nonce: Buffer;
  readonly ciphertext: Buffer;
}

function readEnvelope(bytes: Buffer): Envelope {
  const bad = (why: string): never => {
    throw new SigningError('bad-key', `the encrypted private key is malformed: ${why}`);
  };
  let doc: JsonValue;
  try {
    doc = parseStrictJson(bytes.toString('utf8'));
  } catch (err) {
    return bad((err as Error).message);
  }
  if (!isJsonObject(doc) || !isJsonObject(doc.kdf) || !isJsonObject(doc.cipher)) return bad('expected "kdf" and "cipher" objects');
  if (doc.kdf.name !== 'scrypt') return bad(`unsupported KDF ${JSON.stringify(doc.kdf.name)} (expected "scrypt")`);
  if (doc.cipher.name !== 'nacl/secretbox') return bad(`unsupported cipher ${JSON.stringify(doc.cipher.name)} (expected "nacl/secretbox")`);
  const params = doc.kdf.params;
  if (!isJsonObject(params)) return bad('no scrypt parameters');
  const [N, r, p] = [params.N, params.r, params.p];
  const isPowerOfTwo = typeof N === 'number' && Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || !isSmallInt(r) || !isSmallInt(p) || 128 * N * r > MAX_SCRYPT_MEMORY) {
    return bad(`scrypt parameters out of range (N=${JSON.stringify(N)}, r=${JSON.stringify(r)}, p=${JSON.stringify(p)})`);
  }
  const salt = base64Field(doc.kdf.salt);
  const nonce = base64Field(doc.cipher.nonce);
  const ciphertext = base64Field(doc.ciphertext);
  if (salt === undefined || salt.length === 0) return bad('missing salt');
  if (nonce === undefined || nonce.length !== nacl.secretbox.nonceLength) return bad('the nonce must be 24 bytes');
  if (ciphertext === undefined || ciphertext.length <= nacl.secretbox.overheadLength) return bad('missing ciphertext');
  return { params: { N, r, p }, salt, nonce, ciphertext };
}

function toSigningKey(pkcs8Der: Buffer): crypto.KeyObject {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey({ key: pkcs8Der, format: 'der', type: 'pkcs8' });
  } catch {
    throw new SigningError('bad-key', 'the decrypted private key is not a PKCS#8 key');
  }
  requireP256(key, 'private');
  return key;
}

function requireP256(key: crypto.KeyObject, kind: string): void {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    throw new SigningError('bad-key', `the ${kind} key is ${key.asymmetricKeyType ?? 'unknown'}${curve ? ` ${curve}` : ''}; Bulwark signs and verifies with ECDSA P-256 keys only`);
  }
}

function scryptOptions(params: { N: number; r: number; p: number }): crypto.ScryptOptions {
  return { N: params.N, r: params.r, p: params.p, maxmem: 2 * 128 * params.N * params.r + 1024 * 1024 };
}

function isSmallInt(value: JsonValue | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 64;
}

function base64Field(value: JsonValue | undefined): Buffer | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
  return Buffer.from(value, 'base64');
}
