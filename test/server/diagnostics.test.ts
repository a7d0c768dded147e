import * as assert from 'node:assert/strict';
import { codeActionParams, textEditsOf, type CodeAction } from './support/actions';
import { PIN_RULE, byRule, startWithTestPack } from './support/fixtures';
import { applyTextEdits, type LspTestClient } from './support/lsp-test-client';

// The editor loop over real JSON-RPC, once as a pull client (VS Code) and once as a push client (Neovim 0.7).

const URI = 'file:///tmp/bulwark-server-test/app/Dockerfile';
const DOCKERFILE = 'FROM node:latest\nWORKDIR /app\nCMD ["node", "server.js"]\n';

for (const mode of ['pull', 'push'] as const) {
  describe(`language server diagnostics (${mode} client)`, () => {
    let client: LspTestClient;
    beforeEach(async () => {
      client = await startWithTestPack({ mode });
    });
    afterEach(async () => {
      await client.stop();
    });

    it('reports a finding with its rule, range, severity and data', async () => {
      client.open(URI, 'dockerfile', DOCKERFILE);
      const [pin] = byRule(await client.diagnostics(URI), PIN_RULE);
      assert.ok(pin, 'the test rule reports FROM node:latest');
      assert.deepEqual(pin.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } });
      assert.equal(pin.severity, 1, 'high maps to Error');
      assert.equal(pin.source, 'bulwark');
      assert.equal(pin.message, 'Test rule: image "node:latest" is not pinned.');
      assert.deepEqual(pin.codeDescription, { href: 'https://docs.docker.com/reference/dockerfile/#from' });
      const data = pin.data as { findingId: unknown; ruleId: unknown; version: unknown };
      assert.equal(typeof data.findingId, 'string');
      assert.equal(data.ruleId, PIN_RULE);
      assert.equal(data.version, 1);
    });

    it('code action → apply the edit locally → didChange → the finding is gone', async () => {
      client.open(URI, 'dockerfile', DOCKERFILE);
      let text = DOCKERFILE;
      const [pin] = byRule(await client.diagnostics(URI), PIN_RULE);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(URI, pin.range, [pin]));
      const suppress = actions.find((a) => a.title === `Suppress ${PIN_RULE} with a reason`);
      assert.ok(suppress, `offered: ${actions.map((a) => a.title).join(', ')}`);
      const { edits, version } = textEditsOf(suppress);
      assert.equal(version, 1, 'the edit is versioned');
      text = applyTextEdits(text, edits);
      client.change(URI, [{ text }]);
      // Without a reason the directive suppresses nothing: the finding stays until one is typed.
      assert.equal(byRule(await client.diagnostics(URI), PIN_RULE).length, 1);
      const quote = text.indexOf('reason="') + 'reason="'.length;
      client.change(URI, [{ range: { start: { line: 0, character: quote }, end: { line: 0, character: quote } }, text: 'pinned by the base image policy' }]);
      assert.deepEqual(byRule(await client.diagnostics(URI), PIN_RULE), []);
    });

    it('follows incremental edits: ranges move and a fixed line stops reporting', async () => {
      client.open(URI, 'dockerfile', DOCKERFILE);
      assert.equal(byRule(await client.diagnostics(URI), PIN_RULE).length, 1);
      // Two changes in one notification: a comment line above, then the tag replaced (positions after the first change).
      client.change(URI, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# syntax=docker/dockerfile:1\n' },
        { range: { start: { line: 1, character: 10 }, end: { line: 1, character: 16 } }, text: '20.11-alpine' },
      ]);
      assert.deepEqual(byRule(await client.diagnostics(URI), PIN_RULE), []);
      // Deleting the tag and its colon leaves an untagged image, reported on the name.
      client.change(URI, [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 22 } }, text: '' }]);
      const [untagged] = byRule(await client.diagnostics(URI), PIN_RULE);
      assert.deepEqual(untagged?.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } });
    });

    it('forgets a closed document', async () => {
      client.open(URI, 'dockerfile', DOCKERFILE);
      assert.equal(byRule(await client.diagnostics(URI), PIN_RULE).length, 1);
      client.close(URI);
      if (mode === 'push') {
        await client.until(() => (client.published.get(URI) ?? []).at(-1)?.diagnostics.length === 0, 5000, 'diagnostics cleared on close');
      } else {
        // A pull for a document that is not open answers nothing (no scan ran).
        assert.deepEqual(await client.pull(URI), []);
      }
    });
  });
}
