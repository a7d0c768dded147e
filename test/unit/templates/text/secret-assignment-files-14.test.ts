import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { secretAssignment } from '../../../../server/src/engine/templates/text/secret-assignment';
import { isCiphertext } from '../../../../server/src/engine/templates/text/ciphertext';
import { looksLikePlaceholder } from '../../../../server/src/engine/templates/text/placeholders';
import { compileKeyClassifier } from '../../../../server/src/engine/templates/text/secret-key-names';
import { at, ranges } from './generic-password-ranges';
import { runTemplate } from './run-template';

// The generic detector's forms learned from batch 14's tools' files (test/corpus/secrets/README.md, item 15), with
// values of their own: password endings glued to what holds them, salts of key material, extensionless dotfiles
// and `.conf` files read as settings, and the tools' credential-file table as pack data.

const V = 'Tn6qW2xLp9Rk4ZvB8cMd';
const B64 = 'q3Rk9ZvB8cMdTn6qW2xLp9Rk4ZvB8cMdTn6qW2xLp9Q=';
const CORE = (parse(fs.readFileSync(path.join(__dirname, '../../../../rules/core/secrets/secret-generic-password/rule.yaml'), 'utf8')) as { match: { params: Record<string, unknown> } }).match.params;

describe('text-secret-assignment: tools\' files and keys from batch 14', () => {
  const found: [string, string, string, string][] = [
    ['a password ending glued to its holder (PHP object property)', 'config.php', `$CFG->dbpass = '${V}';\n`, V],
    ['a holder and an upper-case ending (YAML)', 'dex.yaml', `    bindPW: '${V}'\n`, V],
    ['a holder and a PascalCase ending (slurmdbd.conf)', 'slurmdbd.conf', `StoragePass=${V}\n`, V],
    ['a key and its value apart by blanks in a .conf file', 'nslcd.conf', `bindpw ${V}\n`, V],
    ['Duo\'s skey', 'authproxy.cfg', `skey=${V}\n`, V],
    ['a salt of key material', 'secrets.properties', `idp.persistentId.salt = ${B64}\n`, B64],
    ['an unquoted value in an extensionless dotfile', '.Renviron', `REDCAP_API_TOKEN=${V}\n`, V],
  ];
  for (const [form, fileName, text, value] of found) {
    it(`finds ${form}`, () => assert.deepEqual(ranges(fileName, text), at(text, value)));
  }

  const quiet: [string, string, string][] = [
    ['a pass that is no password (bypass)', 'config.php', `$CFG->bypass = '${V}';\n`],
    ['a render pass', 'scene.yaml', `renderPass: '${V}'\n`],
    ['skey glued to another word', 'build.py', `toolskey = "${V}"\n`],
    ['a salt that is a word', 'app.properties', 'password.salt = per-user-salt\n'],
    ['git\'s signingkey (a key id)', '.gitconfig', '[user]\n\tsigningkey = 3AA5C34371567BD2\n'],
    ['Duo\'s integration key (an id)', 'authproxy.cfg', 'ikey=DIWJ8X6AEYOR5OMC6TQ1\n'],
    ['FreeRADIUS\'s documented localhost secret', 'clients.conf', 'client localhost {\n\tsecret = testing123\n}\n'],
    ['a bare key outside a tool\'s credential file', 'settings.json', '{"name":"cache","key":"9f3c1a7e5b2d4c6a8e0f1b3d5c7a9e2f"}\n'],
  ];
  for (const [form, fileName, text] of quiet) {
    it(`stays quiet on ${form}`, () => assert.deepEqual(ranges(fileName, text), []));
  }

  it('reads the tools\' credential-file table: a bare key in kaggle.json and .cdsapirc (a UUID token there)', () => {
    const kaggle = '{"username":"lab-bot","key":"9f3c1a7e5b2d4c6a8e0f1b3d5c7a9e2f"}\n';
    assert.deepEqual(ranges('kaggle.json', kaggle), at(kaggle, '9f3c1a7e5b2d4c6a8e0f1b3d5c7a9e2f'));
    const cds = 'url: https://cds.test/api\nkey: 3f1c2b9e-7a4d-4e8b-9c2a-5d6e7f8a9b0c\n';
    assert.deepEqual(ranges('.cdsapirc', cds), at(cds, '3f1c2b9e-7a4d-4e8b-9c2a-5d6e7f8a9b0c'));
  });

  it("reads a champion's own tool file (pack data, no code)", () => {
    const params = { ...CORE, toolFiles: [{ files: '^\\.labtoolrc$', keys: '^key$', keywords: ['key ='] }] };
    const text = `user = lab\nkey = ${V}\n`;
    assert.deepEqual(runTemplate(secretAssignment, params, '.labtoolrc', text).reports.map((r) => [r.span.start, r.span.end]), at(text, V));
    assert.deepEqual(ranges('.labtoolrc', text), [], 'the core table does not list it');
  });

  it('the pack schema rejects a tool file without keywords', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(secretAssignment.paramsSchema);
    assert.equal(validate({ ...CORE, toolFiles: [{ files: 'x', keys: '^key$', keywords: ['key'] }] }), true);
    assert.equal(validate({ ...CORE, toolFiles: [{ files: 'x', keys: '^key$' }] }), false);
  });
});

describe('key holders, documented defaults and DPAPI blobs', () => {
  const classify = compileKeyClassifier({ keyEndings: ['password'], qualifiedKeyEndings: ['pass', 'pw'], keyHolders: ['db', 'bind', 'storage'] });
  it('a qualified ending after a holder names a secret, after another word not', () => {
    assert.deepEqual(['dbpass', 'bindpw', 'bind_pw', 'bindPW', 'StoragePass'].map(classify), [true, true, true, true, true]);
    assert.deepEqual(['bypass', 'compass', 'allPass', 'renderPass', 'firstpw'].map(classify), [false, false, false, false, false]);
  });
  it('documented default credentials are stand-ins, a password containing one is not', () => {
    assert.equal(looksLikePlaceholder('testing123'), true);
    assert.equal(looksLikePlaceholder('tiger'), true);
    assert.equal(looksLikePlaceholder('testing123Qz8!vR'), false);
  });
  it('a DPAPI blob is ciphertext; the header alone or other base64 is not', () => {
    const blob = `AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA${Buffer.from(Array.from({ length: 60 }, (_, i) => (i * 73 + 41) % 256)).toString('base64')}`;
    assert.equal(isCiphertext(blob), true);
    assert.equal(isCiphertext('AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA'), false);
    assert.equal(isCiphertext(Buffer.from(Array.from({ length: 80 }, (_, i) => (i * 31 + 7) % 256)).toString('base64')), false);
  });
});
