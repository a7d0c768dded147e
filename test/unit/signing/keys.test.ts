import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import nacl from 'tweetnacl';
import {
  COSIGN_PRIVATE_KEY_LABEL,
  SigningError,
  decryptPrivateKey,
  encryptPrivateKey,
  generateCosignKeyPair,
  parsePublicKey,
  publicKeyPem,
  signPayload,
  verifyPayload,
} from '../../../server/src/node/signing';
import { decodePem, encodePem } from '../../../server/src/node/signing/pem';

// cosign's encrypted key format: the envelope is checked field by field and in order, and decryption is
// cross-checked against scrypt + secretbox computed here from the envelope's own salt and nonce.

const PASSWORD = 'correct horse battery staple';

async function rejects(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof SigningError, `expected SigningError, got ${String(err)}`);
    assert.equal(err.code, code);
    assert.match(err.message, message);
    assert.doesNotMatch(err.message, /\n\s+at /);
    return true;
  });
}

describe('signing: cosign key files', function () {
  this.timeout(30_000);

  it('writes PEM blocks with cosign labels, 64-character lines and the go-tuf envelope in field order', async () => {
    const pair = await generateCosignKeyPair(PASSWORD);
    const lines = pair.privateKeyPem.trimEnd().split('\n');
    assert.equal(lines[0], `-----BEGIN ${COSIGN_PRIVATE_KEY_LABEL}-----`);
    assert.equal(lines.at(-1), `-----END ${COSIGN_PRIVATE_KEY_LABEL}-----`);
    const body = lines.slice(1, -1);
    assert.ok(body.slice(0, -1).every((l) => l.length === 64));
    assert.ok(body.at(-1)!.length > 0 && body.at(-1)!.length <= 64);
    assert.match(pair.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n(?:.{64}\n)*.{1,64}\n-----END PUBLIC KEY-----\n$/);

    const json = decodePem(pair.privateKeyPem)!.bytes.toString('utf8');
    assert.match(
      json,
      /^\{"kdf":\{"name":"scrypt","params":\{"N":32768,"r":8,"p":1\},"salt":"[A-Za-z0-9+/]{43}="\},"cipher":\{"name":"nacl\/secretbox","nonce":"[A-Za-z0-9+/]{32}"\},"ciphertext":"[A-Za-z0-9+/]+=*"\}$/,
    );
    // Open it independently of decryptPrivateKey: scrypt from the envelope, then secretbox.open.
    const env = JSON.parse(json) as { kdf: { salt: string }; cipher: { nonce: string }; ciphertext: string };
    const key = crypto.scryptSync(PASSWORD, Buffer.from(env.kdf.salt, 'base64'), 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const der = nacl.secretbox.open(Buffer.from(env.ciphertext, 'base64'), Buffer.from(env.cipher.nonce, 'base64'), key);
    assert.ok(der !== null, 'secretbox opens with the scrypt key');
    const priv = crypto.createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
    assert.equal(priv.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.equal(publicKeyPem(priv), pair.publicKeyPem);
  });

  it('round-trips: the decrypted key signs what the public key verifies', async () => {
    const pair = await generateCosignKeyPair(PASSWORD);
    const priv = await decryptPrivateKey(pair.privateKeyPem, PASSWORD);
    const pub = parsePublicKey(pair.publicKeyPem);
    const payload = Buffer.from('{"x":1}');
    const sig = signPayload(payload, priv);
    assert.equal(sig[0], 0x30, 'ASN.1 DER SEQUENCE');
    assert.equal(verifyPayload(payload, sig, pub), true);
    assert.equal(verifyPayload(Buffer.from('{"x":2}'), sig, pub), false);
    const other = parsePublicKey((await generateCosignKeyPair(PASSWORD)).publicKeyPem);
    assert.equal(verifyPayload(payload, sig, other), false);
  });

  it('reads the ENCRYPTED SIGSTORE PRIVATE KEY label that cosign 2.x writes', async () => {
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const pem = await encryptPrivateKey(privateKey.export({ format: 'der', type: 'pkcs8' }), PASSWORD);
    const sigstore = pem.replaceAll(COSIGN_PRIVATE_KEY_LABEL, 'ENCRYPTED SIGSTORE PRIVATE KEY');
    const opened = await decryptPrivateKey(sigstore, PASSWORD);
    assert.equal(publicKeyPem(opened), publicKeyPem(privateKey));
  });

  it('says "wrong password" for a wrong password, without a stack trace', async () => {
    const pair = await generateCosignKeyPair(PASSWORD);
    await rejects(decryptPrivateKey(pair.privateKeyPem, 'not it'), 'wrong-password', /wrong password/);
  });

  it('refuses other PEM labels, malformed envelopes, hostile scrypt parameters and non-P-256 keys', async () => {
    const pair = await generateCosignKeyPair(PASSWORD);
    await rejects(decryptPrivateKey(pair.publicKeyPem, PASSWORD), 'bad-key', /PEM "PUBLIC KEY", expected "ENCRYPTED COSIGN PRIVATE KEY"/);
    await rejects(decryptPrivateKey('not a key', PASSWORD), 'bad-key', /no PEM block/);
    const envelope = JSON.parse(decodePem(pair.privateKeyPem)!.bytes.toString('utf8')) as { kdf: Record<string, unknown>; cipher: Record<string, unknown> };
    const rewrap = (doc: unknown): string => encodePem(COSIGN_PRIVATE_KEY_LABEL, Buffer.from(JSON.stringify(doc)));
    await rejects(decryptPrivateKey(rewrap({ ...envelope, kdf: { ...envelope.kdf, name: 'pbkdf2' } }), PASSWORD), 'bad-key', /unsupported KDF "pbkdf2"/);
    await rejects(decryptPrivateKey(rewrap({ ...envelope, cipher: { ...envelope.cipher, name: 'aes' } }), PASSWORD), 'bad-key', /unsupported cipher "aes"/);
    await rejects(decryptPrivateKey(rewrap({ ...envelope, kdf: { ...envelope.kdf, params: { N: 1 << 24, r: 8, p: 1 } } }), PASSWORD), 'bad-key', /scrypt parameters out of range/);
    await rejects(decryptPrivateKey(rewrap({ ...envelope, cipher: { ...envelope.cipher, nonce: 'AAAA' } }), PASSWORD), 'bad-key', /nonce must be 24 bytes/);
    const dup = decodePem(pair.privateKeyPem)!.bytes.toString('utf8').replace('{"kdf"', '{"ciphertext":"AAAA","kdf"');
    await rejects(decryptPrivateKey(encodePem(COSIGN_PRIVATE_KEY_LABEL, Buffer.from(dup)), PASSWORD), 'bad-key', /duplicate key "ciphertext"/);

    const ed = crypto.generateKeyPairSync('ed25519');
    await rejects(decryptPrivateKey(await encryptPrivateKey(ed.privateKey.export({ format: 'der', type: 'pkcs8' }), PASSWORD), PASSWORD), 'bad-key', /ed25519; Bulwark signs and verifies with ECDSA P-256 keys only/);
    const p384 = crypto.generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    assert.throws(() => parsePublicKey(encodePem('PUBLIC KEY', p384.publicKey.export({ format: 'der', type: 'spki' }))), /ec secp384r1; Bulwark signs/);
    assert.throws(() => parsePublicKey(pair.privateKeyPem), /expected "PUBLIC KEY" \(the .pub file, not the private key\)/);
  });
});
