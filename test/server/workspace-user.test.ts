import * as assert from 'node:assert/strict';
import { byRule } from './support/fixtures';
import { type LspTestClient, type Diagnostic } from './support/lsp-test-client';
import { useWorkspaceServer } from './support/workspace-server';

// The real server over stdio, the reverse cross-file direction: a Dockerfile without USER is no finding
// while the workload that runs its image sets a non-root runAsUser, and becomes one, pointing at that
// workload, when an unsaved edit of the manifest runs it as root; discarding the edit takes it back.

const RULE = 'docker-user-missing';
const DOCKERFILE = 'FROM node:20-slim\nCOPY server.js /app/\nCMD ["node", "/app/server.js"]\n';
const MANIFEST = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsUser: 10001\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.0\n';

type Related = { location: { uri: string; range: { start: { line: number; character: number } } }; message: string };

for (const mode of ['pull', 'push'] as const) {
  describe(`language server: pods satisfy docker-user-missing (${mode} client)`, function () {
    this.timeout(60_000);
    const server = useWorkspaceServer(mode, 'index-user', { 'api/Dockerfile': DOCKERFILE, 'deploy/api.yaml': MANIFEST });
    const uriOf = server.uriOf;
    let client: LspTestClient;
    beforeEach(() => {
      client = server.client();
    });

    /** Diagnostics were delivered (the unpinned FROM always has one), and none of them is the rule's. */
    const satisfied = (d: Diagnostic[]) => d.length > 0 && byRule(d, RULE).length === 0;

    const dockerfileUntil = (wanted: (d: Diagnostic[]) => boolean, what: string) => server.diagnosticsUntil('api/Dockerfile', wanted, what);

    it('is satisfied by the pod on disk, reports when an unsaved edit runs the pod as root, and not once the edit is discarded', async () => {
      client.open(uriOf('api/Dockerfile'), 'dockerfile', DOCKERFILE);
      // Before the index is built the rule reports (nothing known of the pods); once built, the finding goes.
      await dockerfileUntil(satisfied, 'the pod on disk to satisfy the rule');

      const manifest = uriOf('deploy/api.yaml');
      client.open(manifest, 'yaml', MANIFEST);
      client.change(manifest, [{ range: { start: { line: 7, character: 19 }, end: { line: 7, character: 24 } }, text: '0' }]);
      await client.diagnostics(manifest);
      const reported = await dockerfileUntil((d) => byRule(d, RULE).length === 1, 'the finding once the pod runs as root');
      const [finding] = byRule(reported, RULE);
      assert.deepEqual([finding.range.start, finding.range.end], [{ line: 0, character: 5 }, { line: 0, character: 17 }]);
      const related = (finding as Diagnostic & { relatedInformation?: Related[] }).relatedInformation ?? [];
      assert.deepEqual(related.map((r) => [r.location.uri, r.location.range.start, r.message]), [
        [manifest, { line: 10, character: 17 }, 'Deployment/api runs this image in container "api" with no non-root runAsUser or runAsNonRoot: true.'],
      ]);

      client.close(manifest);
      await dockerfileUntil(satisfied, 'the finding to go when the edit is discarded');
    });
  });
}
