import * as assert from 'node:assert/strict';
import { buildRuleSet, PackLoader } from '../../server/src/engine';
import { AnalysisService, type AnalysisDeps } from '../../server/src/lsp/analysis-service';
import { DEFAULT_SETTINGS } from '../../server/src/protocol/settings';
import { PACK_YAML, ruleYaml, TEST_TEMPLATES } from '../unit/engine/test-templates';

// "No handler ever crashes the server: a failing rule is reported once and the others still run."
// A pack rule cannot carry code, so a throwing template stands in for a buggy matcher.

function serviceWithThrowingRule(log: string[]): AnalysisService {
  const files = [
    { path: 'pack.yaml', text: PACK_YAML },
    { path: 'word-rule/rule.yaml', text: ruleYaml('word-rule', 'test-word', '{ word: needle }') },
    { path: 'always-throws/rule.yaml', text: ruleYaml('always-throws', 'test-throws', '{}').replace('Found {{word}}.', 'Never.') },
  ];
  const { pack, errors } = new PackLoader(TEST_TEMPLATES).load('/test', files);
  assert.deepEqual(errors, []);
  const { ruleSet } = buildRuleSet(pack ? [pack] : []);
  const deps = {
    rules: { ruleSet },
    settings: { generation: 0, get: () => Promise.resolve(DEFAULT_SETTINGS) },
    exclude: { isExcluded: () => false },
    log: (message: string) => log.push(message),
    now: () => new Date('2026-06-01T00:00:00Z'),
  } as unknown as AnalysisDeps;
  return new AnalysisService(deps);
}

describe('language server with a failing rule', () => {
  it('keeps the other rules running and logs the failure once per file', async () => {
    const log: string[] = [];
    const service = serviceWithThrowingRule(log);
    service.opened('file:///w/a.txt');
    for (let version = 1; version <= 3; version++) {
      const text = `needle ${'x'.repeat(version)}`;
      const { result } = await service.analyzeDocument({ uri: 'file:///w/a.txt', version, languageId: 'plaintext', getText: () => text });
      assert.deepEqual(result.findings.map((f) => f.ruleId), ['word-rule']);
      assert.deepEqual(result.notices.map((n) => [n.code, n.ruleId]), [['rule-failed', 'always-throws']]);
    }
    assert.equal(log.length, 1, log.join('\n'));
    assert.match(log[0], /always-throws.*file:\/\/\/w\/a\.txt/);
  });

  it('logs again for another file and after the file was closed and reopened', async () => {
    const log: string[] = [];
    const service = serviceWithThrowingRule(log);
    const analyse = (uri: string, version: number) => service.analyzeDocument({ uri, version, languageId: 'plaintext', getText: () => 'needle' });
    service.opened('file:///w/a.txt');
    await analyse('file:///w/a.txt', 1);
    await analyse('file:///w/b.txt', 1);
    service.closed('file:///w/a.txt');
    service.opened('file:///w/a.txt');
    await analyse('file:///w/a.txt', 1);
    assert.equal(log.length, 3, log.join('\n'));
  });
});
