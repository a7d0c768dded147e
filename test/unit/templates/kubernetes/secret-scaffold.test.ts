import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { secretScaffoldFile } from '../../../../server/src/engine/templates/kubernetes/secret-scaffold';

// The Secret manifest offered beside the secretKeyRef suggestion: valid YAML with the derived name and
// keys and empty values, whatever names a hostile manifest uses.

describe('Secret manifest scaffold', () => {
  it('is a Secret with the name, namespace and keys, every value empty', () => {
    const file = secretScaffoldFile({ name: 'billing-secrets', namespace: 'payments', keys: ['db_password', 'api_token'], readBy: 'Deployment/billing', eol: '\n' });
    assert.equal(file.fileName, 'billing-secrets.secret.yaml');
    assert.equal(file.title, 'Create Secret manifest billing-secrets.secret.yaml (keys db_password, api_token; values left empty)');
    const [doc] = parseAllDocuments(file.text);
    assert.deepEqual(doc.toJS(), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'billing-secrets', namespace: 'payments' }, type: 'Opaque', stringData: { db_password: '', api_token: '' } });
  });

  it('keeps hostile names as data: quoted scalars, one-line comments, a plain file name', () => {
    const name = 'x\n# injected: true\n../../etc/passwd: {';
    const file = secretScaffoldFile({ name, keys: ['k: v', '-dash'], readBy: 'Deployment/a\nkind: Pod', eol: '\r\n' });
    assert.doesNotMatch(file.fileName, /[\\/\n]/);
    assert.ok(!file.fileName.startsWith('.'));
    const docs = parseAllDocuments(file.text);
    assert.equal(docs.length, 1);
    assert.deepEqual(docs[0].errors, []);
    assert.deepEqual(docs[0].toJS(), { apiVersion: 'v1', kind: 'Secret', metadata: { name }, type: 'Opaque', stringData: { 'k: v': '', '-dash': '' } });
    assert.ok(file.text.split('\r\n').every((line) => !line.includes('\n')), 'every line ends with the file\'s CRLF');
  });
});
