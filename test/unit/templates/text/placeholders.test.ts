import * as assert from 'node:assert/strict';
import { isRepetitive, looksLikePlaceholder } from '../../../../server/src/engine/templates/text/placeholders';

describe('looksLikePlaceholder', () => {
  const placeholders = [
    '', '   ', 'changeme', 'CHANGEME', 'password', '"secret"', 'null', 'None', 'true', '<password>', '[REDACTED]',
    '${DB_PASSWORD}', '$DB_PASSWORD', '{{ .Values.password }}', '$(cat /run/secrets/x)', '#{Password}', '%(pw)s', '%DB_PASS%',
    '__PASSWORD__', '@db.password@', '********', 'xxxxxxxx', 'XXXXXXXXXXXXXXXX', '...', 'sk_live_…', 'your-api-key-here',
    'YOUR_TOKEN', 'insert-token', 'token_goes_here', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'my-dummy-secret', 'sample123', 'qwerty123', 'aaaaaaaa', '12345678', 'abcdefgh', 'ZYXWVU99', '98765432',
    'https://hooks.slack.com/services/T00000000/B00000000/abc',
    // Leetspeak stand-ins, variable names written as values, a type prefix followed by a name.
    'Ple4seCh4ngeThisN0tAVerySecretV4lue', 'Ch4ngeM3!', 'n0t-a-s3cret-v4lue', 'HF_TOKEN', 'GOOGLE_API_KEY_VAL',
    'INSERT_ETCD_INITIAL_CLUSTER_TOKEN', 'nvapi-NVKEY', 'sk-OPENAI_API_KEY', 'Bearer TOKEN',
  ];
  for (const value of placeholders) it(`${JSON.stringify(value)} is a placeholder`, () => assert.equal(looksLikePlaceholder(value), true));

  const secrets = [
    'Zq7mKx9Tf4bLFAKE', 'AKIAQ3ZL7W2XB5T4FAKE', 'ghp_Zq7R2mKx9TfW4bLc8NvY3pHs6Dj1Ge5aFAKE', 'W4bL#c8Nv!Y3p', 'hunter2!', 'abcd1234', 'Tr0ub4dor&3',
    // Weak but real passwords from published manifests, and leetspeak that spells no stand-in.
    'postgres', 'admin', 'minio123', 'Sup3rS3cret!', 'P4ssw0rd-2024', 'nvapi-Zq7R2mKx9TfW4bLc8NvY3pHs6Dj1Ge5aKEY',
  ];
  for (const value of secrets) it(`${JSON.stringify(value)} is not`, () => assert.equal(looksLikePlaceholder(value), false));
});

describe('isRepetitive', () => {
  it('needs six steps in one direction within one character class', () => {
    assert.equal(isRepetitive('x12345y'), false, 'five in a row is chance');
    assert.equal(isRepetitive('x123456y'), true);
    assert.equal(isRepetitive('fedcba'), true);
    assert.equal(isRepetitive('1234321'), false, 'a turn breaks the run');
    assert.equal(isRepetitive('789:;<'), false, 'punctuation is not a digit run');
    assert.equal(isRepetitive('a-a-a-a'), true, 'one character, separators ignored');
  });
});
