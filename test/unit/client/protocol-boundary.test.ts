import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The VS Code client and the server share one set of message types, server/src/protocol/. The client
// never reaches into the server's LSP handlers (or its CLI or file-system code), and declares none of
// the protocol's types again by hand: a second declaration drifts (it once lost `packId` and `skipped`).
// ESLint's no-restricted-imports says the same in the editor; this test holds it in mocha too.

const ROOT = path.resolve(__dirname, '../../..');
const CLIENT = path.join(ROOT, 'client/src');
const PROTOCOL = path.join(ROOT, 'server/src/protocol');
const FORBIDDEN = ['server/src/lsp', 'server/src/cli', 'server/src/node', 'server/src/server'].map((p) => path.join(ROOT, p));

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(file);
    return e.name.endsWith('.ts') ? [file] : [];
  });
}

function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g)) {
    found.push(m[1] ?? m[2] ?? m[3] ?? '');
  }
  return found;
}

function exportedTypeNames(text: string): string[] {
  return [...text.matchAll(/^export\s+(?:interface|type)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] ?? '');
}

describe('client ↔ server: one protocol', () => {
  const clientFiles = tsFiles(CLIENT);

  it('finds the client sources and the protocol types (the test reads real files)', () => {
    assert.ok(clientFiles.length >= 10, `only ${clientFiles.length} client files`);
    const names = tsFiles(PROTOCOL).flatMap((f) => exportedTypeNames(fs.readFileSync(f, 'utf8')));
    for (const name of ['ScanWorkspaceResult', 'RuleSummary', 'PolicyStatus', 'BulwarkSettings']) assert.ok(names.includes(name), name);
  });

  it('the client imports nothing from the server but server/src/protocol/ and the pure engine', () => {
    const offending = clientFiles.flatMap((file) =>
      importsOf(fs.readFileSync(file, 'utf8'))
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => ({ file: path.relative(ROOT, file), target: path.resolve(path.dirname(file), spec) }))
        .filter(({ target }) => FORBIDDEN.some((f) => target === f || target.startsWith(f + path.sep)))
        .map(({ file, target }) => `${file} imports ${path.relative(ROOT, target)}`),
    );
    assert.deepEqual(offending, []);
  });

  it('the client re-declares none of the protocol types', () => {
    const protocolTypes = new Set(tsFiles(PROTOCOL).flatMap((f) => exportedTypeNames(fs.readFileSync(f, 'utf8'))));
    const redeclared = clientFiles.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return [...text.matchAll(/^(?:export\s+)?(?:interface|type)\s+([A-Za-z_$][\w$]*)/gm)]
        .map((m) => m[1] ?? '')
        .filter((name) => protocolTypes.has(name))
        .map((name) => `${path.relative(ROOT, file)} declares ${name}`);
    });
    assert.deepEqual(redeclared, []);
  });

  it('would catch both mistakes (the matchers work on a known-bad sample)', () => {
    const sample = "import { X } from '../../server/src/lsp/custom-protocol';\nexport interface ScanWorkspaceResult { files: number }\n";
    assert.deepEqual(importsOf(sample), ['../../server/src/lsp/custom-protocol']);
    assert.deepEqual(exportedTypeNames(sample), ['ScanWorkspaceResult']);
  });
});
