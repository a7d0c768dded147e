import * as assert from 'node:assert/strict';
import { bulwarkRuleId } from '../../../client/src/diagnostic-rule';
import { describeScan, parsePolicyPreview, parseRuleDocs, parseRuleSet, parseScanSummary, parseStatus } from '../../../client/src/server-payloads';
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
    assert.deepEqual(parseRuleSet({ rules: [{ id: 'a', title: 'A', severity: 'high', language: 'dockerfile', packId: 'core' }, { title: 'no id' }] }), [
      { id: 'a', title: 'A', severity: 'high', language: 'dockerfile', packId: 'core' },
    ]);
    assert.deepEqual(parseRuleSet([{ id: 'b' }]), [{ id: 'b', title: 'b', severity: '', language: '', packId: '' }]);
    assert.deepEqual(parseRuleDocs(null, 'unknown-rule'), { title: 'unknown-rule', markdown: '# unknown-rule\n\nNo documentation for this rule.' });
    assert.deepEqual(parseScanSummary({ files: 3, findings: [{}, {}] }), { files: 3, findings: 2, skipped: 0, unreadable: 0 });
    assert.deepEqual(parseScanSummary({ files: 0, findings: 0, skipped: 4, unreadable: 2 }), { files: 0, findings: 0, skipped: 4, unreadable: 2 });
    assert.equal(parseScanSummary('nope'), undefined, 'no summary is not "0 files"');
    assert.equal(parseScanSummary({ findings: 1 }), undefined);
  });

  it('describes a failed or unreadable workspace scan as a failure, never as "0 files: 0 findings"', () => {
    assert.deepEqual(describeScan({ summary: { files: 2, findings: 1, skipped: 0, unreadable: 0 } }), { level: 'info', text: 'Bulwark scanned 2 files: 1 finding.' });
    assert.deepEqual(describeScan({ summary: { files: 2, findings: 0, skipped: 0, unreadable: 1 } }), {
      level: 'warning',
      text: 'Bulwark scanned 2 files: 0 findings. The scan is incomplete: 1 path could not be read (see the Bulwark log).',
    });
    assert.deepEqual(describeScan({ summary: { files: 0, findings: 0, skipped: 0, unreadable: 3 } }), {
      level: 'error',
      text: 'Bulwark could not scan the workspace: 3 paths could not be read and no file was analysed (see the Bulwark log).',
    });
    assert.deepEqual(describeScan({ error: 'Request bulwark/scanWorkspace failed: boom' }), {
      level: 'error',
      text: 'Bulwark: the workspace scan failed: Request bulwark/scanWorkspace failed: boom (see the Bulwark log).',
    });
    assert.equal(describeScan({ summary: parseScanSummary(null) }).level, 'error');
  });

  it('finds the rule id of Bulwark diagnostics only', () => {
    assert.equal(bulwarkRuleId({ source: 'bulwark', code: 'docker-image-latest-tag' }), 'docker-image-latest-tag');
    assert.equal(bulwarkRuleId({ source: 'bulwark', code: { value: 'secret-aws-access-key' } }), 'secret-aws-access-key');
    assert.equal(bulwarkRuleId({ source: 'hadolint', code: 'DL3007' }), undefined);
    assert.equal(bulwarkRuleId({ source: 'bulwark', code: 7 }), undefined);
  });

  it('turns a policy preview answer into its report, and a failed or malformed one into a message', () => {
    const answer = {
      ok: true,
      candidate: { name: 'acme-policy', version: '1.4.0', digest: 'sha256:' + 'a'.repeat(64) },
      against: 'the built-in rules',
      added: [{}],
      removed: [],
      changed: [{}, {}],
      text: '+ Dockerfile:2:5: acme-run-netcat medium RUN uses nc.\n\n1 new, 0 gone, 2 with another severity.\n',
    };
    assert.deepEqual(parsePolicyPreview(answer), {
      ok: true,
      counts: '1 new, 0 gone, 2 with another severity',
      report: `Preview of policy acme-policy 1.4.0 (sha256:${'a'.repeat(64)}) against the built-in rules\n\n${answer.text}`,
    });
    assert.deepEqual(parsePolicyPreview({ ok: false, message: 'cannot read the policy bundle "/x"' }), { ok: false, message: 'cannot read the policy bundle "/x"' });
    assert.deepEqual(parsePolicyPreview(null), { ok: false, message: 'the server sent no preview' });
    assert.deepEqual(parsePolicyPreview({ ok: true, added: 'x' }), { ok: true, counts: '0 new, 0 gone, 0 with another severity', report: 'Preview of policy ? ? (?) against ?\n\n0 new, 0 gone, 0 with another severity.\n' });
  });
});
