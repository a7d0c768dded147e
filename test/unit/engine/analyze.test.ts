import * as assert from 'node:assert/strict';
import { PackLoader, analyze, buildRuleSet, type RuleSet } from '../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { PACK_YAML, TEST_TEMPLATES, ruleYaml } from './test-templates';

function ruleSetOf(rules: Record<string, string>): RuleSet {
  const files = [{ path: 'pack.yaml', text: PACK_YAML }, ...Object.entries(rules).map(([id, text]) => ({ path: `${id}/rule.yaml`, text }))];
  const { pack, errors } = new PackLoader(TEST_TEMPLATES).load('/test', files);
  assert.deepEqual(errors, []);
  return buildRuleSet(pack ? [pack] : []).ruleSet;
}

describe('analyze', () => {
  const words = ruleSetOf({ 'word-rule': ruleYaml('word-rule', 'test-word', '{ word: needle }', 'fix: {}\n') });

  it('reports findings with interpolated messages, spans and fixes', () => {
    const result = analyze({ uri: 'notes.txt', text: 'hay needle hay' }, words);
    assert.equal(result.language, 'text');
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.message, f.span, f.fixes.length]), [['word-rule', 'Found needle.', { start: 4, end: 10 }, 1]]);
  });

  it('drops fixes when the rule does not declare fix:', () => {
    const noFix = ruleSetOf({ 'word-rule': ruleYaml('word-rule', 'test-word', '{ word: needle }') });
    assert.equal(analyze({ uri: 'a.txt', text: 'needle' }, noFix).findings[0].fixes.length, 0);
  });

  it('keeps fingerprints stable when unrelated lines are inserted above', () => {
    const before = analyze({ uri: 'a.txt', text: 'needle\n' }, words).findings[0].id;
    const after = analyze({ uri: 'a.txt', text: 'other\nlines\nneedle\n' }, words).findings[0].id;
    assert.equal(after, before);
  });

  it('gives repeated identical findings distinct fingerprints', () => {
    const ids = analyze({ uri: 'a.txt', text: 'needle needle' }, words).findings.map((f) => f.id);
    assert.equal(new Set(ids).size, 2);
  });

  it('applies severity overrides and turns rules off', () => {
    assert.equal(analyze({ uri: 'a.txt', text: 'needle' }, words, { severityOverrides: new Map([['word-rule', 'low']]) }).findings[0].severity, 'low');
    assert.equal(analyze({ uri: 'a.txt', text: 'needle' }, words, { severityOverrides: new Map([['word-rule', 'off']]) }).findings.length, 0);
  });

  it('isolates a throwing rule: one notice, other rules still run', () => {
    const mixed = ruleSetOf({
      'word-rule': ruleYaml('word-rule', 'test-word', '{ word: needle }'),
      'always-throws': ruleYaml('always-throws', 'test-throws', '{}').replace('Found {{word}}.', 'Never.'),
    });
    const result = analyze({ uri: 'a.txt', text: 'needle' }, mixed);
    assert.equal(result.findings.length, 1);
    assert.deepEqual(result.notices.map((n) => [n.code, n.ruleId]), [['rule-failed', 'always-throws']]);
  });

  it('reports one problem once: a specific rule hides the overlapping findings of a rule it supersedes', () => {
    const rules = ruleSetOf({
      'specific-rule': ruleYaml('specific-rule', 'test-word', '{ word: needle }', 'supersedes: [general-rule]\n'),
      'general-rule': ruleYaml('general-rule', 'test-word', '{ word: need }'),
    });
    const ids = (text: string, overrides: ReadonlyMap<string, 'off'> = new Map()) => analyze({ uri: 'a.txt', text }, rules, { severityOverrides: overrides }).findings.map((f) => f.ruleId);
    assert.deepEqual(ids('needle'), ['specific-rule']);
    assert.deepEqual(ids('need it, needle'), ['general-rule', 'specific-rule'], 'a finding elsewhere stays');
    assert.deepEqual(ids('needle', new Map([['specific-rule', 'off']])), ['general-rule'], 'the general rule reports when the specific one is off');
  });

  it('suppresses with a reasoned directive and keeps the reason', () => {
    const text = '# bulwark-ignore word-rule reason="test data" until=2099-01-01\nneedle\nneedle\n';
    const result = analyze({ uri: 'a.sh', text }, words, { now: new Date('2026-06-01') });
    assert.equal(result.findings.length, 1);
    assert.deepEqual(result.suppressed.map((s) => s.reason), ['test data']);
  });

  it('does not suppress with an expired or reasonless directive', () => {
    for (const directive of ['# bulwark-ignore word-rule reason="old" until=2020-01-01', '# bulwark-ignore word-rule']) {
      const result = analyze({ uri: 'a.sh', text: `${directive}\nneedle\n` }, words, { now: new Date('2026-06-01') });
      assert.equal(result.findings.length, 1, directive);
    }
  });

  it('with only text rules on, a directive above a Dockerfile instruction still covers its continuation lines', () => {
    // No Dockerfile rule is active, so the file is parsed only because a finding needs its instructions.
    const text = 'FROM debian:12\n# bulwark-ignore word-rule reason="test data"\nRUN echo \\\n  needle\nRUN needle\n';
    const result = analyze({ uri: 'Dockerfile', text }, words, { now: new Date('2026-06-01') });
    assert.equal(result.language, 'dockerfile');
    assert.deepEqual(result.suppressed.map((s) => s.finding.span), [{ start: 74, end: 80 }]);
    assert.deepEqual(result.findings.map((f) => f.span), [{ start: 85, end: 91 }]);
  });

  describe('bad input never throws', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join('\n');
    const inputs: { name: string; uri: string; text: string; notice?: string }[] = [
      { name: 'binary', uri: 'image.png', text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', notice: 'binary-file' },
      { name: 'over the size limit', uri: 'big.txt', text: 'x'.repeat(2_000), notice: 'file-too-large' },
      { name: 'empty Dockerfile', uri: 'Dockerfile', text: '' },
      { name: 'BOM + CRLF Dockerfile', uri: 'Dockerfile', text: '\ufeffFROM alpine:3.20\r\nUSER 10001\r\n' },
      { name: 'replacement characters from invalid UTF-8', uri: 'Dockerfile', text: 'FROM \ufffd\ufffd:latest\n' },
      { name: 'a 50,000-character line', uri: 'x.yaml', text: `apiVersion: v1\nkind: Pod\ndata:\n  k: ${'a'.repeat(50_000)}\n` },
      { name: 'a YAML alias bomb', uri: 'bomb.yaml', text: `apiVersion: v1\nkind: Pod\n${bomb}\nspec:\n  containers: [*j]\n` },
      { name: 'tabs in YAML', uri: 'x.yaml', text: 'apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n', notice: 'parse-error' },
      { name: 'comment-only and empty documents', uri: 'x.yaml', text: '# nothing\n---\n---\n# still nothing\napiVersion: v1\nkind: Pod\n' },
      { name: 'a Helm template', uri: 'templates/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\n{{- if .Values.x }}\nspec: {}\n{{- end }}\n', notice: 'templated-yaml' },
    ];
    // The core pack, so YAML of the kinds its rules read is really parsed and walked.
    const core = loadRuleSet([builtinPackRoot()]).ruleSet;
    for (const input of inputs) {
      it(input.name, () => {
        const result = analyze({ uri: input.uri, text: input.text }, core, { maxFileSize: 1_000_000 > input.text.length && input.name !== 'over the size limit' ? 1_000_000 : 1_000 });
        if (input.notice) assert.deepEqual(result.notices.map((n) => n.code), [input.notice]);
        else assert.deepEqual(result.notices, []);
      });
    }
  });
});
