import * as assert from 'node:assert/strict';
import * as zlib from 'node:zlib';
import { base62, basicAuthPassword, crc32, decodeBase64, isSignedJwt, validCrc32Base62 } from '../../../../server/src/engine/templates/text/secret-validators';

// The engine's own CRC-32 and base64 (no Buffer in the engine) checked against Node's.

describe('secret validators', () => {
  it('computes CRC-32 as zlib does', () => {
    for (const text of ['', 'a', 'Zq7R2mKx9TfW4bLc8NvY3pHs6Dj1Ge', 'The quick brown fox']) {
      assert.equal(crc32(text), zlib.crc32(text), text);
    }
  });

  it('verifies the base62 CRC-32 that npm and GitHub tokens end with', () => {
    const random = 'Zq7R2mKx9TfW4bLc8NvY3pHs6Dj1Ge';
    const token = `npm_${random}${base62(zlib.crc32(random), 6)}`;
    assert.equal(token.length, 40);
    assert.ok(validCrc32Base62(token));
    assert.ok(validCrc32Base62(`ghp_${random}${base62(zlib.crc32(random), 6)}`), 'GitHub uses the same scheme');
    assert.ok(!validCrc32Base62(`npm_${random}FAKE00`));
    assert.ok(!validCrc32Base62('npm_short'));
  });

  it('decodes base64 and base64url like Buffer, and refuses what is not base64', () => {
    for (const text of ['user:pass word', '{"alg":"HS256"}', 'é~?>']) {
      assert.equal(decodeBase64(Buffer.from(text, 'latin1').toString('base64')), text);
      assert.equal(decodeBase64(Buffer.from(text, 'latin1').toString('base64url')), text);
    }
    assert.equal(decodeBase64('not base64!'), undefined);
    assert.equal(decodeBase64('abcde'), undefined, 'a length of 4n+1 is never valid');
  });

  it('accepts a signed JWT whose header and payload are JSON objects', () => {
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const signature = 'Zq7R2mKx9TfW4bLc8NvY3pHs6Dj1Ge5a';
    assert.ok(isSignedJwt(`${part({ alg: 'RS256', kid: 'k1' })}.${part({ sub: 'svc' })}.${signature}`));
    assert.ok(!isSignedJwt(`${part({ alg: 'none' })}.${part({ sub: 'svc' })}.${signature}`), 'alg none');
    assert.ok(!isSignedJwt(`${part({ alg: 'HS256' })}.${part({ sub: 'svc' })}.`), 'no signature');
    assert.ok(!isSignedJwt(`${part({ typ: 'JWT' })}.${part({ sub: 'svc' })}.${signature}`), 'no algorithm');
    assert.ok(!isSignedJwt(`${part([1, 2])}.${part({ sub: 'svc' })}.${signature}`), 'header is not an object');
    assert.ok(!isSignedJwt(`${part({ alg: 'HS256' })}.${Buffer.from('plain').toString('base64url')}.${signature}`), 'payload is not JSON');
  });

  it('finds the password of a base64 user:password pair, unless it is missing, a stand-in or the user name', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    assert.equal(basicAuthPassword(b64('deploy:R4vL8qZt2Xm7')), 'R4vL8qZt2Xm7');
    assert.equal(basicAuthPassword(b64('deploy:')), undefined);
    assert.equal(basicAuthPassword(b64('deploy')), undefined);
    assert.equal(basicAuthPassword(b64('admin:admin')), undefined);
    assert.equal(basicAuthPassword(b64('user:${PASSWORD}')), undefined);
    assert.equal(basicAuthPassword(b64('user:password')), undefined);
    assert.equal(basicAuthPassword(Buffer.from([0x80, 0x3a, 0x81, 0x82]).toString('base64')), undefined, 'binary is not text');
  });
});
