import * as assert from 'node:assert/strict';
import { byRule } from './support/fixtures';
import { type LspTestClient, type Diagnostic } from './support/lsp-test-client';
import { useWorkspaceServer } from './support/workspace-server';

// The real server over stdio keeps a workspace index: a manifest's finding depends on a Dockerfile of
// the workspace, follows that Dockerfile's unsaved edits, and reverts when the edit is discarded.

const RULE = 'k8s-image-user-conflict';
const DOCKERFILE = 'FROM alpine:3.20\nRUN adduser -D app\nUSER root\nCMD ["/app"]\n';
const MANIFEST = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers: [{name: api, image: ghcr.io/acme/api:1.0}]\n';

type Related = { location: { uri: string; range: { start: { line: number; character: number } } }; message: string };

for (const mode of ['pull', 'push'] as const) {
  describe(`language server workspace index (${mode} client)`, function () {
    this.timeout(60_000);
    const server = useWorkspaceServer(mode, 'index', { 'api/Dockerfile': DOCKERFILE, 'deploy/api.yaml': MANIFEST });
    const uriOf = server.uriOf;
    let client: LspTestClient;
    beforeEach(() => {
      client = server.client();
    });

    const manifestUntil = (wanted: (d: Diagnostic[]) => boolean, what: string) => server.diagnosticsUntil('deploy/api.yaml', wanted, what);

    it('reports the conflict with the Dockerfile on disk, then follows its unsaved edits and their undoing', async () => {
      client.open(uriOf('deploy/api.yaml'), 'yaml', MANIFEST);
      const first = await manifestUntil((d) => byRule(d, RULE).length === 1, 'the cross-file finding');
      const [finding] = byRule(first, RULE);
      assert.deepEqual(finding.range.start, { line: 7, character: 22 });
      const related = (finding as Diagnostic & { relatedInformation?: Related[] }).relatedInformation ?? [];
      assert.deepEqual(related.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [[uriOf('api/Dockerfile'), 2, "The image's final USER is root."]]);

      // The developer fixes the Dockerfile in the editor (not saved yet): the manifest's finding goes.
      const dockerfile = uriOf('api/Dockerfile');
      client.open(dockerfile, 'dockerfile', DOCKERFILE);
      client.change(dockerfile, [{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } }, text: '10001' }]);
      await client.diagnostics(dockerfile);
      await manifestUntil((d) => byRule(d, RULE).length === 0, 'the finding to go after the Dockerfile edit');

      // Closed without saving: the file on disk (USER root) is the workspace again.
      client.close(dockerfile);
      await manifestUntil((d) => byRule(d, RULE).length === 1, 'the finding to return when the edit is discarded');
    });
  });
}
