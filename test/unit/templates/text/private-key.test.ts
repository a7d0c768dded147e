import * as assert from 'node:assert/strict';
import { readKeyBlock } from '../../../../server/src/engine/templates/text/pem-block';
import { privateKey } from '../../../../server/src/engine/templates/text/private-key';
import { runTemplate } from './run-template';

// Bodies are base64 of text that says what they are; none is a real key.
const BODY = Buffer.from('FAKE KEY FOR BULWARK UNIT TESTS ONLY - NOT A REAL KEY - '.repeat(4)).toString('base64');
const LINES = BODY.match(/.{1,64}/g) ?? [];
const pem = (label: string, eol = '\n', headers: string[] = []) =>
  [`-----BEGIN ${label}-----`, ...headers, ...(headers.length ? [''] : []), ...LINES, `-----END ${label}-----`].join(eol);

function openSsh(cipher: string): string {
  const field = (s: string) => String.fromCharCode(0, 0, 0, s.length) + s;
  const binary = 'openssh-key-v1\u0000' + field(cipher) + field(cipher === 'none' ? 'none' : 'bcrypt') + 'FAKE KEY FOR TESTS '.repeat(6);
  const lines = Buffer.from(binary, 'latin1').toString('base64').match(/.{1,70}/g) ?? [];
  return ['-----BEGIN OPENSSH PRIVATE KEY-----', ...lines, '-----END OPENSSH PRIVATE KEY-----'].join('\n');
}

describe('text-private-key', () => {
  describe('readKeyBlock', () => {
    it('spans BEGIN to END and names the key type', () => {
      const text = `key:\n${pem('RSA PRIVATE KEY')}\nafter`;
      const block = readKeyBlock(text, text.indexOf('-----BEGIN'));
      assert.ok(block);
      assert.equal(text.slice(block.span.start, block.span.end), pem('RSA PRIVATE KEY'));
      assert.deepEqual([block.kind, block.encrypted, block.base64Length, block.placeholder], ['RSA', false, BODY.length, false]);
    });

    it('reads CRLF files, YAML indentation and JSON strings with \\n escapes', () => {
      const variants = [pem('EC PRIVATE KEY', '\r\n'), pem('EC PRIVATE KEY', '\n    '), `"${pem('EC PRIVATE KEY', '\\n')}\\n"`];
      for (const text of variants) assert.equal(readKeyBlock(text, text.indexOf('-----BEGIN'))?.base64Length, BODY.length, text.slice(0, 40));
    });

    it('tells encrypted keys apart', () => {
      const cases: [string, boolean, string][] = [
        [pem('ENCRYPTED PRIVATE KEY'), true, 'PKCS#8'],
        [pem('PRIVATE KEY'), false, 'PKCS#8'],
        [pem('RSA PRIVATE KEY', '\n', ['Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,FAKE']), true, 'RSA'],
        [openSsh('aes256-ctr'), true, 'OpenSSH'],
        [openSsh('none'), false, 'OpenSSH'],
        [pem('PGP PRIVATE KEY BLOCK', '\n', ['Comment: test']), false, 'PGP'],
      ];
      for (const [text, encrypted, kind] of cases) {
        const block = readKeyBlock(text, 0);
        assert.deepEqual([block?.encrypted, block?.kind], [encrypted, kind], text.split('\n')[0]);
      }
    });

    it('ignores blocks with no END, an END after another BEGIN, or a body that is not base64', () => {
      assert.equal(readKeyBlock(pem('RSA PRIVATE KEY').replace(/-----END[^]*/, ''), 0), undefined);
      const nested = `-----BEGIN RSA PRIVATE KEY-----\n${pem('RSA PRIVATE KEY')}`;
      assert.equal(readKeyBlock(nested, 0), undefined);
      assert.equal(readKeyBlock('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----', 0), undefined);
      assert.equal(readKeyBlock('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----', 0), undefined);
    });

    it('marks bodies of a few repeated characters as placeholders', () => {
      const text = `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n${'x'.repeat(64)}\n-----END PRIVATE KEY-----`;
      assert.equal(readKeyBlock(text, 0)?.placeholder, true);
    });
  });

  it('reports one rule per kind of key, and never echoes key material', () => {
    const text = [pem('RSA PRIVATE KEY'), pem('ENCRYPTED PRIVATE KEY'), openSsh('none')].join('\n\n');
    const clear = runTemplate(privateKey, { encrypted: 'exclude' }, 'keys.txt', text);
    const encrypted = runTemplate(privateKey, { encrypted: 'only' }, 'keys.txt', text);
    assert.deepEqual(clear.reports.map((r) => r.data?.kind), ['RSA', 'OpenSSH']);
    assert.deepEqual(encrypted.reports.map((r) => r.data?.kind), ['PKCS#8']);
    for (const r of [...clear.reports, ...encrypted.reports]) assert.doesNotMatch(JSON.stringify(r.data), /[A-Za-z0-9+/]{16}/);
  });

  it('skips short bodies below minBodyLength', () => {
    const text = pem('RSA PRIVATE KEY');
    assert.equal(runTemplate(privateKey, { encrypted: 'exclude', minBodyLength: BODY.length + 1 }, 'k.pem', text).reports.length, 0);
  });
});
