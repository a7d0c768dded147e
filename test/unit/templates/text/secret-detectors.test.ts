import * as assert from 'node:assert/strict';
import { parseText } from '../../../../server/src/engine/parsers/text';
import { SafeRegex, type RegexCompiler } from '../../../../server/src/engine/safe-regex';
import { hitsByDetector, keywordIndex } from '../../../../server/src/engine/templates/text/detector-hits';
import { maskedByKeyword, secretDetectors } from '../../../../server/src/engine/templates/text/secret-detectors';
import { runTemplate } from './run-template';

// Synthetic values only. The npm tokens are built here with the checksum, so nothing real is committed.
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const ACME = { id: 'acme-key', name: 'ACME key', keywords: ['acme_'], pattern: '(acme_[A-Za-z0-9]{24})\\b', secretGroup: 1, minEntropy: 3 };
const ACME_KEY = 'acme_Q7m2Kx9TfW4bLc8NvY3pHs6D';
const ZETA = { id: 'zeta-token', name: 'Zeta token', keywords: ['zt-'], pattern: '(zt-[a-f0-9]{32})\\b', secretGroup: 1 };
const ZETA_TOKEN = 'zt-8f3a1c9e7b2d4f6a0c5e9b1d3f7a2c4e';

function instantiate(params: unknown): () => void {
  return () => (secretDetectors.instantiate as (p: unknown, regex: RegexCompiler) => unknown)(params, (source, caseInsensitive) => new SafeRegex(source, caseInsensitive));
}

describe('text-secret-detectors', () => {
  it('reports each detector on the lines of its own keywords, spanning the secret group, named and masked', () => {
    const text = `client("${ACME_KEY}")\n# ${ZETA_TOKEN}\nnothing here\n`;
    const run = runTemplate(secretDetectors, { detectors: [ACME, ZETA] }, 'a.py', text);
    assert.deepEqual(run.spanned, [ACME_KEY, ZETA_TOKEN]);
    assert.deepEqual(run.reports[0].data, { secret: 'acme_…(29 chars)', name: 'ACME key', detector: 'acme-key' });
    assert.deepEqual(run.reports[1].data, { secret: 'zt-…(35 chars)', name: 'Zeta token', detector: 'zeta-token' });
  });

  it('does not run a pattern on lines where only another detector’s keyword occurs', () => {
    // ZETA's pattern would match the hex after "acme_" on this line, but "zt-" is not there.
    const zetaAnywhere = { ...ZETA, pattern: '([a-f0-9]{32})' };
    const text = `acme_Q7m2Kx9TfW4bLc8NvY3pHs6D 8f3a1c9e7b2d4f6a0c5e9b1d3f7a2c4e\n`;
    assert.deepEqual(runTemplate(secretDetectors, { detectors: [ACME, zetaAnywhere] }, 'a.txt', text).spanned, [ACME_KEY]);
  });

  it('keeps only the first-listed detector where two match overlapping text', () => {
    const broad = { id: 'broad', name: 'Broad', keywords: ['acme_'], pattern: '(acme_[A-Za-z0-9]{10,})', secretGroup: 1 };
    const run = runTemplate(secretDetectors, { detectors: [ACME, broad] }, 'a.txt', ACME_KEY);
    assert.deepEqual(run.reports.map((r) => r.data?.detector), ['acme-key']);
    const reversed = runTemplate(secretDetectors, { detectors: [broad, ACME] }, 'a.txt', ACME_KEY);
    assert.deepEqual(reversed.reports.map((r) => r.data?.detector), ['broad']);
  });

  it('applies entropy, placeholders and the allowlist per detector', () => {
    const text = `acme_AAAAAAAAAAAAAAAAAAAAAAAA acme_EXAMPLEq7m2Kx9TfW4bLc8N ${ACME_KEY}`;
    assert.deepEqual(runTemplate(secretDetectors, { detectors: [ACME] }, 'a.txt', text).spanned, [ACME_KEY]);
    const allowlisted = { ...ACME, allowlist: { stopwords: ['Hs6D'] } };
    assert.deepEqual(runTemplate(secretDetectors, { detectors: [allowlisted] }, 'a.txt', text).spanned, []);
  });

  it('skips a secret equal to its user group (a local default such as postgres:postgres@)', () => {
    const uri = { id: 'uri', name: 'URI', keywords: ['://'], pattern: '://([^:/@]+):([^@/]+)@', secretGroup: 2, userGroup: 1 };
    const text = 'a = "pg://app:app@db"\nb = "pg://app:Vq7kR2x9Lm4w@db"\n';
    assert.deepEqual(runTemplate(secretDetectors, { detectors: [uri] }, 'a.txt', text).spanned, ['Vq7kR2x9Lm4w']);
  });

  it('lets a value with a valid checksum past the placeholder filter, and can require the checksum', () => {
    const random = 'xxxxQ7m2Kx9TfW4bLc8NvY3pHs6Dj1';
    const valid = `npm_${random}${base62(crc32(random))}`;
    const invalid = `npm_${random}000000`;
    const npm = { id: 'npm', name: 'npm token', keywords: ['npm_'], pattern: '(npm_[A-Za-z0-9]{36})\\b', secretGroup: 1, checksum: 'crc32-base62' };
    const text = `${valid}\n${invalid}\n`;
    // "xxxx" reads as a masked stand-in; only the checksum shows the first one is a real token's shape.
    assert.deepEqual(runTemplate(secretDetectors, { detectors: [npm] }, 'a.txt', text).spanned, [valid]);
    const strict = { ...npm, id: 'npm-strict', requireChecksum: true };
    const other = `npm_Q7m2Kx9TfW4bLc8NvY3pHs6Dj1Ge5aZq7RXw`;
    assert.deepEqual(runTemplate(secretDetectors, { detectors: [strict] }, 'a.txt', `${valid}\n${other}\n`).spanned, [valid]);
    assert.deepEqual(runTemplate(secretDetectors, { detectors: [npm] }, 'a.txt', other).spanned, [other], 'without requireChecksum a mismatch is judged like any value');
  });

  it('runs the named structural check (jwt) before reporting', () => {
    const header = b64url('{"alg":"HS256","typ":"JWT"}');
    const payload = b64url('{"sub":"svc","iat":1733450000}');
    const jwt = { id: 'jwt', name: 'JWT', keywords: ['eyj'], pattern: '(eyJ[\\w-]+\\.ey[\\w-]+\\.[\\w-]*)', secretGroup: 1, validate: 'jwt' };
    const signed = `${header}.${payload}.Zq7R2mKx9TfW4bLc8NvY3pHs6Dj1Ge5a`;
    const unsigned = `${b64url('{"alg":"none"}')}.${payload}.`;
    const notJson = `eyJQ7m2Kx9TfW4bLc8NvY3pH.eyJs6Dj1Ge5aZq7R2mKx9T.Zq7R2mKx9TfW4bLc8NvY3pHs6Dj1Ge5a`;
    const run = runTemplate(secretDetectors, { detectors: [jwt] }, 'a.txt', `${signed}\n${unsigned}\n${notJson}\n`);
    assert.deepEqual(run.spanned, [signed]);
  });

  it('scans keywords of file-limited detectors only in their files', () => {
    const pgpass = { id: 'pgpass', name: '.pgpass', fileNames: ['^\\.pgpass$'], keywords: [':'], pattern: '(?m)^[^:]+:[^:]+:[^:]+:[^:]+:(\\S+)$', secretGroup: 1 };
    const line = 'db.internal:5432:app:app:Qz6vM3pR8wK2\n';
    assert.deepEqual(runTemplate(secretDetectors, { detectors: [ACME, pgpass] }, 'file:///home/u/.pgpass', line).spanned, ['Qz6vM3pR8wK2']);
    assert.deepEqual(runTemplate(secretDetectors, { detectors: [ACME, pgpass] }, 'notes.txt', line).spanned, []);
  });

  it('finds keywords that start inside another keyword’s hit', () => {
    const model = parseText('token xoxe.xoxb-1 and zt-', 'a.txt');
    const index = keywordIndex([['xoxe.xoxb-'], ['xoxb-'], ['zt-']]);
    assert.deepEqual(hitsByDetector(model, index, 3), [[6], [11], [22]]);
  });

  it('refuses duplicate ids, groups past the pattern, and unsafe patterns, naming the detector', () => {
    assert.throws(instantiate({ detectors: [ACME, ACME] }), /detector id "acme-key" is used twice/);
    assert.throws(instantiate({ detectors: [{ ...ACME, secretGroup: 2 }] }), /detector "acme-key": group 2 is larger/);
    assert.throws(instantiate({ detectors: [{ ...ACME, pattern: '(a)\\1' }] }), /detector "acme-key"/);
  });

  it('shows only a keyword prefix of the secret when masking', () => {
    assert.equal(maskedByKeyword('sk_live_Zq7R2mKx9TfW4bLc8NvY', ['sk_live_', 'sk_']), 'sk_live_…(28 chars)');
    assert.equal(maskedByKeyword('Zq7R2mKx9TfW4bLc8NvYsk_live_', ['sk_live_']), '…(28 chars)');
    assert.equal(maskedByKeyword('pypi-AgEIcHlwaS5vcmcZq7R2mKx9Tf', ['pypi-ageichlwas5vcmc']), '…(31 chars)', 'a long keyword is most of the value');
  });
});

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text)) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function base62(n: number): string {
  let out = '';
  for (let v = n; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62] + out;
  return out.padStart(6, '0');
}
