import * as assert from 'node:assert/strict';
import { decodeBase64Text } from '../../../../server/src/engine/templates/text/value-shape';
import { dockerConfigHasCredential } from '../../../../server/src/engine/templates/kubernetes/secret-values';
import { runTemplate } from './run-template';

// Committed Secret and ConfigMap values (k8s-secret-manifest, k8s-configmap-secret): each case is a
// small manifest; the underlined text is the value as written, the message data never holds it.

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const PW = 'Rt5Wq8Lz2Xm7Kv4N';

function secret(body: string, type = 'Opaque'): string {
  return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\ntype: ${type}\n${body}`;
}

describe('k8s-secret-manifest', () => {
  const params = { ignoreKeys: '^(?:username|host|port|ca\\.crt)$' };

  it('reports data on the encoded value and stringData on the plain one, masked', () => {
    const text = secret(`data:\n  password: ${b64(PW)}\n  username: ${b64('deploy-user')}\nstringData:\n  token: "${PW}x"\n`);
    const reports = runTemplate('k8s-secret-manifest', params, text);
    assert.deepEqual(reports.map((r) => r.text), [b64(PW), `${PW}x`]);
    assert.deepEqual(reports[0].data, { object: 'Secret/api', key: 'password', field: 'data', value: `…(${PW.length} chars)` });
    const data = JSON.stringify(reports.map((r) => r.data));
    assert.ok(!data.includes(PW) && !data.includes(b64(PW)), data);
  });

  it('a value wrapped over several lines is still decoded', () => {
    const encoded = b64(`${PW}${PW}${PW}`);
    const text = secret(`data:\n  password: >-\n    ${encoded.slice(0, 30)}\n    ${encoded.slice(30)}\n`);
    assert.equal(runTemplate('k8s-secret-manifest', params, text).length, 1);
  });

  it('stays quiet on stand-ins, settings, certificates, private keys and non-text data', () => {
    const cert = b64('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const key = b64('-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n');
    const body = [
      'data:',
      `  password: ${b64('changeme')}`,
      `  api-key: ${b64('${API_KEY}')}`,
      `  port: ${b64('5432')}`,
      `  enabled: ${b64('true')}`,
      `  ca.crt: ${cert}`,
      `  tls.crt: ${cert}`,
      `  tls.key: ${key}`,
      `  keystore: ${Buffer.from([0, 1, 2, 250, 251, 252, 7, 8]).toString('base64')}`,
      `  token: not-base64!`,
      'stringData:',
      '  password: ""',
      '  token: <your-token>',
      '',
    ].join('\n');
    assert.deepEqual(runTemplate('k8s-secret-manifest', params, secret(body)).map((r) => r.text), []);
  });

  it('reads a config file stored whole and reports it when a line sets a secret', () => {
    const text = secret(`data:\n  app.yaml: ${b64(`log: info\ndb_password: ${PW}\n`)}\n  ok.yaml: ${b64('log: info\ndb_password: ${DB_PASSWORD}\n')}\n`);
    assert.deepEqual(runTemplate('k8s-secret-manifest', params, text).map((r) => r.data.key), ['app.yaml']);
  });

  it('a config file in stringData is reported on its secret line; a one-token block scalar on its content', () => {
    const text = secret(`stringData:\n  agent.conf: |\n    agent_id = billing-agent\n    agent_secret = ${PW}\n  api-token: >-\n    ${PW}y\n`);
    const first = text.indexOf(PW);
    const second = text.indexOf(`${PW}y`);
    assert.deepEqual(runTemplate('k8s-secret-manifest', params, text).map((r) => r.span), [[first, first + PW.length], [second, second + PW.length + 1]]);
  });

  it('reports a .dockerconfigjson only when a registry has a password or token', () => {
    const withAuth = b64(JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`ci:${PW}`) } } }));
    const anonymous = b64(JSON.stringify({ auths: { 'ghcr.io': { auth: b64('ci:') } } }));
    const text = secret(`data:\n  .dockerconfigjson: ${withAuth}\n`, 'kubernetes.io/dockerconfigjson') + `---\n${secret(`data:\n  .dockerconfigjson: ${anonymous}\n`)}`;
    assert.deepEqual(runTemplate('k8s-secret-manifest', params, text).map((r) => r.text), [withAuth]);
    assert.equal(dockerConfigHasCredential(JSON.stringify({ auths: { r: { password: PW } } })), true);
    assert.equal(dockerConfigHasCredential(JSON.stringify({ 'legacy.io': { auth: b64(`u:${PW}`) } })), true, '.dockercfg has no auths wrapper');
    assert.equal(dockerConfigHasCredential('{not json'), false);
  });

  it('reports a URL key whose decoded value is a URI with a password, and not one without', () => {
    const urlParams = { ignoreKeys: '^(?:.*[._-])?(?:host|url|uri)$' };
    const withPassword = b64(`postgres://shop:${PW}@db.shop.internal:5432/shop?sslmode=require`);
    const body = [
      'data:',
      `  DATABASE_URL: ${withPassword}`,
      `  CACHE_URL: ${b64('redis://cache.shop.internal:6379/0')}`,
      `  REPLICA_URL: ${b64('postgres://shop:${DB_PASSWORD}@replica:5432/shop')}`,
      `  API_HOST: ${b64('api.shop.internal')}`,
      '',
    ].join('\n');
    const text = secret(body);
    const start = text.indexOf(withPassword);
    assert.deepEqual(runTemplate('k8s-secret-manifest', urlParams, text).map((r) => r.span), [[start, start + withPassword.length]]);
  });

  it('ignores other kinds', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  password: ${b64(PW)}\n`;
    assert.deepEqual(runTemplate('k8s-secret-manifest', params, text), []);
  });
});

describe('k8s-configmap-secret', () => {
  const params = { keyEndings: ['password', 'token', 'api key', 'signing key'], qualifiedKeyEndings: ['pass'], ignoreKeys: '[_.-](?:file|name|header)$', minLength: 8, minEntropy: 2.5 };
  const configMap = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n${data}`;

  it('reports literal values under secret-named keys, unquoted, masked', () => {
    const reports = runTemplate('k8s-configmap-secret', params, configMap(`  DB_PASSWORD: "${PW}"\n  apiSigningKey: ${PW}y\n  LOG_LEVEL: debug\n`));
    assert.deepEqual(reports.map((r) => r.text), [PW, `${PW}y`]);
    assert.equal(reports[0].data.value, `…(${PW.length} chars)`);
  });

  it('stays quiet on names, references, settings and stand-ins', () => {
    const data = ['  API_KEY_HEADER: X-Api-Key', '  SECRET_NAME: billing-db', '  DB_PASSWORD_FILE: /run/secrets/db', '  SMTP_PASSWORD: ${SMTP_PASSWORD}', '  REDIS_PASSWORD: changeme', '  TOKEN_TTL: "3600"', `  AUTH_TOKEN: ${b64(PW).slice(0, 0)}`, ''].join('\n');
    assert.deepEqual(runTemplate('k8s-configmap-secret', params, configMap(data)).map((r) => r.text), []);
  });
});

describe('decodeBase64Text', () => {
  it('decodes base64 of UTF-8 text, line breaks allowed; refuses binary and non-base64', () => {
    assert.equal(decodeBase64Text(b64('pässwörd-1')), 'pässwörd-1');
    assert.equal(decodeBase64Text(`${b64(PW).slice(0, 8)}\n${b64(PW).slice(8)}`), PW);
    assert.equal(decodeBase64Text(Buffer.from([0, 159, 146, 150]).toString('base64')), undefined);
    assert.equal(decodeBase64Text('not base64!'), undefined);
    assert.equal(decodeBase64Text(''), undefined);
  });
});
