import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RE2JS } from 're2js';
import { parse } from 'yaml';
import { builtinTemplates } from '../../../server/src/engine';
import { anchoredFirstCharacters, requiredCharacters, requiredCharactersWork } from '../../../server/src/engine/regex-required';
import { SafeRegex } from '../../../server/src/engine/safe-regex';
import { SECRETS_CORPUS } from '../../support/secrets-corpus';

// SafeRegex skips RE2 on an input that lacks a character every match must contain (regex-required.ts).
// That is only a shortcut if the characters are right: every match of every built-in pattern over the
// secret rules' fixtures and the labeled corpus contains them, and SafeRegex finds what RE2 finds.

const CORE = path.resolve(__dirname, '../../../rules/core');

function builtinPatterns(): { source: string; caseInsensitive: boolean }[] {
  const templates = builtinTemplates();
  const out: { source: string; caseInsensitive: boolean }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'tests') walk(full);
      else if (e.name === 'rule.yaml') {
        const rule = parse(fs.readFileSync(full, 'utf8')) as { match: { template: string; params?: unknown } };
        templates.get(rule.match.template)?.instantiate((rule.match.params ?? {}) as never, (source, ci) => {
          out.push({ source, caseInsensitive: ci === true });
          return new SafeRegex(source, ci);
        });
      }
    }
  };
  walk(CORE);
  return out;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

function compiled(source: string, caseInsensitive: boolean): RE2JS {
  return RE2JS.compile(source, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
}

describe('characters every match of a pattern contains', () => {
  it('reads this re2js as its probes expect', () => {
    assert.equal(requiredCharactersWork(), true);
  });

  it('claims the characters on every path: exact ones, case-folded letters as their cases, one on every branch', () => {
    const of = (source: string) => requiredCharacters(RE2JS.compile(source)).sort();
    assert.deepEqual(of(String.raw`\b[A-Za-z][A-Za-z0-9+.-]{1,40}://([^\s:/?#@]{0,128}):([^\s/?#@]{1,256})@[A-Za-z0-9._\[-]`), ['/', ':', '@']);
    assert.deepEqual(of(String.raw`(?:\b|\\[nrt])(SK[0-9a-f]{32})\b`), ['K', 'S']);
    assert.deepEqual(of('(?i)jdbc:[a-z0-9]+:password=(x)'), [':', '=', 'Aa', 'Bb', 'Cc', 'Dd', 'Jj', 'Oo', 'Pp', 'Rr', 'Ss\u017f', 'Ww', 'Xx']);
    assert.deepEqual(of('(?i)secret[_-]?key'), ['Cc', 'Ee', 'Kk\u212a', 'Rr', 'Ss\u017f', 'Tt', 'Yy']);
    assert.deepEqual(of('(?i)[.-]min\\.(?:js|css|mjs)$'), ['.', 'Ii', 'Mm', 'Nn', 'Ss\u017f']);
    assert.deepEqual(of('(?:package-lock\\.json|go\\.sum)$'), ['.', 'g', 'o', 's']);
    assert.deepEqual(of('a(?:b|B)'), ['Bb', 'a']);
    assert.deepEqual(of('(?i)s(?-i:S)'), ['S'], 'an exact letter says more than the letter in either case');
    assert.deepEqual(of('a|@'), []);
    assert.deepEqual(of('x(?:@)?y'), ['x', 'y']);
    assert.deepEqual(of('(?:ab)*c'), ['c']);
    assert.deepEqual(of('[^@]+'), []);
    assert.deepEqual(of('\u00e9@'), ['@']);
  });

  it('claims for a case-folded letter every character RE2 matches it with', () => {
    let bmp = '';
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) bmp += String.fromCharCode(c);
    for (let c = 97; c <= 122; c++) {
      const letter = String.fromCharCode(c);
      const regex = RE2JS.compile(`(?i)${letter}`);
      const matcher = regex.matcher(bmp);
      let matched = '';
      while (matcher.find()) matched += matcher.group(0);
      assert.deepEqual(requiredCharacters(RE2JS.compile(`(?i)${letter}`)), [matched], letter);
    }
  });

  it('reads the first characters of a match anchored at the input\'s start, and claims nothing otherwise', () => {
    const firsts = (source: string) => {
      const table = anchoredFirstCharacters(RE2JS.compile(source));
      return table && String.fromCharCode(...[...table.keys()].filter((c) => table[c] === 1));
    };
    assert.equal(firsts('^(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{36}$'), 'g');
    assert.equal(firsts('^(?:A3T[A-Z0-9]|AKIA|ASIA)[A-Z2-7]{16}$'), 'A');
    assert.equal(firsts('(?i)^existing'), 'Ee');
    assert.equal(firsts('^(?:x|[a-c]|\\d)'), '0123456789abcx');
    assert.equal(firsts('^(?:a|)'), undefined, 'may match the empty text');
    assert.equal(firsts('^a|b'), undefined, 'one alternative is not anchored');
    assert.equal(firsts('(?m)^a'), undefined, 'multi-line: a line start, not the input start');
    assert.equal(firsts('hooks\\.slack'), undefined);
    // The Kelvin sign folds to k and K (a class of three runes); a non-ASCII first character is left to RE2.
    assert.equal(firsts('(?i)^\u212a'), 'Kk');
    assert.equal(firsts('(?i)^k')?.length, 2);
  });

  it('lets SafeRegex answer as RE2 does for anchored patterns, whatever the first character', () => {
    const inputs = ['', 'ghp_' + 'a'.repeat(36), 'xghp_' + 'a'.repeat(36), 'Existing', 'existingSecret', 'EXISTING', '\u212axisting', 'é', 'AKIA' + 'A'.repeat(16), '\nAKIA' + 'A'.repeat(16), 'k', 'K', '\u212a'];
    for (const source of ['^(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{36}$', '(?i)^existing', '^(?:A3T[A-Z0-9]|AKIA|ASIA)[A-Z2-7]{16}$', '(?i)^k$', '^(?:é|k)']) {
      const safe = new SafeRegex(source);
      const raw = RE2JS.compile(source);
      for (const input of inputs) assert.equal(safe.test(input), raw.test(input), `${source} on ${JSON.stringify(input)}`);
    }
  });

  it('holds for every match of every built-in pattern over the secret rules\' fixtures and the provider corpus files', () => {
    const corpus = filesUnder(SECRETS_CORPUS).filter((f) => /provider|token|uri|jwt/i.test(path.basename(f)));
    const texts = [...filesUnder(path.join(CORE, 'secrets')).filter((f) => f.includes(`${path.sep}tests${path.sep}`)), ...corpus].map((f) => fs.readFileSync(f, 'utf8'));
    let checked = 0;
    let claiming = 0;
    for (const { source, caseInsensitive } of builtinPatterns()) {
      const regex = compiled(source, caseInsensitive);
      const required = requiredCharacters(regex);
      const first = anchoredFirstCharacters(regex);
      if (required.length > 0 || first) claiming++;
      for (const text of texts) {
        const m = regex.matcher(text);
        while (m.find()) {
          const match = m.group(0) ?? '';
          for (const set of required) assert.ok([...set].some((ch) => match.includes(ch)), `${source} matched ${JSON.stringify(match.slice(0, 40))} without any of ${JSON.stringify(set)}`);
          if (first) assert.ok(m.start() === 0 && (match.length > 0 && (match.charCodeAt(0) >= 128 || first[match.charCodeAt(0)] === 1)), `${source} matched ${JSON.stringify(match.slice(0, 40))} at ${m.start()}`);
          if (required.length > 0 || first) checked++;
        }
      }
    }
    assert.ok(claiming > 40, `${claiming} patterns claim characters`);
    assert.ok(checked > 200, `${checked} matches checked`);
  });

  it('lets SafeRegex find exactly what RE2 finds, line by line', () => {
    const lines = filesUnder(path.join(CORE, 'secrets'))
      .filter((f) => f.includes(`${path.sep}tests${path.sep}`))
      .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n'));
    const patterns = builtinPatterns().filter((p) => requiredCharacters(compiled(p.source, p.caseInsensitive)).length > 0 || anchoredFirstCharacters(compiled(p.source, p.caseInsensitive)));
    let found = 0;
    for (const { source, caseInsensitive } of patterns) {
      const safe = new SafeRegex(source, caseInsensitive);
      const raw = compiled(source, caseInsensitive);
      for (const line of lines) {
        const expected: string[] = [];
        const m = raw.matcher(line);
        while (m.find()) expected.push(`${m.start()}:${m.group(0)}`);
        assert.deepEqual([...safe.matchAll(line)].map((x) => `${x.start}:${x.groups[0]}`), expected, source);
        assert.equal(safe.test(line), expected.length > 0, source);
        found += expected.length;
      }
    }
    assert.ok(found > 50, `${found} matches`);
  });
});
