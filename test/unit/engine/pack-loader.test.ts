import * as assert from 'node:assert/strict';
import { PackLoader } from '../../../server/src/engine';
import { PACK_YAML, TEST_TEMPLATES, ruleYaml } from './test-templates';

describe('PackLoader', () => {
  const loader = new PackLoader(TEST_TEMPLATES);
  const load = (files: Record<string, string>) => loader.load('/packs/test', Object.entries(files).map(([path, text]) => ({ path, text })));

  it('loads a valid pack and its rules with docs', () => {
    const { pack, errors } = load({
      'pack.yaml': PACK_YAML,
      'r/word-rule/rule.yaml': ruleYaml('word-rule', 'test-word', '{ word: secret }', 'fix: { kind: suggestion }\n'),
      'r/word-rule/README.md': '# word-rule\n',
    });
    assert.deepEqual(errors, []);
    assert.equal(pack?.info.id, 'test');
    assert.deepEqual(pack?.rules.map((r) => [r.meta.id, r.meta.language, r.meta.docs, r.meta.fix?.kind]), [['word-rule', 'text', '# word-rule\n', 'suggestion']]);
  });

  const broken: { name: string; files: Record<string, string>; error: RegExp; line?: number }[] = [
    { name: 'no manifest', files: {}, error: /no pack.yaml/ },
    { name: 'manifest with an unknown field', files: { 'pack.yaml': `${PACK_YAML}owner: me\n` }, error: /unknown field "owner"/, line: 4 },
    { name: 'YAML syntax error', files: { 'pack.yaml': PACK_YAML, 'x/rule.yaml': 'id: [unclosed\n' }, error: /./ },
    { name: 'severity outside the enum', files: { 'pack.yaml': PACK_YAML, 'a/rule.yaml': ruleYaml('a', 'test-word', '{ word: x }').replace('severity: high', 'severity: urgent') }, error: /severity must be one of/, line: 3 },
    { name: 'unknown template', files: { 'pack.yaml': PACK_YAML, 'a/rule.yaml': ruleYaml('a', 'nope', '{}') }, error: /unknown template "nope"/ },
    { name: 'params the template rejects', files: { 'pack.yaml': PACK_YAML, 'a/rule.yaml': ruleYaml('a', 'test-word', '{ words: x }') }, error: /match.params/ },
    { name: 'a regex RE2 cannot compile (backreference)', files: { 'pack.yaml': PACK_YAML, 'a/rule.yaml': ruleYaml('a', 'test-word', "{ word: '(a)\\1' }") }, error: /rejected the params/ },
    { name: 'folder name differs from id', files: { 'pack.yaml': PACK_YAML, 'b/rule.yaml': ruleYaml('a', 'test-word', '{ word: x }') }, error: /must match its folder name/ },
    { name: 'a fix on a template without one', files: { 'pack.yaml': PACK_YAML, 'a/rule.yaml': ruleYaml('a', 'test-throws', '{}', 'fix: {}\n').replace('Found {{word}}.', 'Found.') }, error: /proposes no fix/ },
    { name: 'a placeholder the template does not fill', files: { 'pack.yaml': PACK_YAML, 'a/rule.yaml': ruleYaml('a', 'test-word', '{ word: x }').replace('{{word}}', '{{other}}') }, error: /placeholder \{\{other\}\}/ },
  ];
  for (const c of broken) {
    it(`reports ${c.name} without throwing`, () => {
      const { errors } = load(c.files);
      assert.ok(errors.some((e) => c.error.test(e.message)), JSON.stringify(errors));
      if (c.line !== undefined) assert.equal(errors.find((e) => c.error.test(e.message))?.line, c.line);
    });
  }

  it('keeps the valid rules of a pack that also has a broken one', () => {
    const { pack, errors } = load({
      'pack.yaml': PACK_YAML,
      'good/rule.yaml': ruleYaml('good', 'test-word', '{ word: x }'),
      'bad/rule.yaml': ruleYaml('bad', 'nope', '{}'),
    });
    assert.equal(errors.length, 1);
    assert.deepEqual(pack?.rules.map((r) => r.meta.id), ['good']);
  });
});
