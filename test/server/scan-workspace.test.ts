import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PIN_RULE, byRule, fileUri, startWithTestPack, tempDir } from './support/fixtures';
import type { LspTestClient } from './support/lsp-test-client';

// bulwark/scanWorkspace over a temporary folder: .gitignore honoured, binary and oversized files
// skipped, findings of closed files published, progress reported, open files left to their own flow.

function makeWorkspace(): string {
  const root = tempDir('scan');
  const write = (rel: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  };
  write('.gitignore', 'build/\n');
  write('api/Dockerfile', 'FROM node:latest\nCMD ["node", "index.js"]\n');
  write('worker/Dockerfile', 'FROM python\n');
  write('web/Dockerfile', 'FROM nginx:1.27@sha256:' + 'a'.repeat(64) + '\n');
  write('build/Dockerfile', 'FROM node:latest\n');
  write('assets/logo.Dockerfile', Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0x02]));
  write('huge/Dockerfile', `FROM node:latest\n${'# padding\n'.repeat(200)}`);
  return root;
}

for (const mode of ['pull', 'push'] as const) {
  describe(`language server workspace scan (${mode} client)`, () => {
    let root: string;
    let client: LspTestClient;
    beforeEach(async () => {
      root = makeWorkspace();
      const settings = { maxFileSize: 1000, severityOverrides: {} as Record<string, string> };
      client = await startWithTestPack({ mode, workspaceFolders: [root], workDoneProgress: true, configuration: () => settings });
      // Only the test pack's rules run, so what is published does not depend on the built-in rules.
      const set = await client.request<{ rules: { id: string; packId: string }[] }>('bulwark/ruleSet', {});
      for (const rule of set.rules) if (rule.packId !== 'server-test') settings.severityOverrides[rule.id] = 'off';
    });
    afterEach(async () => {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('analyses listed files, publishes their findings and reports progress', async () => {
      const result = await client.request<{ files: number; findings: number; skipped: number }>('bulwark/scanWorkspace', {});
      // .gitignore, api, worker and web are analysed; the binary and the oversized file are skipped; build/ is ignored.
      assert.equal(result.files, 4);
      assert.equal(result.skipped, 2);
      const published = (rel: string) => client.published.get(fileUri(path.join(root, rel)))?.at(-1)?.diagnostics;
      assert.deepEqual(byRule(published('api/Dockerfile') ?? [], PIN_RULE).map((d) => d.range.start), [{ line: 0, character: 10 }]);
      assert.deepEqual(byRule(published('worker/Dockerfile') ?? [], PIN_RULE).map((d) => d.range.start), [{ line: 0, character: 5 }]);
      assert.equal(published('web/Dockerfile'), undefined, 'a clean file gets nothing published');
      assert.equal(published('build/Dockerfile'), undefined, '.gitignore is honoured');
      assert.equal(published('huge/Dockerfile'), undefined, 'files over maxFileSize are skipped');
      assert.equal(published('assets/logo.Dockerfile'), undefined, 'binary files are skipped');
      const total = [...client.published.values()].reduce((n, list) => n + (list.at(-1)?.diagnostics.length ?? 0), 0);
      assert.equal(result.findings, total);
      const progress = client.progress.map((p) => p.kind);
      assert.equal(progress[0], 'begin');
      assert.equal(progress.at(-1), 'end');
    });

    it('clears a file fixed on disk on the next scan, and leaves open files to their own diagnostics', async () => {
      await client.request('bulwark/scanWorkspace', {});
      const api = path.join(root, 'api/Dockerfile');
      fs.writeFileSync(api, 'FROM node:22\n');
      const worker = path.join(root, 'worker/Dockerfile');
      client.open(fileUri(worker), 'dockerfile', 'FROM python\n');
      const before = client.published.get(fileUri(worker))?.length ?? 0;
      await client.request('bulwark/scanWorkspace', {});
      assert.deepEqual(byRule(client.published.get(fileUri(api))?.at(-1)?.diagnostics ?? [], PIN_RULE), []);
      if (mode === 'pull') {
        // The open file is pulled; its scanned (pushed) copy was cleared on open to avoid duplicates.
        assert.deepEqual(client.published.get(fileUri(worker))?.at(-1)?.diagnostics, []);
        assert.equal(byRule(await client.pull(fileUri(worker)), PIN_RULE).length, 1);
        // Closing it brings the scanned diagnostics back from disk.
        client.close(fileUri(worker));
        await client.until(() => (client.published.get(fileUri(worker))?.at(-1)?.diagnostics.length ?? 0) > 0, 5000, 're-published on close');
      } else {
        assert.ok((client.published.get(fileUri(worker))?.length ?? 0) >= before);
        assert.equal(byRule(await client.diagnostics(fileUri(worker)), PIN_RULE).length, 1);
      }
    });
  });
}

// A scan that could not look at anything must not answer like a clean workspace.
describe('language server workspace scan that fails', () => {
  let client: LspTestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('answers an error, not "0 files", when it has no workspace folder', async () => {
    client = await startWithTestPack({ mode: 'pull' });
    await assert.rejects(client.request('bulwark/scanWorkspace', {}), (err: Error) => /no workspace folder to scan/.test(err.message));
  });

  it('counts a folder it cannot read as unreadable, so the client can show the failure', async () => {
    const gone = path.join(tempDir('scan-gone'), 'missing');
    client = await startWithTestPack({ mode: 'pull', workspaceFolders: [gone] });
    const result = await client.request<{ files: number; findings: number; unreadable?: number }>('bulwark/scanWorkspace', {});
    assert.deepEqual({ files: result.files, findings: result.findings, unreadable: result.unreadable }, { files: 0, findings: 0, unreadable: 1 });
  });
});
