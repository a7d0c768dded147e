import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import { PreparedDiagnosticsEncoder } from '../../server/src/lsp/diagnostic-json';
import { PIN_RULE, byRule, startWithTestPack } from './support/fixtures';
import type { LspTestClient } from './support/lsp-test-client';

// Delivered diagnostics are serialised once and spliced into later messages (document-diagnostics.ts,
// diagnostic-json.ts): the bytes must be those JSON.stringify writes. document-diagnostics.test.ts
// checks what is kept between deliveries against fresh conversions.

function finding(line: number, message: string): Diagnostic {
  return {
    range: { start: { line, character: 2 }, end: { line, character: 9 } },
    severity: 2,
    code: 'rule-a',
    codeDescription: { href: 'https://example.com/rule-a' },
    source: 'bulwark',
    message,
    data: { findingId: `id-${line}` },
  };
}

function publish(uri: string, version: number, diagnostics: Diagnostic[]) {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } };
}

async function encoded(encoder: PreparedDiagnosticsEncoder, msg: unknown): Promise<string> {
  return Buffer.from(await encoder.encode(msg, { charset: 'utf-8' })).toString('utf8');
}

/** The pieces the encoder is handed for `diagnostics`, as document-diagnostics.ts cuts them. */
function pieces(diagnostics: readonly Diagnostic[]): Buffer[] {
  return [Buffer.from('['), ...diagnostics.flatMap((d, i) => [...(i > 0 ? [Buffer.from(',')] : []), Buffer.from(JSON.stringify(d))]), Buffer.from(']')];
}

describe('prepared diagnostics spliced by the encoder (diagnostic-json.ts)', () => {
  it('splices a pull report’s items, and leaves messages it was not given as JSON.stringify writes them', async () => {
    const encoder = new PreparedDiagnosticsEncoder();
        const items = [finding(3, 'pulled')];
    const response = { jsonrpc: '2.0', id: 7, result: { kind: 'full', resultId: '1.abc', items } };
    encoder.prepare(items, pieces(items));
    assert.equal(await encoded(encoder, response), JSON.stringify(response));
    // An equal array that is not the prepared one is serialised whole.
    const other = publish('file:///a.yaml', 9, [finding(3, 'pulled')]);
    assert.equal(await encoded(encoder, other), JSON.stringify(other));
    const request = { jsonrpc: '2.0', id: 1, method: 'workspace/configuration', params: { items: [{ section: 'bulwark' }] } };
    assert.equal(await encoded(encoder, request), JSON.stringify(request));
  });

  it('does not splice where the message already holds the stand-in text', async () => {
    const encoder = new PreparedDiagnosticsEncoder();
    const diagnostics = [finding(1, '\u0000bulwark-prepared-diagnostics\u0000')];
    encoder.prepare(diagnostics, pieces(diagnostics));
    const msg = { ...publish('file:///\u0000bulwark-prepared-diagnostics\u0000', 1, diagnostics) };
    assert.equal(await encoded(encoder, msg), JSON.stringify(msg));
  });

  it('writes the bytes JSON.stringify writes around prepared pieces, multi-byte text included', async () => {
    const encoder = new PreparedDiagnosticsEncoder();
    const diagnostics = [finding(1, 'first “quoted” – é'), finding(4, 'second')];
    const msg = publish('file:///a “b”.yaml', 3, diagnostics);
    encoder.prepare(diagnostics, pieces(diagnostics));
    assert.equal(await encoded(encoder, msg), JSON.stringify(msg));
    const empty: Diagnostic[] = [];
    encoder.prepare(empty, pieces(empty));
    assert.equal(await encoded(encoder, publish('file:///a.yaml', 4, empty)), JSON.stringify(publish('file:///a.yaml', 4, empty)));
  });
});

describe('published diagnostics over JSON-RPC keep their bytes between versions', () => {
  let client: LspTestClient;
  beforeEach(async () => {
    client = await startWithTestPack({ mode: 'push' });
  });
  afterEach(async () => {
    await client.stop();
  });

  it('sends the same diagnostic while the finding stays, and moves it when a line is added above', async () => {
    const uri = 'file:///tmp/bulwark-server-test/json/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM node:latest\nWORKDIR /app\n');
    const [first] = byRule(await client.diagnostics(uri), PIN_RULE);
    assert.deepEqual(Object.keys(first.data as object), ['findingId']);
    client.change(uri, [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 12 } }, text: ' ' }]);
    const [second] = byRule(await client.diagnostics(uri), PIN_RULE);
    assert.deepEqual(second, first);
    client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# syntax=docker/dockerfile:1\n' }]);
    const [third] = byRule(await client.diagnostics(uri), PIN_RULE);
    assert.deepEqual(third.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 16 } });
    assert.deepEqual({ ...third, range: first.range }, first);
  });
});
