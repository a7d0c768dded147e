import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RE2JS } from 're2js';
import { parse } from 'yaml';
import { builtinTemplates } from '../../../server/src/engine';
import { captureGroupCount } from '../../../server/src/engine/regex-groups';
import { RegexMeter, SafeRegex } from '../../../server/src/engine/safe-regex';
import { builtinPackRoot, loadValidatedPack } from '../../../server/src/node/rule-packs';

// A pattern the build already accepted is compiled on first use (startup compiles nothing); its group
// count is then read from the syntax, and must be RE2's own count for every pattern we ship.

const CORE = path.resolve(__dirname, '../../../rules/core');

function builtinPatterns(): string[] {
  const templates = builtinTemplates();
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'tests') walk(full);
      else if (e.name === 'rule.yaml') {
        const rule = parse(fs.readFileSync(full, 'utf8')) as { match: { template: string; params?: unknown } };
        templates.get(rule.match.template)?.instantiate((rule.match.params ?? {}) as never, (source, ci) => {
          sources.push(source);
          return new SafeRegex(source, ci);
        });
      }
    }
  };
  walk(CORE);
  return sources;
}

describe('deferred regexes', () => {
  it('the syntax count of capture groups is RE2\'s for every built-in pattern', () => {
    const sources = builtinPatterns();
    assert.ok(sources.length > 150, `expected the built-in pack's patterns, got ${sources.length}`);
    const wrong = sources.filter((s) => captureGroupCount(s) !== RE2JS.compile(s).groupCount());
    assert.deepEqual(wrong, []);
  });

  it('counts only capturing groups, whatever escapes, classes and quotes surround them', () => {
    const cases: [string, number][] = [
      ['(a)(b)', 2],
      ['(?:a)(b)', 1],
      ['(?i)(a)', 1],
      ['(?i:a)', 0],
      ['(?P<name>a)', 1],
      ['(?<name>a)', 1],
      ['\\(a\\)', 0],
      ['[(]', 0],
      ['[]()]', 0],
      ['[^](]', 0],
      ['[[:alpha:](]', 0],
      ['[\\]()](x)', 1],
      ['\\Q(a)\\E(b)', 1],
      ['\\Q(a)', 0],
    ];
    for (const [source, groups] of cases) {
      assert.equal(RE2JS.compile(source).groupCount(), groups, `RE2 on ${source}`);
      assert.equal(captureGroupCount(source), groups, source);
    }
  });

  it('a deferred pattern matches as an eager one and is held to the same work limit', () => {
    const text = 'a key=abc b';
    const limit = text.length * RE2JS.compile('key=(\\w+)').programSize();
    const eager = new SafeRegex('key=(\\w+)', false, new RegexMeter(limit));
    const deferredMeter = new RegexMeter(limit);
    const deferred = new SafeRegex('key=(\\w+)', false, deferredMeter, true);
    assert.equal(deferred.groupCount, 1);
    const spans = (r: SafeRegex) => [...r.matchAll(text)].map((m) => [m.start, m.end, m.groups, m.groupStart(1)]);
    const found = spans(deferred);
    assert.deepEqual(found, [[2, 9, ['key=abc', 'abc'], 6]]);
    assert.deepEqual(found, spans(eager));
    deferredMeter.reset();
    assert.throws(() => deferred.test(text + 'x'), /regex work limit/);
  });

  it('a deferred pattern over the size limit is refused when first run, not silently run', () => {
    const deferred = new SafeRegex('[a-z]{1000}[a-z]{1000}', false, undefined, true);
    assert.throws(() => deferred.test('abc'), /compiles to 2002 RE2 instructions; the limit is 1000/);
  });

  it('a deferred pattern given its facts answers the inputs they rule out without compiling, and others as an eager one', () => {
    const source = '^key=(\\w+)@';
    const eager = new SafeRegex(source);
    const facts = eager.regexFacts();
    assert.deepEqual(facts, { size: RE2JS.compile(source).programSize(), groups: 1, required: ['=', '@', 'e', 'k', 'y'], first: 'k' });
    const known = new SafeRegex(source, false, undefined, true, facts);
    assert.equal(known.groupCount, 1);
    for (const input of ['key=abc@', 'key=abc', 'akey=abc@', 'key=@']) assert.equal(known.test(input), eager.test(input), input);
    // Facts that do not belong to the pattern show when it is compiled: an input they rule out never compiles it.
    const oversized = new SafeRegex('[a-z]{1000}[a-z]{1000}', false, undefined, true, { size: 5, groups: 0, required: ['@'], first: 'x' });
    assert.equal(oversized.test('abc@'), false, 'ruled out by its first character');
    assert.equal(oversized.test('xabc'), false, 'ruled out by a required character');
    assert.throws(() => oversized.test('x@'), /compiles to 2002 RE2 instructions/);
  });

  it('the build ships the facts of every pattern the built-in pack compiles, each as the pattern itself gives them', () => {
    const { regexFacts } = loadValidatedPack(builtinPackRoot(CORE)).pack;
    const keys = Object.keys(regexFacts ?? {});
    assert.ok(keys.length > 150, `expected the built-in pack's patterns, got ${keys.length}`);
    for (const key of keys) assert.deepEqual(regexFacts?.[key], new SafeRegex(key.slice(1), key[0] === 'i').regexFacts(), key);
  });

  it('test() answers a repeated input from memory as RE2 would, and charges the meter every time', () => {
    const size = RE2JS.compile('^(?:curl|wget)$').programSize();
    const meter = new RegexMeter(3 * 'curl'.length * size);
    const regex = new SafeRegex('^(?:curl|wget)$', false, meter);
    assert.equal(regex.test('curl'), true);
    assert.equal(regex.test('curlx'), false, 'an input that differs gets its own answer');
    meter.reset();
    assert.equal(regex.test('curl'), true);
    // A fourth 'curl' takes the work past the limit: a remembered answer is no way around it.
    regex.test('curl');
    regex.test('curl');
    assert.throws(() => regex.test('curl'), /regex work limit/);
    const long = 'x'.repeat(600) + 'wget';
    assert.equal(new SafeRegex('wget$').test(long), true, 'a long input is matched, not remembered');
    assert.equal(new SafeRegex('^wget$').test(long), false);
  });
});
