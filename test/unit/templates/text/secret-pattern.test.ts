import * as assert from 'node:assert/strict';
import { secretPattern } from '../../../../server/src/engine/templates/text/secret-pattern';
import { SafeRegex, type RegexCompiler } from '../../../../server/src/engine/safe-regex';
import { runTemplate } from './run-template';

const AKIA = { keywords: ['akia'], pattern: '\\b(AKIA[A-Z2-7]{16})\\b', secretGroup: 1 };
const KEY = 'AKIAQ3ZL7W2XB5T4FAKE';

function instantiate(params: unknown): () => void {
  return () => (secretPattern.instantiate as (p: unknown, regex: RegexCompiler) => unknown)(params, (source, caseInsensitive) => new SafeRegex(source, caseInsensitive));
}

describe('text-secret-pattern', () => {
  it('spans exactly the secret group and masks it in the data', () => {
    const text = `x = "${KEY}"\n`;
    const run = runTemplate(secretPattern, AKIA, 'a.py', text);
    assert.deepEqual(run.spanned, [KEY]);
    assert.deepEqual(run.reports[0].data, { secret: 'AKIA…(20 chars)', kind: '' });
  });

  it('hides even the prefix when revealPrefix is false', () => {
    const run = runTemplate(secretPattern, { ...AKIA, revealPrefix: false }, 'a.py', KEY);
    assert.equal(run.reports[0].data?.secret, '…(20 chars)');
  });

  it('runs the pattern only where a keyword occurs', () => {
    const params = { keywords: ['token'], pattern: '(AKIA[A-Z2-7]{16})', secretGroup: 1 };
    assert.equal(runTemplate(secretPattern, params, 'a.txt', KEY).reports.length, 0, 'no keyword, no scan');
    assert.equal(runTemplate(secretPattern, params, 'a.txt', `token ${KEY}`).reports.length, 1);
    assert.equal(runTemplate(secretPattern, params, 'a.txt', `token\n${KEY}`).reports.length, 0, 'keyword on another line');
    assert.equal(runTemplate(secretPattern, { ...params, contextLines: 1 }, 'a.txt', `token\n${KEY}`).reports.length, 1);
  });

  it('keeps offsets right after CRLF lines and astral characters', () => {
    const text = `😀 line\r\nkey: ${KEY}\r\n`;
    const run = runTemplate(secretPattern, AKIA, 'a.yaml', text);
    assert.deepEqual(run.spanned, [KEY]);
  });

  it('applies entropy, allowlist regexes and stopwords, and the placeholder filter', () => {
    const text = `${KEY} AKIAQ3ZL7W2XB5T4TEST AKIAIOSFODNN7EXAMPLE AKIAAAAAAAAAAAAAAAAA`;
    assert.equal(runTemplate(secretPattern, AKIA, 'a.txt', text).reports.length, 2);
    assert.deepEqual(runTemplate(secretPattern, { ...AKIA, allowlist: { regexes: ['TEST$'] } }, 'a.txt', text).spanned, [KEY]);
    assert.deepEqual(runTemplate(secretPattern, { ...AKIA, allowlist: { stopwords: ['fake'] } }, 'a.txt', text).spanned, ['AKIAQ3ZL7W2XB5T4TEST']);
    assert.equal(runTemplate(secretPattern, { ...AKIA, minEntropy: 4.5 }, 'a.txt', text).reports.length, 0);
    assert.equal(runTemplate(secretPattern, { ...AKIA, skipPlaceholders: false }, 'a.txt', text).reports.length, 4);
  });

  it('filters files by name and path', () => {
    const params = { ...AKIA, fileNames: ['\\.env$'], excludePaths: ['/vendor/'] };
    assert.equal(runTemplate(secretPattern, params, 'file:///repo/app.env', KEY).reports.length, 1);
    assert.equal(runTemplate(secretPattern, params, 'file:///repo/app.yaml', KEY).reports.length, 0);
    assert.equal(runTemplate(secretPattern, params, 'file:///repo/vendor/app.env', KEY).reports.length, 0);
  });

  it('names the kind by the longest matching prefix', () => {
    const params = { keywords: ['gh'], pattern: '\\b(gh[a-z_]+_[A-Za-z0-9]{8})\\b', secretGroup: 1, kinds: { gh: 'token', ghp_: 'personal token' } };
    assert.equal(runTemplate(secretPattern, params, 'a.txt', 'ghp_Zq7R2mKx').reports[0].data?.kind, 'personal token');
  });

  it('rejects a pattern RE2 cannot compile and a secret group the pattern lacks', () => {
    assert.throws(instantiate({ keywords: ['x'], pattern: '(?<=x)y' }));
    assert.throws(instantiate({ keywords: ['x'], pattern: '(x)', secretGroup: 2 }), /secretGroup 2/);
  });
});
