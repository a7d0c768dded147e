import * as assert from 'node:assert/strict';
import { DIGEST_RULE, PIN_RULE, TEST_PACK, builtinRulesOff, startWithTestPack } from './support/fixtures';
import type { LspTestClient } from './support/lsp-test-client';

const URI = 'file:///tmp/bulwark-server-test/hover/Dockerfile';

describe('language server hover and rule documentation', () => {
  let client: LspTestClient;
  before(async () => {
    client = await startWithTestPack({ mode: 'pull', settings: { severityOverrides: builtinRulesOff() } });
    client.open(URI, 'dockerfile', 'FROM node:latest\nRUN echo ok\n');
  });
  after(async () => {
    await client.stop();
  });

  it('explains a finding under the cursor in markdown', async () => {
    const hover = await client.request<{ contents: { kind: string; value: string }; range: unknown } | null>('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 0, character: 12 },
    });
    assert.ok(hover);
    assert.equal(hover.contents.kind, 'markdown');
    const md = hover.contents.value;
    for (const expected of [
      '**Test image is not pinned**',
      'Test rule: image "node:latest" is not pinned.',
      '**Why it matters**',
      'The server tests need one rule they own.',
      '**How to fix**',
      'Pin the image to a version tag.',
      'hadolint DL3007 · Trivy DS-0001 · Checkov CKV_DOCKER_7',
      '[CWE-1357](https://cwe.mitre.org/data/definitions/1357.html)',
      `Rule \`${PIN_RULE}\` · pack \`server-test\``,
    ]) {
      assert.ok(md.includes(expected), `hover lacks ${JSON.stringify(expected)}:\n${md}`);
    }
  });

  it('answers no hover away from findings', async () => {
    const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 5 } });
    assert.equal(hover, null);
  });

  it('returns a rule README as its documentation', async () => {
    const docs = await client.request<{ title: string; markdown: string } | null>('bulwark/ruleDocs', { ruleId: PIN_RULE });
    assert.equal(docs?.title, 'Test image is not pinned');
    assert.ok(docs?.markdown.includes('Documentation shipped with the test rule'));
  });

  it('renders documentation from the metadata when there is no README', async () => {
    const docs = await client.request<{ title: string; markdown: string } | null>('bulwark/ruleDocs', { ruleId: DIGEST_RULE });
    assert.ok(docs?.markdown.startsWith('# Test image is not pinned by digest'), docs?.markdown);
    assert.ok(docs?.markdown.includes('Add the image digest.'));
  });

  it('answers null for an unknown rule and for malformed params', async () => {
    assert.equal(await client.request('bulwark/ruleDocs', { ruleId: 'no-such-rule' }), null);
    assert.equal(await client.request('bulwark/ruleDocs', { ruleId: 42 }), null);
  });

  it('lists the rule set for the status item', async () => {
    const set = await client.request<{ rules: { id: string; title: string; severity: string; language: string }[]; packs: { id: string; version: string; ruleCount: number }[] }>('bulwark/ruleSet', {});
    const pin = set.rules.find((r) => r.id === PIN_RULE);
    assert.deepEqual(pin && { title: pin.title, severity: pin.severity, language: pin.language }, { title: 'Test image is not pinned', severity: 'high', language: 'dockerfile' });
    assert.deepEqual(set.packs.find((p) => p.id === 'server-test'), { id: 'server-test', version: '1.2.3', ruleCount: 6 });
    assert.ok(set.packs.some((p) => p.id === 'core'), 'the built-in pack is loaded too');
  });

  it('sent bulwark/status with the packs after initialized', async () => {
    await client.until(() => client.notifications.some((n) => n.method === 'bulwark/status'), 5000, 'bulwark/status');
    const status = client.notifications.find((n) => n.method === 'bulwark/status')?.params as { packs: { id: string }[]; errors: unknown[] } | undefined;
    assert.ok(status?.packs.some((p) => p.id === 'server-test'));
    assert.deepEqual(status?.errors, []);
  });
});

describe('language server with a broken pack', () => {
  it('reports pack errors once in bulwark/status and keeps serving the other rules', async () => {
    const client = await startWithTestPack({ mode: 'pull', extraPackRoots: [`${TEST_PACK}-that-does-not-exist`] });
    try {
      await client.until(() => client.notifications.some((n) => n.method === 'bulwark/status'), 5000, 'bulwark/status');
      const statuses = client.notifications.filter((n) => n.method === 'bulwark/status');
      assert.equal(statuses.length, 1);
      const errors = (statuses[0].params as { errors: { pack: string; message: string }[] }).errors;
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /cannot read pack/);
      client.open(URI, 'dockerfile', 'FROM node:latest\n');
      const diagnostics = await client.pull(URI);
      assert.ok(diagnostics.some((d) => d.code === PIN_RULE));
    } finally {
      await client.stop();
    }
  });
});
