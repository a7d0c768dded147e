import { createHash } from 'node:crypto';

// Content digests: what we compute is sha256; what we verify may be any algorithm a reference allows.

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The digest of `bytes` in the algorithm of `expected` (sha256, sha384 or sha512), to compare with it. */
export function digestLike(expected: string, bytes: Buffer): string {
  const algorithm = expected.slice(0, expected.indexOf(':'));
  if (algorithm !== 'sha256' && algorithm !== 'sha384' && algorithm !== 'sha512') return sha256Digest(bytes);
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

