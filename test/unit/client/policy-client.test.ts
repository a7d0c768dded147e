import * as assert from 'node:assert/strict';
import { readApprovedImagesOption, readPolicyOptions, readProxyOption, registryHostOf, type Inspect } from '../../../client/src/policy-settings';
import { parsePolicySettings } from '../../../server/src/lsp/policy-service';
import { parsePolicyStatus, parseStatus } from '../../../client/src/server-payloads';
import { describePolicy, describeStatus } from '../../../client/src/status-text';

// The client's half of the organisation's policy: which settings it trusts, and what the status says.

function inspector(values: Record<string, { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown }>): Inspect {
  return (key) => ({ defaultValue: key.endsWith('Minutes') ? 60 : key.endsWith('Days') ? 7 : '', ...values[key] });
}

describe('client: policy settings and status', () => {
  it('takes the policy source from user settings only, never from the workspace', () => {
    const inspect = inspector({
      'policy.ref': { globalValue: 'registry.acme.example/security/policy:stable', workspaceValue: '127.0.0.1:5000/evil:latest' },
      'policy.publicKey': { globalValue: '/etc/acme/policy.pub', workspaceFolderValue: '/tmp/evil.pub' },
      'policy.caFile': { workspaceValue: '/tmp/evil-ca.pem' },
    });
    assert.deepEqual(readPolicyOptions(inspect), {
      ref: 'registry.acme.example/security/policy:stable',
      publicKey: '/etc/acme/policy.pub',
      refreshMinutes: 60,
      maxAgeDays: 7,
    });
    assert.equal(readPolicyOptions(inspector({ 'policy.ref': { workspaceValue: '127.0.0.1:5000/evil:latest' } })), undefined, 'a workspace alone cannot turn a policy on');
  });

  it('takes bulwark.approvedImages.file from user or machine settings only', () => {
    assert.deepEqual(readApprovedImagesOption(inspector({ 'approvedImages.file': { globalValue: ' /etc/acme/approved-images.yaml ', workspaceValue: '/tmp/evil.yaml' } })), { file: '/etc/acme/approved-images.yaml' });
    assert.equal(readApprovedImagesOption(inspector({ 'approvedImages.file': { workspaceValue: '/tmp/evil.yaml', workspaceFolderValue: '/tmp/evil.yaml' } })), undefined);
    assert.equal(readApprovedImagesOption(inspector({})), undefined, 'the empty default is no list');
  });

  it('passes the signed-in credentials along', () => {
    const options = readPolicyOptions(inspector({ 'policy.ref': { globalValue: 'r.example/p:1' } }), { username: 'u', password: 'p' });
    assert.deepEqual(options?.credentials, { username: 'u', password: 'p' });
  });

  it("passes the user's http.proxy and http.noProxy, never a workspace's, and the server keeps them", () => {
    const proxy = readProxyOption(inspector({ proxy: { globalValue: ' http://proxy.corp:3128 ', workspaceValue: 'http://evil:1' }, noProxy: { globalValue: ['.corp.example', 7] } }));
    assert.deepEqual(proxy, { url: 'http://proxy.corp:3128', noProxy: ['.corp.example'] });
    assert.equal(readProxyOption(inspector({ proxy: { workspaceValue: 'http://evil:1' } })), undefined);
    const options = readPolicyOptions(inspector({ 'policy.ref': { globalValue: 'r.example/p:1' } }), undefined, proxy);
    assert.deepEqual(parsePolicySettings(options)?.proxy, { url: 'http://proxy.corp:3128', noProxy: ['.corp.example'] });
    assert.equal(parsePolicySettings({ ref: 'r.example/p:1', proxy: { url: 42 } })?.proxy, undefined, 'a malformed proxy is dropped');
  });

  it('names the registry host a login belongs to', () => {
    assert.equal(registryHostOf('registry.acme.example/security/policy:stable'), 'registry.acme.example');
    assert.equal(registryHostOf('127.0.0.1:5000/p:1'), '127.0.0.1:5000');
    assert.equal(registryHostOf('localhost/p:1'), 'localhost');
    assert.equal(registryHostOf('library/policy:1'), 'docker.io');
  });

  it('parses the policy status defensively', () => {
    assert.deepEqual(parsePolicyStatus({ state: 'verified', ref: 'r/p:1', digest: 'sha256:ab', extra: 1, version: 2 }), { state: 'verified', ref: 'r/p:1', digest: 'sha256:ab' });
    assert.deepEqual(parsePolicyStatus({ state: 'hacked' }), { state: 'none' });
    assert.deepEqual(parsePolicyStatus(undefined), { state: 'none' });
  });

  it('shows ref@digest, version and age; a failure is a warning naming the cause and the last good bundle', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    const digest = `sha256:${'a'.repeat(64)}`;
    const verified = parseStatus({
      packs: [{ id: 'core', version: '0.1.0', ruleCount: 37 }, { id: 'example', version: '0.1.0', ruleCount: 1 }],
      errors: [],
      policy: { state: 'verified', ref: 'reg.example/security/policy:stable', digest, name: 'acme', version: '1.2.0', verifiedAt: '2026-12-06T10:00:00Z', checkedAt: '2026-12-06T11:59:00Z' },
    });
    assert.deepEqual(describeStatus(verified, now), {
      text: 'Bulwark: acme 1.2.0 · 38 rules',
      detail: 'policy reg.example/security/policy:stable@sha256:aaaaaaaa…, signature verified 2 h ago',
      warning: false,
    });
    const failed = describePolicy({ state: 'error', ref: 'reg.example/p:1', digest, verifiedAt: '2026-12-04T12:00:00Z', message: 'reg.example refused the credentials' }, now);
    assert.deepEqual(failed, { detail: 'policy reg.example/p:1@sha256:aaaaaaaa… (last good, verified 2 days ago): reg.example refused the credentials', warning: true });
    assert.equal(describePolicy({ state: 'error', ref: 'reg.example/p:1', message: 'not signed' }, now).detail, 'policy reg.example/p:1 not applied: not signed');
  });
});
