import * as assert from 'node:assert/strict';
import { isPasswordHash } from '../../../../server/src/engine/templates/text/password-storage';
import { at, ranges } from './generic-password-ranges';

// The generic detector's forms learned from batch 16's tools' files (test/corpus/secrets/README.md, item 17), with
// values of their own: a tool's settings file in its dot-folder read with unquoted values, and password hashes in a
// self-describing format kept quiet.

const V = 'Tn6qW2xLp9Rk4ZvB8cMd';

describe('text-secret-assignment: tools\' files and keys from batch 16', () => {
  it('reads an unquoted value in a file without an extension in a tool\'s dot-folder', () => {
    const text = `[DEFAULT]\nkey_file=~/.oci/oci_api_key.pem\npass_phrase=${V}\n`;
    assert.deepEqual(ranges('home/.oci/config', text), at(text, V));
  });

  it('leaves the same unquoted line alone in a folder that is not a dot-folder', () => {
    assert.deepEqual(ranges('home/oci/config', `pass_phrase=${V}\n`), []);
  });

  it('leaves a file with an extension in a dot-folder to its own syntax (an unquoted JS value is no literal)', () => {
    assert.deepEqual(ranges('.husky/setup.js', `const pass_phrase = ${V}\n`), []);
  });
});

describe('isPasswordHash', () => {
  const hashes: [string, string][] = [
    ['Jupyter\'s argon2 (a scheme word before a PHC string)', 'argon2:$argon2id$v=19$m=10240,t=10,p=8$Qm3dLx8vTz0aYp4Wc1nRkA$zH5sQ9uXbG2eV7tJm4LcP0yN8wRd3fKa6oBi1TqUvE0'],
    ['bcrypt', '$2b$12$Qm3dLx8vTz0aYp4Wc1nRkOzH5sQ9uXbG2eV7tJm4LcP0yN8wRd3fK'],
    ['sha512-crypt with rounds', '$6$rounds=4096$Qm3dLx8vTz0aYp4W$zH5sQ9uXbG2eV7tJm4LcP0yN8wRd3fKa6oBi1TqUvE0zH5sQ9uXbG2eV7tJm4LcP0yN8wRd3fKa6oBi1Tq'],
    ['Django pbkdf2', 'pbkdf2_sha256$870000$Wq3nZr8TyLb2Xc5Vd0Ka1p$Pz7Rm2Nc4Lx9Bv6Tq1Yk8Hs3Gd5Fw0Ja2Ue4Oi7QaE='],
    ['Spring\'s {bcrypt} id', '{bcrypt}$2b$12$Qm3dLx8vTz0aYp4Wc1nRkOzH5sQ9uXbG2eV7tJm4LcP0yN8wRd3fK'],
    ['Jupyter\'s legacy sha1', 'sha1:3f9a2c71b5d4:9b8e2f1c3d4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c'],
  ];
  for (const [form, value] of hashes) it(`knows ${form}`, () => assert.equal(isPasswordHash(value), true));

  const passwords: [string, string][] = [
    ['a generated password with a dollar sign', 'Tn6q$W2xLp9Rk4ZvB8cMd'],
    ['a password of words and dollars', 'correct$horse$battery'],
    ['a sha1-prefixed value that is no hash', 'sha1:not-a-hash'],
  ];
  for (const [form, value] of passwords) it(`does not take ${form} for a hash`, () => assert.equal(isPasswordHash(value), false));
});
