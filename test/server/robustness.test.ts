import * as assert from 'node:assert/strict';
import { PIN_RULE, byRule, startWithTestPack } from './support/fixtures';
import type { Diagnostic, LspTestClient } from './support/lsp-test-client';

// The server must survive any document and keep answering. Each case opens a hostile document,
// asks for diagnostics, a hover and code actions, then checks the server still answers a request.

interface Case {
  readonly name: string;
  readonly file: string;
  readonly languageId: string;
  readonly text: string;
  readonly check?: (diagnostics: Diagnostic[]) => void;
}

const aliasBomb = (() => {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: { name: bomb }', 'data:', '  a0: &a0 [x,x,x,x,x,x,x,x,x,x]'];
  for (let i = 1; i <= 10; i++) lines.push(`  a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]`);
  // Rules walk the pod spec: they must not expand the aliases either.
  lines.push('spec:', '  containers: *a10', '  volumes: *a10');
  return lines.join('\n') + '\n';
})();

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
/** Notices only: built-in rules are written in parallel, so exact finding lists would be brittle. */
const notices = (diagnostics: Diagnostic[]) => codes(diagnostics).filter((code) => String(code).startsWith('bulwark/'));

const CASES: Case[] = [
  { name: 'an empty file', file: 'Dockerfile', languageId: 'dockerfile', text: '', check: (d) => assert.deepEqual(notices(d), []) },
  { name: 'an empty YAML file', file: 'empty.yaml', languageId: 'yaml', text: '' },
  {
    name: 'binary content',
    file: 'image.yaml',
    languageId: 'yaml',
    text: 'apiVersion: v1\nkind: Pod\n\u0000\u0001\u0002\u00ff',
    check: (d) => assert.deepEqual(codes(d), ['bulwark/binary-file'], 'a binary file gets the notice and nothing else'),
  },
  { name: 'a 50,000-character single line', file: 'Dockerfile', languageId: 'dockerfile', text: `FROM node:latest\nRUN echo ${'a'.repeat(50_000)}\n`, check: (d) => assert.equal(byRule(d, PIN_RULE).length, 1) },
  { name: 'a 50,000-character YAML line', file: 'long.yaml', languageId: 'yaml', text: `apiVersion: v1\nkind: Pod\ndata: { k: "${'b'.repeat(50_000)}" }\n` },
  { name: 'invalid UTF-8 decoded as replacement characters', file: 'Dockerfile', languageId: 'dockerfile', text: 'FROM node:latest\nRUN echo \ufffd\ufffd\ufffd\n\ufffd' },
  {
    name: 'a byte order mark',
    file: 'Dockerfile',
    languageId: 'dockerfile',
    text: '\ufeffFROM node:latest\n',
    check: (d) => assert.deepEqual(byRule(d, PIN_RULE)[0]?.range, { start: { line: 0, character: 11 }, end: { line: 0, character: 17 } }),
  },
  {
    name: 'CRLF line ends',
    file: 'Dockerfile',
    languageId: 'dockerfile',
    text: 'FROM alpine:3.19\r\nRUN echo hi\r\nFROM node:latest\r\n',
    check: (d) => assert.deepEqual(byRule(d, PIN_RULE)[0]?.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 16 } }),
  },
  {
    name: 'tabs in YAML (a syntax error)',
    file: 'tabs.yaml',
    languageId: 'yaml',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: tabbed\n',
    check: (d) => assert.deepEqual(notices(d), ['bulwark/parse-error']),
  },
  { name: 'a YAML alias bomb nested 10 levels', file: 'bomb.yaml', languageId: 'yaml', text: aliasBomb },
  {
    name: 'a Helm template',
    file: 'deployment.yaml',
    languageId: 'helm',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n',
    check: (d) => assert.deepEqual(notices(d), ['bulwark/templated-yaml']),
  },
  { name: 'a broken Dockerfile', file: 'Dockerfile', languageId: 'dockerfile', text: 'FROM\nRUN \\\n\\\n\\' },
  { name: 'lone surrogates', file: 'notes.txt', languageId: 'plaintext', text: 'key = "\ud800\udc00\ud800"\n' },
];

for (const mode of ['pull', 'push'] as const) {
  describe(`language server robustness (${mode} client)`, () => {
    let client: LspTestClient;
    before(async () => {
      client = await startWithTestPack({ mode });
    });
    after(async () => {
      await client.stop();
    });

    CASES.forEach((c, i) => {
      it(`survives ${c.name}`, async () => {
        const uri = `file:///tmp/bulwark-server-test/robust/${i}/${c.file}`;
        client.open(uri, c.languageId, c.text);
        const diagnostics = await client.diagnostics(uri);
        c.check?.(diagnostics);
        for (const d of diagnostics) assert.equal(d.source, 'bulwark');
        assert.equal(new Set(notices(diagnostics)).size, notices(diagnostics).length, 'at most one diagnostic per notice');
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
        await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
        await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
        client.change(uri, [{ range, text: '' }]);
        await client.diagnostics(uri);
        const set = await client.request<{ rules: unknown[] }>('bulwark/ruleSet', {});
        assert.ok(set.rules.length > 0, 'still answering');
        assert.ok(client.alive);
        client.close(uri);
      });
    });

    it('answers requests about documents it does not know', async () => {
      const uri = 'file:///tmp/bulwark-server-test/robust/never-opened.yaml';
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
      assert.ok(client.alive);
    });
  });
}
