import * as crypto from 'node:crypto';

// ECDSA P-256 over SHA-256 of the payload, ASN.1 DER signatures: what cosign and containers/image produce
// and accept for key-based signatures.

export function signPayload(payload: Buffer, privateKey: crypto.KeyObject): Buffer {
  return crypto.sign('sha256', payload, { key: privateKey, dsaEncoding: 'der' });
}

/** True when `signature` (DER) is a valid signature of `payload` under `publicKey`. Never throws. */
export function verifyPayload(payload: Buffer, signature: Buffer, publicKey: crypto.KeyObject): boolean {
  try {
    return crypto.verify('sha256', payload, { key: publicKey, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

/** The annotation value is standard base64; anything else is not a signature (Buffer.from would skip junk). */
export function decodeSignatureAnnotation(value: string): Buffer | undefined {
  if (value.length === 0 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  return Buffer.from(value, 'base64');
}
