import * as assert from 'node:assert/strict';
import { isPublicKeyDer } from '../../../../server/src/engine/templates/text/public-key-der';
import { basicAuthPairPasswordStart } from '../../../../server/src/engine/templates/text/secret-validators';
import { at, ranges } from './generic-password-ranges';

// The generic detector's forms learned from batch 15's tools' files and keys (test/corpus/secrets/README.md, item
// 16), with values of their own: a secret name with its access after it, key-material names, a file holding one
// token, Subversion's hash dump, tool records, XML value attributes and sibling value elements, a YAML key named by
// its parent, an id -> secret map, basic-auth pairs, abbreviated secret-key names; and public key material quiet.

const V = 'HNCD5ivWz71wY0No72Oe';
const HEX = '2C1E175DA89243D6AA62793B9C0B5ABE';
const B64 = 'UOl7ICTyaoa0OJP6SjHFsWL2JhxmgNCwYjIaC6LJ1Zo6';
const RSA_PUBLIC = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnRCpPX3qoiowuw4KBKcNYmTbjnQqVE5vw5+nwE+cC1/8lVP4GEGiqSqyMjO4mXXGz0ArmJ1cdFMQcJBcdCgX4/wZigHLgUHbPFZ2iK7GOM/N6N79irTl7bAvEr1Y/qbMjDqCbwHGzYtCr3l/IJE59dYqTRWxdYM3+pwc+siJ/deecfp+OUyY0UKqqT65NMUdxDKxuqZ2Qiy0am330kCCPJENgCcvU6k9i35MdfKdhwWdkJQp18xmr/7mYhWWBXU6tEcvCOXD/MKkx9r+JzdYskTDuHd76FGMSk5YhNrCuwJb6smr8n1p3E09fLi6GdZC3aLlUQKxDkRnxJiOKKPX6wIDAQAB';
const EC_PUBLIC = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEzNJbWJer/tl12D9rFNTHNyg/dNznhMkJ1o8SoZIYR57oviTUtA/TnX+ai40QGHcRn396kjQ3SUfOJFC2rbPW3Q==';
const CERTIFICATE = 'MIIBdDCCARmgAwIBAgIUKC0BvYeEBOoh7zuOoFAihkYz9kcwCgYIKoZIzj0EAwIwDzENMAsGA1UEAwwEdGVzdDAeFw0yNjEyMDcxNzQ3MjVaFw0yNjEyMDgxNzQ3MjVaMA8xDTALBgNVBAMMBHRlc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARhC7zDDhmQJIfhykfcaubtD8qGA1JsGt1G1jQ1+NwA7XaSgRwxlSHxUgufdGFK5OPlqQsNaDymxLM2dm+5ocUpo1MwUTAdBgNVHQ4EFgQUbTcKd4zQQ+oZ+Dr9F1rRor49TtswHwYDVR0jBBgwFoAUbTcKd4zQQ+oZ+Dr9F1rRor49TtswDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEAjZJ9cj/aov9XbMSlCF8xabBdAJkgbjgb+M2E7VIc0K0CIQDbHw/mpB0yNYGEtpvEX/12gp0aJs12mXLs09vFJcEwNA==';

describe("text-secret-assignment: tools' files and keys from batch 15", () => {
  const found: [string, string, string, string][] = [
    ['a secret name with its access glued after it', 'murmur.ini', `icesecretwrite=${V}\n`, V],
    ['a secret name with its access as a word after it', 'app.env', `REPO_TOKEN_READ=${V}\n`, V],
    ["an RSA key's private exponent", 'DefaultCrypto.ini', `SigningPrivateExponent=${B64}\n`, B64],
    ["a keystore's key (its password)", 'config.properties', `http-server.https.keystore.key=${V}\n`, V],
    ['an XML element named for a secret with a value attribute', 'log4net.config', `<appender>\n  <password value="${V}" />\n</appender>\n`, V],
    ['a name element, then a defaultValue element', 'config.xml', `<p>\n  <name>DEPLOY_PASSWORD</name>\n  <defaultValue>${V}</defaultValue>\n</p>\n`, V],
    ['an unquoted YAML key: named by its parent', 'collector.yaml', `exporters:\n  metrics:\n    api:\n      site: eu\n      key: ${HEX.toLowerCase()}\n`, HEX.toLowerCase()],
    ['a YAML map from a generated id to its secret', 'voice.yaml', `keys:\n  APIRUkXCqlA8nxK: ${B64}\n`, B64],
    ['a user:password pair under a basic-auth name', 'app.env', `ADMIN_BASIC_AUTH=ops:${V}\n`, V],
    ['a user:password pair through an encoder under a basic-auth name', 'Fastfile', `match(git_basic_authorization: Base64.strict_encode64("ci:${V}"))\n`, V],
    ['a lower-case .env key name with key material', '.env', `steam_publisher_key=${HEX}\n`, HEX],
    ['an abbreviated secret key after a separator', '.env', `PLAYFAB_DSK=${V}\n`, V],
    ['an abbreviated secret key (sk)', '.env', `STRIPE_SK=${V}\n`, V],
    ["Apple's app-specific password", 'bitrise.yml', '    - app_password: gfte-fmur-juny-qlxk\n', 'gfte-fmur-juny-qlxk'],
  ];
  for (const [form, fileName, text, value] of found) {
    it(`finds ${form}`, () => assert.deepEqual(ranges(fileName, text), at(text, value)));
  }

  const quiet: [string, string, string][] = [
    ['a thread setting (read is no access word after a secret name)', 'app.ini', `thread=${V}\n`],
    ['a public key in base64 DER under a licence-key name', 'DefaultEngine.ini', `GooglePlayLicenseKey=${RSA_PUBLIC}\n`],
    ['an EC public key under a key name', 'app.env', `SIGNING_KEY=${EC_PUBLIC}\n`],
    ['a certificate under a secret name', 'app.env', `CLIENT_SECRET=${CERTIFICATE}\n`],
    ['a YAML mapping named for secrets whose entries are settings', 'map.yaml', 'projects.secrets:\n  asset_type: secretmanager.example.test/Secret\n'],
    ['a bare keys map of words', 'keys.yaml', 'keys:\n  up1: ArrowUp\n'],
    ['a basic-auth switch', 'app.env', 'ADMIN_BASIC_AUTH=enabled_for_all\n'],
    ['a basic-auth name holding a URL', 'app.env', 'BASIC_AUTH=https://auth.example.test:8443\n'],
    ['a LiveKit API key id', 'livekit.yaml', 'webhook:\n  api_key: APIRUkXCqlA8nxK\n'],
    ['a disk, not a secret key', '.env', `DATA_DISK=${V}\n`],
    ['a name of words in groups of other lengths', 'deploy.yml', '  app_password: blue-green-rollout-plan\n'],
  ];
  for (const [form, fileName, text] of quiet) {
    it(`stays quiet on ${form}`, () => assert.deepEqual(ranges(fileName, text), []));
  }

  it('reads a file named for a secret that holds one token alone, and no other file', () => {
    const text = `${V}\n`;
    assert.deepEqual(ranges('butler_creds', text), at(text, V));
    assert.deepEqual(ranges('.vault-token', text), at(text, V));
    assert.deepEqual(ranges('api_token.txt', text), at(text, V));
    assert.deepEqual(ranges('VERSION', text), [], 'a name that names no secret');
    assert.deepEqual(ranges('token.json', text), [], 'an extension that says what the file is');
    assert.deepEqual(ranges('butler_creds', `${V} ${V}\n`), [], 'more than one token');
  });

  it("reads Subversion's hash dump by its keys, with the lengths as the format's check", () => {
    const dump = (length: number) => `K 8\npassword\nV ${length}\n${V}\nK 8\nusername\nV 3\nops\nEND\n`;
    const text = dump(V.length);
    assert.deepEqual(ranges('5d41402abc4b2a76b9719d911017c592', text), at(text, V));
    assert.deepEqual(ranges('5d41402abc4b2a76b9719d911017c592', dump(V.length + 1)), [], 'a length that does not match');
  });

  it("reads the tools' record table: Perforce's ticket after host=user:", () => {
    const text = `perforce.example.test:1666=ops:${HEX}\n`;
    assert.deepEqual(ranges('.p4tickets', text), at(text, HEX));
    assert.deepEqual(ranges('hosts.txt', text), [], 'the same line in another file');
  });
});

describe('public key material in base64 DER', () => {
  it('knows SubjectPublicKeyInfo and certificates by their structure', () => {
    assert.equal(isPublicKeyDer(RSA_PUBLIC), true);
    assert.equal(isPublicKeyDer(EC_PUBLIC), true);
    assert.equal(isPublicKeyDer(CERTIFICATE), true);
  });
  it('does not take a truncated key, random base64 or a private key for one', () => {
    assert.equal(isPublicKeyDer(RSA_PUBLIC.slice(0, -8)), false, 'the outer length no longer matches');
    assert.equal(isPublicKeyDer(`M${B64}`), false);
    // PKCS#8's PrivateKeyInfo opens with an INTEGER version, not an AlgorithmIdentifier.
    assert.equal(isPublicKeyDer('MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg'), false);
  });
});

describe('basic-auth pairs', () => {
  it('gives where the password starts under a basic-auth name', () => {
    assert.equal(basicAuthPairPasswordStart('ADMIN_BASIC_AUTH', `ops:${V}`), 4);
    assert.equal(basicAuthPairPasswordStart('basicAuth', `ops:${V}`), 4);
    assert.equal(basicAuthPairPasswordStart('git_basic_authorization', `ci:${V}`), 3);
    assert.equal(basicAuthPairPasswordStart('ADMIN_AUTH', `ops:${V}`), undefined, 'not a basic-auth name');
    assert.equal(basicAuthPairPasswordStart('BASIC_AUTH', 'https://host.test'), undefined, 'a URL');
  });
});
