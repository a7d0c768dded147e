import * as assert from 'node:assert/strict';
import { codeActionParams, textEditsOf, type CodeAction } from './support/actions';
import { PIN_RULE, byRule, startWithTestPack } from './support/fixtures';
import { applyTextEdits, type LspTestClient } from './support/lsp-test-client';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/protocol/server-process';

// The editor loop over real JSON-RPC, once as a pull client (VS Code) and once as a push client (Neovim 0.7),
// with the server launched as the VS Code client launches it (its node flags and environment).

const URI = 'file:///tmp/bulwark-server-test/app/Dockerfile';
const DOCKERFILE = 'FROM node:latest\nWORKDIR /app\nCMD ["node", "server.js"]\n';

for (const mode of ['pull', 'push'] as const) {
  describe(`language server diagnostics (${mode} client)`, () => {
    let client: LspTestClient;
    beforeEach(async () => {
      client = await startWithTestPack({ mode, nodeArgs: SERVER_NODE_FLAGS, env: SERVER_ENV });
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
      // The finding's id only: the rule is the code, and code actions read the current analysis.
      const data = pin.data as { findingId: unknown };
      assert.deepEqual(Object.keys(data), ['findingId']);
      assert.equal(typeof data.findingId, 'string');
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

describe('language server pull result ids (LSP 3.17 previousResultId)', () => {
  interface Report {
    kind: 'full' | 'unchanged';
    resultId?: string;
    items?: import('./support/lsp-test-client').Diagnostic[];
  }
  let client: LspTestClient;
  beforeEach(async () => {
    client = await startWithTestPack({ mode: 'pull' });
  });
  afterEach(async () => {
    await client.stop();
  });
  const pull = (previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri: URI }, ...(previousResultId ? { previousResultId } : {}) });
  const endOfLine1 = { line: 1, character: 'WORKDIR /app'.length };

  it('answers unchanged while the diagnostics stay the same, and in full once they move', async () => {
    client.open(URI, 'dockerfile', DOCKERFILE);
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId);
    assert.equal(byRule(first.items ?? [], PIN_RULE).length, 1);
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });

    // A space typed at the end of a line below the finding, then deleted: nothing the client shows moves.
    client.change(URI, [{ range: { start: endOfLine1, end: endOfLine1 }, text: ' ' }]);
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    client.change(URI, [{ range: { start: endOfLine1, end: { line: 1, character: endOfLine1.character + 1 } }, text: '' }]);
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });

    // A line inserted above moves the finding: a full report with a new id and the new range.
    client.change(URI, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# base\n' }]);
    const moved = await pull(first.resultId);
    assert.equal(moved.kind, 'full');
    assert.notEqual(moved.resultId, first.resultId);
    assert.deepEqual(byRule(moved.items ?? [], PIN_RULE)[0]?.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 16 } });
    // Without a previous id the client always gets the full list.
    assert.equal((await pull()).kind, 'full');
  });

  it('keeps the diagnostics a client holds from an earlier version usable for code actions', async () => {
    client.open(URI, 'dockerfile', DOCKERFILE);
    const first = await pull();
    const [pin] = byRule(first.items ?? [], PIN_RULE);
    client.change(URI, [{ range: { start: endOfLine1, end: endOfLine1 }, text: ' ' }]);
    assert.equal((await pull(first.resultId)).kind, 'unchanged');
    // The client still shows `pin`, from version 1; the document is at version 2.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(URI, pin.range, [pin]));
    const suppress = actions.find((a) => a.title === `Suppress ${PIN_RULE} with a reason`);
    assert.ok(suppress, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(textEditsOf(suppress).version, 2);
  });
});
