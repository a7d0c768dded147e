const crypto = require('node:crypto');
const tmi = require('tmi.js');
const { notarize } = require('@electron/notarize');

// A chat token after its scheme word is a value, not a reference's name.
const chat = new tmi.Client({
  // expect: secret-generic-password@51-87
  identity: { username: 'release-bot', password: 'oauth:e0ke7ko9lkg59xcx628igqj3yu9y06' },
  channels: ['example'],
});

async function notarizeApp(appPath) {
  await notarize({
    appPath,
    appleId: 'release@example.test',
    // An app-specific password: four groups of four letters.
    // expect: secret-generic-password@23-42
    appleIdPassword: 'vloj-ndao-gtha-abpk',
    teamId: 'ABCDE12345',
  });
}

// A key-derivation call's password, the salt after it.
// expect: secret-generic-password@40-64
const manifestKey = crypto.scryptSync('ePlkXgV1YSOoKn-jF!spHxAk', 'example-manifest-v3', 32);

// expect-not: secret-generic-password
const derived = crypto.scryptSync(process.env.MANIFEST_PASSPHRASE, 'example-manifest-v3', 32);
// expect-not: secret-generic-password
const stretched = crypto.pbkdf2Sync(passphrase, 'example-manifest-salt-v3', 100000, 32, 'sha256');

// Names stay names: a setting that names the password's place, a slug under a password key.
const settings = {
  // expect-not: secret-generic-password
  passwordSource: 'oauth:keychain-token',
  // expect-not: secret-generic-password
  appleIdPassword: '@keychain:AC_PASSWORD',
  // Four words, and the documentation's stand-in, are not generated groups.
  // expect-not: secret-generic-password
  fallbackPassword: 'user-name-from-ldap',
  // expect-not: secret-generic-password
  examplePassword: 'abcd-efgh-ijkl-mnop',
};

// A Unicode table decoded from its literal is no key: the conversion wrapper's name is not a conversion's.
// expect-not: secret-generic-password
const table = new UnicodeRangeTable(decodeRanges('tFzqBzqBBEBXhGhGyBhMhMBxCxCs5D9B9BBDBbEByBEBCJB', false));

module.exports = { chat, notarizeApp, manifestKey, derived, stretched, settings, table };
