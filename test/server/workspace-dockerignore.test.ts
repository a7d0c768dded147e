import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codeActionParams, type CodeAction } from './support/actions';
import { byRule } from './support/fixtures';
import { type Diagnostic, type LspTestClient } from './support/lsp-test-client';
import { useWorkspaceServer } from './support/workspace-server';

// The real server over stdio: docker-broad-copy-without-dockerignore reads the .dockerignore beside the
// Dockerfile from the workspace index. Absent on disk: a finding, with an action that creates the file.
// An open .dockerignore's unsaved text counts at once; saving a file on disk counts once the watcher says so.

const RULE = 'docker-broad-copy-without-dockerignore';
const DOCKERFILE = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';
const COMPLETE = '.git\n**/.env*\n**/*.pem\n**/*.key\n';

for (const mode of ['pull', 'push'] as const) {
  describe(`language server: .dockerignore as a workspace fact (${mode} client)`, function () {
    this.timeout(60_000);
    const server = useWorkspaceServer(mode, 'index-dockerignore', { 'app/Dockerfile': DOCKERFILE, 'app/server.js': 'console.log(1);\n' }, ['create']);
    let client: LspTestClient;
    beforeEach(() => {
      client = server.client();
    });

    const dockerfileUntil = (wanted: (d: Diagnostic[]) => boolean, what: string) => server.diagnosticsUntil('app/Dockerfile', wanted, what);
    const reported = (d: Diagnostic[]) => byRule(d, RULE).length === 1;
    const clean = (d: Diagnostic[]) => d.length > 0 && byRule(d, RULE).length === 0;

    it('reports a missing .dockerignore, offers to create it, and follows an open and a saved ignore file', async () => {
      const dockerfile = server.uriOf('app/Dockerfile');
      client.open(dockerfile, 'dockerfile', DOCKERFILE);
      const [finding] = byRule(await dockerfileUntil(reported, 'the finding for the absent .dockerignore'), RULE);
      assert.deepEqual([finding.range.start, finding.range.end], [{ line: 2, character: 5 }, { line: 2, character: 6 }]);
      assert.match(finding.message, /the build context has no \.dockerignore/);

      const actions = await client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(dockerfile, finding.range, [finding]));
      const create = actions.find((a) => a.title === 'Create .dockerignore');
      assert.ok(create, `no create action among ${JSON.stringify(actions.map((a) => a.title))}`);
      const changes = (create.edit?.documentChanges ?? []) as unknown as ({ kind: string; uri: string } | { textDocument: { uri: string }; edits: { newText: string }[] })[];
      const ignoreUri = server.uriOf('app/.dockerignore');
      assert.deepEqual(changes[0], { kind: 'create', uri: ignoreUri });
      assert.equal((changes[1] as { edits: { newText: string }[] }).edits[0].newText, COMPLETE);

      // An unsaved ignore file that lacks the key entries: the finding names them and the action appends.
      client.open(ignoreUri, 'ignore', 'node_modules\n.git\n');
      await client.diagnostics(ignoreUri); // the editor asks for (or is sent) each open file's diagnostics: that reads its text
      const partial = await dockerfileUntil((d) => reported(d) && /does not exclude/.test(byRule(d, RULE)[0].message), 'the finding naming the missing entries');
      assert.match(byRule(partial, RULE)[0].message, /\.dockerignore does not exclude \*\*\/\.env\*, \*\*\/\*\.pem, \*\*\/\*\.key/);
      const append = (await client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(dockerfile, byRule(partial, RULE)[0].range, byRule(partial, RULE)))).find((a) => a.title.startsWith('Add '));
      assert.ok(append, 'no append action');
      const appended = (append.edit?.documentChanges ?? [])[0];
      assert.equal(appended.textDocument.uri, ignoreUri);
      assert.deepEqual(appended.edits.map((e) => ('newText' in e ? [e.range.start, e.newText] : undefined)), [[{ line: 2, character: 0 }, '**/.env*\n**/*.pem\n**/*.key\n']]);

      // Completing the open document's text silences the rule; closing it unsaved falls back to the disk (none).
      client.change(ignoreUri, [{ text: COMPLETE }]);
      await client.diagnostics(ignoreUri);
      await dockerfileUntil(clean, 'the finding to go once the open ignore file is complete');
      client.close(ignoreUri);
      await dockerfileUntil(reported, 'the finding back once the unsaved ignore file is closed');

      // Saved on disk: the watched-file event re-reads it.
      fs.writeFileSync(fileURLToPath(ignoreUri), COMPLETE);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ignoreUri, type: 1 }] });
      await dockerfileUntil(clean, 'the finding to go once .dockerignore is saved');
      fs.rmSync(fileURLToPath(ignoreUri));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ignoreUri, type: 3 }] });
      await dockerfileUntil(reported, 'the finding back once .dockerignore is deleted');
    });
  });
}
