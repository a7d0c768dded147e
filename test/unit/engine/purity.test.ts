import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The engine serves the editor, the CLI and (later) a web worker: it must not reach for I/O or editor APIs.
const FORBIDDEN = /from\s+['"](?:vscode|vscode-languageserver(?:\/node)?|vscode-languageclient|fs|node:fs|child_process|node:child_process|net|node:net|http|https|node:http|node:https|path|node:path)['"]/;
const ENGINE = path.join(__dirname, '../../../server/src/engine');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('engine purity', () => {
  it('imports no editor, protocol, file-system or network module', () => {
    const offenders = sources(ENGINE).filter((file) => FORBIDDEN.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(ENGINE, f)), []);
  });

  it('has no module-level let (no hidden mutable state)', () => {
    const offenders = sources(ENGINE).filter((file) => /^let\s/m.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(ENGINE, f)), []);
  });
});
