import * as assert from 'node:assert/strict';
import { credentialCallPosition } from '../../../../server/src/engine/templates/text/credential-calls';
import { at, ranges } from './generic-password-ranges';

// The generic detector's forms learned from batch 11 (test/corpus/secrets/README.md, item 12), each with values of
// its own and in languages the batch did not use for it: a form is read by its syntax and the words of a call's
// name, never by a library's name, so the same shape must be found (or stay quiet) wherever it is written.

const V = 'Tn6qW2xLp9Rk4ZvB8cMd';
const UUID = '5b1e9c2a-7d43-4f80-9a6e-2c8d1f3b7e05';
const B64 = 'Zx4Pq8Lm2Vn6Rt0Wk3Hy7Jc1Fb5Gd9Sa/Ue+Io2Kl=';

describe('text-secret-assignment: forms from batch 11', () => {
  const found: [string, string, string, string][] = [
    ['a Python authenticate(user, "…") call', 'client.py', `session.authenticate("svc-reports", "${V}")\n`, V],
    ['a PHP member call named for basic auth', 'client.php', `$client->setBasicAuthentication('svc', '${V}');\n`, V],
    ['a TypeScript credentials constructor', 'client.ts', `const creds = new BasicCredentials('svc', '${V}');\n`, V],
    ['an async sign-in call (the Async suffix dropped)', 'Login.cs', `await client.SignInAsync("svc", "${V}");\n`, V],
    ['a token-only bearer call in Python', 'client.py', `auth = BearerAuth("${V}")\n`, V],
    ["express-basic-auth's users map", 'server.js', `app.use(basicAuth({ users: { admin: '${V}' } }));\n`, V],
    ['a login compared with literals in Python', 'auth.py', `    if username == "ops" and password == "${V}":\n`, V],
    ['a --password option in a Dockerfile RUN', 'Dockerfile', `RUN backup-tool login --user svc --password ${V}\n`, V],
    ['`-P` beside a user in a script', 'restore.sh', `bcp Orders out orders.dat -S db.test -U svc -P '${V}'\n`, V],
    ['an Opsgenie-style UUID under an api key in JSON', 'alerting.json', `{ "api_key": "${UUID}" }\n`, UUID],
    ["Nomad's encrypt in JSON", 'nomad.json', `{ "server": { "encrypt": "${B64}" } }\n`, B64],
  ];
  for (const [form, fileName, text, value] of found) {
    it(`finds ${form}`, () => assert.deepEqual(ranges(fileName, text), at(text, value)));
  }

  const quiet: [string, string, string][] = [
    ['a stored credential looked up by name', 'client.py', `cred = store.get_credentials("svc-reports", "${V}")\n`],
    ['authenticate with variables', 'client.py', 'session.authenticate(user, password)\n'],
    ["passport's strategy name", 'server.js', "app.post('/login', passport.authenticate('local', { failureRedirect: '/login' }));\n"],
    ['a bearer call with more than the token', 'client.py', `auth = BearerAuth("${V}", scheme)\n`],
    ['a password compared alone (a check of a default)', 'auth.py', `    if password == "${V}":\n`],
    ['a login compared with a lookup', 'auth.py', '    if username == "ops" and password == os.environ["OPS_PASSWORD"]:\n'],
    ['a --password option from the environment', 'Dockerfile', 'RUN backup-tool login --user svc --password "$BACKUP_PASSWORD"\n'],
    ['`-P` without a user (a pattern)', 'find.sh', `grep -P '${V}' access.log\n`],
    ['a UUID under an id', 'alerting.json', `{ "api_key_id": "${UUID}" }\n`],
    ['a UUID under a request token', 'client.json', `{ "request_token": "${UUID}" }\n`],
    ['encrypt set to a flag', 'consul.json', '{ "encrypt_verify_incoming": true, "encrypt": "" }\n'],
    ['keys holding names', 'app.js', "app.keys = ['vesselName', 'berthNumber'];\n"],
    ['a heredoc line from a template', 'job.hcl', '      data = <<EOH\nDB_PASSWORD={{ with secret "kv/db" }}{{ .Data.data.password }}{{ end }}\nEOH\n'],
    ['pass without a user in its section', 'remote.conf', `[alias]\ntype = alias\npass = ${V}\n`],
    ['an upper-case line after a shift, not a heredoc', 'flags.js', `const mask = 1 << bits;\nAPI_KEY=${V}\n`],
  ];
  for (const [form, fileName, text] of quiet) {
    it(`stays quiet on ${form}`, () => assert.deepEqual(ranges(fileName, text), []));
  }

  it('reads a call name by its words, not a list of libraries', () => {
    assert.deepEqual(credentialCallPosition('client.AuthenticateAsync', false), { position: 2, name: 'password' });
    assert.deepEqual(credentialCallPosition('ClientFilters.BearerAuth', false), { position: 1, name: 'token' });
    assert.deepEqual(credentialCallPosition('nats.UserInfo', false), { position: 2, name: 'password' });
    assert.deepEqual(credentialCallPosition('basic', true), { position: 2, name: 'password' });
    assert.equal(credentialCallPosition('basic', false), undefined);
    assert.equal(credentialCallPosition('store.getCredential', false), undefined);
    assert.equal(credentialCallPosition('Fuel.get', false), undefined);
  });
});
