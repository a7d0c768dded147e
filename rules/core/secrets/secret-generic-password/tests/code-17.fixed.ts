import { createCipheriv, randomBytes } from 'node:crypto';

// Batch 17 (learn17-code): a cipher's key through `Buffer.from(…, 'hex')` (a hex key's own entropy floor).
export function seal(plain: string): Buffer {
  const iv = randomBytes(12);
  // expect: secret-generic-password@61-125
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(process.env.ENCRYPTION_KEY, 'hex'), iv);
  return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
}

// A zero key is a stand-in.
// expect-not: secret-generic-password
export const blank = createCipheriv('aes-128-gcm', Buffer.from('00000000000000000000000000000000', 'hex'), randomBytes(12));
