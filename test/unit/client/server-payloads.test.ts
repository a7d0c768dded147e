import * as assert from 'node:assert/strict';
import { bulwarkRuleId } from '../../../client/src/diagnostic-rule';
import { parseRuleDocs, parseRuleSet, parseScanSummary, parseStatus } from '../../../client/src/server-payloads';
import { describeStatus } from '../../../client/src/status-text';

describe('client: server payloads and the status text', () => {
  it('describes the rule set in use, and warns with the number of pack errors', () => {
    const status = parseStatus({ packs: [{ id: 'core', version: '0.1.0', ruleCount: 42 }], errors: [] });
    assert.deepEqual(describeStatus(status), { text: 'Bulwark: core 0.1.0 · 42 rules', detail: 'rule set loaded', warning: false });
    const broken = parseStatus({
      packs: [{ id: 'core', version: '0.1.0', ruleCount: 1 }, { id: 'team', version: '2.0.0', ruleCount: 3 }],
      errors: [{ pack: '/packs/team', file: 'x/rule.yaml', message: 'unknown template' }],
    });
    assert.deepEqual(describeStatus(broken), { text: 'Bulwark: core 0.1.0, team 2.0.0 · 4 rules', detail: '1 pack error (see the Bulwark output)', warning: true });
    assert.deepEqual(broken.errors, ['/packs/team: x/rule.yaml: unknown template']);
  });

  it('keeps what is well-formed in malformed payloads instead of throwing', () => {
    assert.deepEqual(parseStatus(null), { packs: [], errors: [], policy: { state: 'none' } });
    assert.deepEqual(parseStatus({ packs: [{ version: 1 }, { id: 'core' }], errors: 'x' }), { packs: [{ id: 'core', version: '', ruleCount: 0 }], errors: [], policy: { state: 'none' } });
    assert.equal(describeStatus(parseStatus({})).text, 'Bulwark: no packs · 0 rules');
    assert.deepEqual(parseRuleSet({ rules: [{ id: 'a', title: 'A', severity: 'high', language: 'dockerfile' }, { title: 'no id' }] }), [
      { id: 'a', title: 'A', severity: 'high', language: 'dockerfile' },
    ]);
    assert.deepEqual(parseRuleSet([{ id: 'b' }]), [{ id: 'b', title: 'b', severity: '', language: '' }]);
    assert.deepEqual(parseRuleDocs(null, 'unknown-rule'), { title: 'unknown-rule', markdown: '# unknown-rule\n\nNo documentation for this rule.' });
    assert.deepEqual(parseScanSummary({ files: 3, findings: [{}, {}] }), { files: 3, findings: 2 });
    assert.deepEqual(parseScanSummary('nope'), { files: 0, findings: 0 });
  });

  it('finds the rule id of Bulwark diagnostics only', () => {
    assert.equal(bulwarkRuleId({ source: 'bulwark', code: 'docker-image-latest-tag' }), 'docker-image-latest-tag');
    assert.equal(bulwarkRuleId({ source: 'bulwark', code: { value: 'secret-aws-access-key' } }), 'secret-aws-access-key');
    assert.equal(bulwarkRuleId({ source: 'hadolint', code: 'DL3007' }), undefined);
    assert.equal(bulwarkRuleId({ source: 'bulwark', code: 7 }), undefined);
  });
});
