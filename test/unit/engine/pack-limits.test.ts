import * as assert from 'node:assert/strict';
import { PackLoader, analyze, buildRuleSet, type RuleSet, type SeverityOverride } from '../../../server/src/engine';
import { MAX_PACK_FILE_CHARS } from '../../../server/src/engine/packs/pack-yaml';
import { MAX_PROGRAM_SIZE, SafeRegex } from '../../../server/src/engine/safe-regex';
import { parseSettings } from '../../../server/src/protocol/settings';
import { aliasBomb } from '../../support/hostile-packs';
import { PACK_YAML, TEST_TEMPLATES, ruleYaml } from './test-templates';

// The pure loader and the regex wrapper hold their limits on their own, whoever reads the files
// (the CLI, the server, the policy bundle): each breach is one error with file and line.

const loader = new PackLoader(TEST_TEMPLATES);
const load = (files: Record<string, string>) => loader.load('/packs/test', Object.entries(files).map(([path, text]) => ({ path, text })));

function ruleSetOf(files: Record<string, string>): RuleSet {
  const { pack, errors } = load({ 'pack.yaml': PACK_YAML, ...files });
  assert.deepEqual(errors, []);
  return buildRuleSet(pack ? [pack] : []).ruleSet;
}

describe('pack limits', () => {
  it('an alias bomb is one error at the first alias, not an exception', () => {
    const { pack, errors } = load({ 'pack.yaml': PACK_YAML, 'bomb/rule.yaml': aliasBomb('bomb'), 'ok/rule.yaml': ruleYaml('ok', 'test-word', '{ word: x }') });
    assert.deepEqual(errors.map((e) => [e.file, e.line]), [['bomb/rule.yaml', 3]]);
    assert.match(errors[0].message, /expands aliases too much/);
    assert.deepEqual(pack?.rules.map((r) => r.meta.id), ['ok'], 'the other rule of the pack still loads');
  });

  it('deeply nested brackets are refused before the YAML parser sees them', () => {
    const { errors } = load({ 'pack.yaml': PACK_YAML, 'deep/rule.yaml': `id: deep\nmatch: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n` });
    assert.deepEqual(errors, [{ file: 'deep/rule.yaml', line: 2, message: 'brackets ([ or {) nest deeper than 64 levels' }]);
  });

  it('a pack file over the size limit is refused, even when a caller read it', () => {
    const { errors } = load({ 'pack.yaml': `${PACK_YAML}#${'x'.repeat(MAX_PACK_FILE_CHARS)}\n` });
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /^the file is too large \(262,\d{3} characters; the limit for pack files is 262,144\)$/);
  });

  for (const id of ['__proto__', 'toString', 'hasOwnProperty', 'a'.repeat(65)]) {
    it(`refuses the rule id ${id.slice(0, 20)} by the schema, with its line`, () => {
      const { errors } = load({ 'pack.yaml': PACK_YAML, [`${id}/rule.yaml`]: ruleYaml(id, 'test-word', '{ word: x }') });
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.equal(errors[0].line, 1);
      assert.match(errors[0].message, /^id must (match pattern|NOT have more than 64 characters)/);
    });
  }

  it('a rule named constructor has its own severity, and Map overrides from settings apply to it alone', () => {
    const rules = ruleSetOf({ 'constructor/rule.yaml': ruleYaml('constructor', 'test-word', '{ word: needle }').replace('severity: high', 'severity: medium') });
    const severity = (overrides?: ReadonlyMap<string, SeverityOverride>) => analyze({ uri: 'a.txt', text: 'needle' }, rules, { severityOverrides: overrides }).findings.map((f) => f.severity);
    assert.deepEqual(severity(), ['medium']);
    assert.deepEqual(severity(parseSettings({}).severityOverrides), ['medium'], 'the default (empty) overrides name no rule');
    const settings = parseSettings(JSON.parse('{"severityOverrides": {"__proto__": "off", "toString": "off", "hasOwnProperty": "info", "constructor": "low"}}'));
    assert.deepEqual([...settings.severityOverrides], [['__proto__', 'off'], ['toString', 'off'], ['hasOwnProperty', 'info'], ['constructor', 'low']]);
    assert.deepEqual(severity(settings.severityOverrides), ['low']);
    assert.deepEqual(severity(parseSettings({ severityOverrides: { toString: 'off' } }).severityOverrides), ['medium']);
  });

  it('refuses a pattern over the length or program-size limit, naming the limit', () => {
    assert.throws(() => new SafeRegex('a'.repeat(1001)), /the pattern "a{40}…" is 1001 characters long; the limit is 1000/);
    assert.throws(() => new SafeRegex('[a-z]{1000}[a-z]{1000}'), /the pattern "\[a-z\]\{1000\}\[a-z\]\{1000\}" compiles to 2002 RE2 instructions; the limit is 1000/);
    assert.equal(SafeRegex.validate('[a-z]{990}'), undefined);
    assert.ok(MAX_PROGRAM_SIZE >= 320, 'the largest built-in pattern fits');
    const { errors } = load({ 'pack.yaml': PACK_YAML, 'big/rule.yaml': ruleYaml('big', 'test-word', "{ word: '[a-z]{600}[a-z]{600}' }") });
    assert.deepEqual(errors.map((e) => [e.file, e.line]), [['big/rule.yaml', 10]]);
    assert.match(errors[0].message, /rejected the params: the pattern "\[a-z\]\{600\}\[a-z\]\{600\}" compiles to 1202 RE2 instructions/);
  });

  it('meters regex work per rule and file: over the limit is a rule-failed notice, the next file starts from zero', () => {
    const rules = ruleSetOf({ 'wide/rule.yaml': ruleYaml('wide', 'test-word', "{ word: '[a-z]{900}x' }") });
    // ~903 instructions: 50,000 characters is ~45 million, 150,000 is ~135 million (limit 100 million).
    const small = { uri: 'small.txt', text: 'a'.repeat(50_000) };
    const large = { uri: 'large.txt', text: 'a'.repeat(150_000) };
    for (let i = 0; i < 3; i++) assert.deepEqual(analyze(small, rules).notices, [], `run ${i}: each file has its own budget`);
    const notices = analyze(large, rules).notices;
    assert.deepEqual(notices.map((n) => [n.code, n.ruleId]), [['rule-failed', 'wide']]);
    assert.match(notices[0].message, /regex work limit allows on this file \(input length × program size over 100,000,000\)/);
    assert.deepEqual(analyze(small, rules).notices, [], 'a failure on one file does not carry over to the next');
  });
});
