import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeFifo, openTempDir, unprivilegedPrefix, utf16 } from '../support/hostile-files';
import { PIN_RULE, byRule, fileUri, startWithTestPack } from './support/fixtures';
import type { LspTestClient } from './support/lsp-test-client';

// Scan workspace over stdio on files an attacker can commit: it must finish (a FIFO .gitignore used
// to block the server's event loop for good, a folder named .gitignore made it report 0 files), read
// files exactly as the CLI does (BOM removed, UTF-16 decoded), and say when it could not read a path.

interface ScanResult {
  files: number;
  findings: number;
  skipped: number;
  unreadable: number;
}

describe('language server workspace scan: hostile files', function () {
  let root: string | undefined;
  let client: LspTestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    if (root) {
      spawnSync('chmod', ['-R', 'u+rwx', root]);
      fs.rmSync(root, { recursive: true, force: true });
    }
    root = undefined;
  });

  const start = async (launcher?: string[]) => {
    client = await startWithTestPack({ mode: 'pull', workspaceFolders: [root!], launcher, configuration: () => ({}) });
    return client;
  };
  /** The scan's answer, or a failure that says the server never gave one (rather than a silent hang). */
  const scanWorkspace = async (c: LspTestClient): Promise<ScanResult> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`bulwark/scanWorkspace did not answer within 30 s; server stderr:\n${c.stderr}`)), 30_000);
    });
    try {
      return await Promise.race([c.request<ScanResult>('bulwark/scanWorkspace', {}), late]);
    } finally {
      clearTimeout(timer);
    }
  };
  const published = (rel: string) => client!.published.get(fileUri(path.join(root!, rel)))?.at(-1)?.diagnostics ?? [];

  it('finishes despite a FIFO .gitignore, a .bulwarkignore link to /dev/zero and a folder named .gitignore', async function () {
    root = openTempDir({
      'le.Dockerfile': utf16('# c\r\nFROM node:latest\r\n', 'le'),
      'be.Dockerfile': utf16('FROM node:latest\n', 'be'),
      'bom.Dockerfile': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FROM node:latest\n')]),
      'sub/.gitignore/Dockerfile': 'FROM node:latest\n',
    });
    makeFifo(this, path.join(root, '.gitignore'));
    makeFifo(this, path.join(root, 'pipe.Dockerfile'));
    fs.symlinkSync('/dev/zero', path.join(root, '.bulwarkignore'));
    const c = await start();
    const result = await c.request<ScanResult>('bulwark/scanWorkspace', {});
    assert.deepEqual({ files: result.files, skipped: result.skipped, unreadable: result.unreadable }, { files: 4, skipped: 0, unreadable: 0 });
    // Positions as an editor shows the file: no BOM column, UTF-16 decoded.
    const pin = (rel: string) => byRule(published(rel), PIN_RULE).map((d) => d.range);
    assert.deepEqual(pin('le.Dockerfile'), [{ start: { line: 1, character: 10 }, end: { line: 1, character: 16 } }]);
    assert.deepEqual(pin('be.Dockerfile'), [{ start: { line: 0, character: 10 }, end: { line: 0, character: 16 } }]);
    assert.deepEqual(pin('bom.Dockerfile'), [{ start: { line: 0, character: 10 }, end: { line: 0, character: 16 } }]);
    assert.deepEqual(pin('sub/.gitignore/Dockerfile'), [{ start: { line: 0, character: 10 }, end: { line: 0, character: 16 } }]);
    const skips = c.logs.filter((l) => l.startsWith('Scan workspace: ')).map((l) => l.slice('Scan workspace: '.length).split(': ').slice(0, 2).join(' '));
    assert.deepEqual(skips.sort(), [
      `${path.join(root, '.bulwarkignore')} ignore-file-not-applied`,
      `${path.join(root, '.gitignore')} ignore-file-not-applied`,
      `${path.join(root, 'pipe.Dockerfile')} not-a-regular-file`,
      `${path.join(root, 'sub', '.gitignore')} ignore-file-not-applied`,
    ]);
    assert.ok(!c.logs.some((l) => l.includes('failed')), c.logs.join('\n'));
    // Still answering.
    assert.ok((await c.request<{ rules: unknown[] }>('bulwark/ruleSet', {})).rules.length > 0);
  });

  it('reports unreadable folders and files (run as nobody): unreadable count, log lines and a warning', async function () {
    this.timeout(60_000);
    const launcher = unprivilegedPrefix(this);
    root = openTempDir({ 'Dockerfile': 'FROM node:latest\n', 'locked/Dockerfile': 'FROM node:latest\n', 'secret.Dockerfile': 'FROM node:latest\n' });
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    fs.chmodSync(path.join(root, 'secret.Dockerfile'), 0o000);
    const c = await start(launcher);
    const result = await scanWorkspace(c);
    assert.deepEqual({ files: result.files, skipped: result.skipped, unreadable: result.unreadable }, { files: 1, skipped: 1, unreadable: 2 });
    assert.equal(byRule(published('Dockerfile'), PIN_RULE).length, 1);
    assert.ok(c.logs.includes(`Scan workspace: ${path.join(root, 'locked')}: unreadable-folder: Not scanned: the folder cannot be read (EACCES); no file in it was analysed.`), c.logs.join('\n'));
    assert.ok(c.logs.includes(`Scan workspace: ${path.join(root, 'secret.Dockerfile')}: unreadable-file: Not analysed: the file cannot be read (EACCES).`), c.logs.join('\n'));
    await c.until(() => c.notifications.some((n) => n.method === 'window/showMessage'), 5000, 'the incomplete-scan warning');
    const shown = c.notifications.find((n) => n.method === 'window/showMessage')?.params as { type: number; message: string };
    assert.deepEqual(shown, { type: 2, message: 'Bulwark: the workspace scan is incomplete: 2 paths could not be read (see the Bulwark log).' });
  });
});
