import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { codeActionParams, textEditsOf, type CodeAction } from './support/actions';
import { byRule, fileUri, tempDir } from './support/fixtures';
import { applyTextEdits, LspTestClient, type Diagnostic } from './support/lsp-test-client';

// The real server over stdio: k8s-network-policy-missing offers "Create a default-deny NetworkPolicy" as a
// suggestion whose edit appends a valid `---` document for the workload's namespace; once applied, the
// policy selects the workload and the finding goes.

const RULE = 'k8s-network-policy-missing';
const MANIFEST = [
  'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: db-only, namespace: shop}', 'spec:', '  podSelector: {matchLabels: {app: db}}', '---',
  'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web, namespace: shop}', 'spec:', '  template:', '    metadata: {labels: {app: web}}', '    spec:',
  '      containers: [{name: web, image: nginx:1.27}]',
].join('\n');

describe('language server: create a default-deny NetworkPolicy', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspTestClient;

  beforeEach(async () => {
    root = tempDir('netpol');
    fs.writeFileSync(path.join(root, 'web.yaml'), MANIFEST);
    client = await LspTestClient.start({ mode: 'pull', workspaceFolders: [root] });
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function until(uri: string, wanted: (d: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const latest = await client.pull(uri);
      if (wanted(latest)) return latest;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(latest.map((d) => d.code))}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('appends a policy for the namespace that selects every pod, and the finding goes', async () => {
    const uri = fileUri(path.join(root, 'web.yaml'));
    client.open(uri, 'yaml', MANIFEST);
    const [finding] = byRule(await until(uri, (d) => byRule(d, RULE).length === 1, 'the finding'), RULE);
    assert.deepEqual(finding.range, { start: { line: 7, character: 6 }, end: { line: 7, character: 16 } });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', codeActionParams(uri, finding.range, [finding]));
    const create = actions.filter((a) => a.title.startsWith('Create a default-deny NetworkPolicy'));
    assert.deepEqual(create.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [['Create a default-deny NetworkPolicy for namespace shop (append "default-deny" to this file)', 'quickfix', false]]);
    const { edits } = textEditsOf(create[0]);
    assert.deepEqual(edits.map((e) => e.range), [{ start: { line: 13, character: 50 }, end: { line: 13, character: 50 } }]);
    const fixed = applyTextEdits(MANIFEST, edits);

    const documents = parseAllDocuments(fixed);
    assert.ok(Array.isArray(documents) && documents.every((d) => d.errors.length === 0), 'the edited file is valid YAML');
    assert.deepEqual(documents.map((d) => d.toJS() as unknown).at(-1), {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });

    client.change(uri, [{ text: fixed }]);
    const after = await until(uri, (d) => byRule(d, RULE).length === 0, 'the finding to go once the policy is in the file');
    assert.ok(after.length > 0, 'the other rules still report on the Deployment');
  });
});
