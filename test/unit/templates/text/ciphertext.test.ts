import * as assert from 'node:assert/strict';
import { isCiphertext, isPgpMessageBase64 } from '../../../../server/src/engine/templates/text/ciphertext';

// Bytes built here rather than copied: an OpenPGP packet header, then filler (random-looking, not a real message).
const filler = (n: number): number[] => Array.from({ length: n }, (_, i) => (i * 73 + 41) % 256);
const base64 = (bytes: readonly number[]): string => Buffer.from(bytes).toString('base64');

describe('ciphertext envelopes', () => {
  it('a public-key encrypted session key packet, new format with a two-octet length (Renovate, gpg --encrypt)', () => {
    assert.equal(isPgpMessageBase64(base64([0xc1, 0xc1, 0x4c, 0x03, ...filler(120)])), true);
  });
  it('a passphrase-encrypted session key packet, old format', () => {
    assert.equal(isPgpMessageBase64(base64([0x8c, 0x0d, 0x04, ...filler(120)])), true);
  });
  it('random base64 whose first packet is not a session key (wrong version, wrong tag) is not a message', () => {
    assert.equal(isPgpMessageBase64(base64([0xc1, 0xc1, 0x4c, 0x01, ...filler(120)])), false);
    assert.equal(isPgpMessageBase64(base64([0xc2, 0x30, 0x03, ...filler(120)])), false);
  });
  it('too short to hold a session key and a message', () => {
    assert.equal(isPgpMessageBase64(base64([0xc1, 0xc1, 0x4c, 0x03, ...filler(20)])), false);
  });
  const envelopes = ['encrypted:BKrQ4pX9mZ2vN7wL1sT8yC3hF6jA0gE5uR', 'vault:v1:8SDd3WHDOjf7mq69CyCqYjBXAiQQAVZRkFM13ok481zoCmHnSeDX9vyf7w==', 'ENC[AES256_GCM,data:Tr7k,iv:x,tag:y,type:str]', 'ENC(pyGO5OZPx19zRRb6fu44l45Hq5oE)', '{cipher}f7789574b8f21ac2b9368f43', '$ANSIBLE_VAULT;1.1;AES256'];
  for (const value of envelopes) it(`${value.slice(0, 16)}… is ciphertext`, () => assert.equal(isCiphertext(value), true));
  const secrets = ['encrypted:short', 'Xk9encrypted:Wq4mZ7pL2vR8sT1yC3hF6jA', 'vault:v1:', 'hQ7mKx9Tf4bLc8NvY3pHs6Dj1Ge5aWq2'];
  for (const value of secrets) it(`${value} is not`, () => assert.equal(isCiphertext(value), false));
});
