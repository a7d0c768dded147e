import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticJsonCache, PreparedDiagnosticsEncoder, shownKey } from '../../server/src/lsp/diagnostic-json';
import { PIN_RULE, byRule, startWithTestPack } from './support/fixtures';
import type { LspTestClient } from './support/lsp-test-client';

// Published diagnostics are serialised once and spliced into later messages (diagnostic-json.ts): the
// bytes must be those JSON.stringify writes, with each publish's own document version.

function finding(line: number, message: string, version: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  return {
    range: { start: { line, character: 2 }, end: { line, character: 9 } },
    severity: 2,
    code: 'rule-a',
    codeDescription: { href: 'https://example.com/rule-a' },
    source: 'bulwark',
    message,
    ...extra,
    data: { findingId: `id-${line}`, ruleId: 'rule-a', version },
  };
}

const notice: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, severity: 4, code: 'bulwark/templated-yaml', source: 'bulwark', message: 'templated' };

function publish(uri: string, version: number, diagnostics: Diagnostic[]) {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } };
}

async function encoded(encoder: PreparedDiagnosticsEncoder, msg: unknown): Promise<string> {
  return Buffer.from(await encoder.encode(msg, { charset: 'utf-8' })).toString('utf8');
}

describe('diagnostics serialised once (diagnostic-json.ts)', () => {
  it('writes the bytes JSON.stringify writes, with each publish’s version, across publishes that reuse them', async () => {
    const encoder = new PreparedDiagnosticsEncoder();
    const cache = new DiagnosticJsonCache();
    const versions: [number, Diagnostic[]][] = [
      [1, [finding(1, 'first “quoted” – é', 1), finding(4, 'second', 1), notice]],
      // The same findings at the next version: their bytes are reused, the version is this one.
      [2, [finding(1, 'first “quoted” – é', 2), finding(4, 'second', 2), notice]],
      // One moved, one changed its message, one new with related information.
      [3, [finding(2, 'first “quoted” – é', 3), finding(4, 'second, changed', 3), finding(7, 'third', 3, { relatedInformation: [{ location: { uri: 'file:///b.yaml', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } }, message: 'there' }] })]],
      // The related location moved in the other file: that alone must show.
      [4, [finding(7, 'third', 4, { relatedInformation: [{ location: { uri: 'file:///b.yaml', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } } }, message: 'there' }] })]],
      [5, []],
    ];
    for (const [version, diagnostics] of versions) {
      const msg = publish('file:///a.yaml', version, diagnostics);
      encoder.prepare(diagnostics, cache.arrayJson(diagnostics, version));
      assert.equal(await encoded(encoder, msg), JSON.stringify(msg), `version ${version}`);
    }
  });

  it('finds a finding’s bytes again by its id only while every field it shows is the same', async () => {
    const encoder = new PreparedDiagnosticsEncoder();
    const cache = new DiagnosticJsonCache();
    const same = (version: number, extra: Partial<Diagnostic> = {}) => finding(5, 'kept', version, extra);
    const related = (line: number) => ({ relatedInformation: [{ location: { uri: 'file:///b.yaml', range: { start: { line, character: 0 }, end: { line, character: 3 } } }, message: 'there' }] });
    // Each publish keeps data.findingId 'id-5' and changes one shown field (or none), the way a finding
    // keeps its id while its line is edited; the bytes must follow every change.
    const publishes: Diagnostic[][] = [
      [same(1)],
      [same(2)],
      [same(3, { range: { start: { line: 5, character: 3 }, end: { line: 5, character: 9 } } })],
      [same(4, { range: { start: { line: 5, character: 3 }, end: { line: 6, character: 0 } } })],
      [same(5, { severity: 1 })],
      [same(6, { code: 'rule-b' })],
      [same(7, { codeDescription: { href: 'https://example.com/other' } })],
      [same(8, { source: 'other' })],
      [same(9, { message: 'changed' })],
      [{ ...same(10), data: { findingId: 'id-5', ruleId: 'rule-b', version: 10 } }],
      [same(11, related(1))],
      [same(12, related(2))],
      [same(13)],
      // Two diagnostics with one id: each keeps its own bytes.
      [same(14), same(14, { message: 'twin' })],
      [same(15), same(15, { message: 'twin' })],
    ];
    for (const [i, diagnostics] of publishes.entries()) {
      const version = i + 1;
      const msg = publish('file:///a.yaml', version, diagnostics);
      encoder.prepare(diagnostics, cache.arrayJson(diagnostics, version));
      assert.equal(await encoded(encoder, msg), JSON.stringify(msg), `publish ${version}`);
    }
  });

  it('splices a pull report’s items, and leaves messages it was not given as JSON.stringify writes them', async () => {
    const encoder = new PreparedDiagnosticsEncoder();
    const cache = new DiagnosticJsonCache();
    const items = [finding(3, 'pulled', 9)];
    const response = { jsonrpc: '2.0', id: 7, result: { kind: 'full', resultId: '1.abc', items } };
    encoder.prepare(items, cache.arrayJson(items, 9));
    assert.equal(await encoded(encoder, response), JSON.stringify(response));
    // An equal array that is not the prepared one is serialised whole.
    const other = publish('file:///a.yaml', 9, [finding(3, 'pulled', 9)]);
    assert.equal(await encoded(encoder, other), JSON.stringify(other));
    const request = { jsonrpc: '2.0', id: 1, method: 'workspace/configuration', params: { items: [{ section: 'bulwark' }] } };
    assert.equal(await encoded(encoder, request), JSON.stringify(request));
  });

  it('does not splice where the message already holds the stand-in text', async () => {
    const encoder = new PreparedDiagnosticsEncoder();
    const diagnostics = [finding(1, '\u0000bulwark-prepared-diagnostics\u0000', 1)];
    encoder.prepare(diagnostics, new DiagnosticJsonCache().arrayJson(diagnostics, 1));
    const msg = { ...publish('file:///\u0000bulwark-prepared-diagnostics\u0000', 1, diagnostics) };
    assert.equal(await encoded(encoder, msg), JSON.stringify(msg));
  });

  it('keys a diagnostic by everything it shows but the version, and keeps none with fields it does not know', () => {
    const base = shownKey(finding(1, 'm', 1));
    assert.equal(shownKey(finding(1, 'm', 2)), base, 'the version is spliced, not keyed');
    const variants: Diagnostic[] = [
      finding(1, 'm2', 1),
      finding(2, 'm', 1),
      finding(1, 'm', 1, { severity: 1 }),
      finding(1, 'm', 1, { code: 'rule-b' }),
      finding(1, 'm', 1, { codeDescription: { href: 'https://example.com/other' } }),
      finding(1, 'm', 1, { source: 'other' }),
      { ...finding(1, 'm', 1), data: { findingId: 'id-other', ruleId: 'rule-a', version: 1 } },
      { ...finding(1, 'm', 1), data: { findingId: 'id-1', ruleId: 'rule-b', version: 1 } },
    ];
    for (const v of variants) assert.notEqual(shownKey(v), base, JSON.stringify(v));
    assert.notEqual(shownKey({ ...notice, code: 1 }), shownKey({ ...notice, code: '1' }), 'a number code and a string code serialise differently');
    assert.equal(shownKey({ ...finding(1, 'm', 1), tags: [1] }), undefined);
    assert.equal(shownKey({ ...finding(1, 'm', 1), data: { findingId: 'x', ruleId: 'y', version: 1, more: true } }), undefined);
  });

  it('serialises a diagnostic with fields it does not key at every publish', () => {
    const cache = new DiagnosticJsonCache();
    const tagged = (tags: (1 | 2)[]) => ({ ...notice, tags });
    assert.deepEqual(JSON.parse(cache.arrayJson([tagged([1])], 1).toString('utf8')), [tagged([1])]);
    assert.deepEqual(JSON.parse(cache.arrayJson([tagged([2])], 2).toString('utf8')), [tagged([2])]);
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

  it('carries each version in data while the finding stays, and moves it when a line is added above', async () => {
    const uri = 'file:///tmp/bulwark-server-test/json/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM node:latest\nWORKDIR /app\n');
    const [first] = byRule(await client.diagnostics(uri), PIN_RULE);
    assert.equal((first.data as { version: number }).version, 1);
    const v2 = client.change(uri, [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 12 } }, text: ' ' }]);
    const [second] = byRule(await client.diagnostics(uri), PIN_RULE);
    assert.deepEqual({ ...second, data: undefined }, { ...first, data: undefined });
    assert.deepEqual(second.data, { ...(first.data as object), version: v2 });
    const v3 = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# syntax=docker/dockerfile:1\n' }]);
    const [third] = byRule(await client.diagnostics(uri), PIN_RULE);
    assert.deepEqual(third.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 16 } });
    assert.equal((third.data as { version: number }).version, v3);
  });
});
