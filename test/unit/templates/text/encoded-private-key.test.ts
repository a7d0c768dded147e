import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { encodedPrivateKey } from '../../../../server/src/engine/templates/text/encoded-private-key';
import { runTemplate } from './run-template';

// Private keys encoded once in base64 (LS0tLS1CRUdJTi…): found in any file, reported on the encoded run,
// never quoted in the message.

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ENCODED = Buffer.from(PEM).toString('base64');
const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('text-encoded-private-key', () => {
  it('finds a kubeconfig client-key-data, a JSON string and a .env value, on the encoded run', () => {
    for (const [file, text] of [
      ['kubeconfig', `users:\n- user:\n    client-key-data: ${ENCODED}\n`],
      ['values.json', `{"tls": {"key": "${ENCODED}"}}`],
      ['.env', `TLS_KEY=${ENCODED}\n`],
    ]) {
      const run = runTemplate(encodedPrivateKey, {}, file, text);
      // Compared as booleans so a failure never prints the key.
      assert.deepEqual(run.spanned.map((t) => t === ENCODED), [true], file);
      assert.equal(run.reports[0].data?.kind, 'PKCS#8');
      assert.ok(!JSON.stringify(run.reports[0].data).includes(ENCODED.slice(0, 20)));
    }
  });

  it('stays quiet on certificates, elided keys, encrypted keys and a match inside a longer base64 run', () => {
    const cert = b64('-----BEGIN CERTIFICATE-----\nMIIBkTCB+wIJAKHBfpegPjMCMA0GCSqGSIb3DQEBCwUAMBExDzANBgNVBAMMBmJp\n-----END CERTIFICATE-----\n');
    const elided = b64('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n');
    const encrypted = b64(PEM.replace(/PRIVATE KEY/g, 'ENCRYPTED PRIVATE KEY'));
    for (const value of [cert, elided, encrypted, `QUJD${ENCODED}`]) {
      assert.deepEqual(runTemplate(encodedPrivateKey, {}, 'a.yaml', `key: ${value}\n`).spanned, [], value.slice(0, 24));
    }
  });
});
