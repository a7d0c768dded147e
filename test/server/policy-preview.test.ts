import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PREVIEW_POLICY_REQUEST, type PreviewPolicyResult } from '../../server/src/protocol/custom-protocol';
import { ensureCliBuilt, removeDir, runCli } from '../cli/cli-harness';
import { LspTestClient } from './support/lsp-test-client';

// "Bulwark: Preview policy" over stdio JSON-RPC: the server answers `bulwark/previewPolicy` with what a
// candidate bundle changes on the workspace, exactly what `bulwark policy preview` prints for the same
// folder, without changing the rules in force.

const DOCKERFILE = 'FROM alpine:3.20\nRUN nc -z db 5432\n';

describe('bulwark/previewPolicy (server over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspTestClient | undefined;
  const ws = () => path.join(root, 'ws');

  before(() => {
    ensureCliBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-preview-'));
    fs.mkdirSync(ws());
    fs.writeFileSync(path.join(ws(), 'Dockerfile'), DOCKERFILE);
    fs.writeFileSync(path.join(ws(), 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      image: node:latest\n');
    const init = runCli(['policy', 'init', 'bundle'], { cwd: root });
    assert.equal(init.status, 0, init.stderr);
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(() => removeDir(root));

  it('answers the same changes as `bulwark policy preview`, and the rules in force stay as they were', async () => {
    client = await LspTestClient.start({ mode: 'pull', workspaceFolders: [ws()] });
    const result = await client.request<PreviewPolicyResult>(PREVIEW_POLICY_REQUEST, { candidate: path.join(root, 'bundle') });
    assert.ok(result.ok, JSON.stringify(result));
    const cli = runCli(['policy', 'preview', path.join(root, 'bundle'), '.', '--format', 'json'], { cwd: ws() });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual({ added: result.added, removed: result.removed, changed: result.changed }, JSON.parse(cli.stdout));
    const netcat = result.added.filter((c) => c.ruleId === 'example-run-netcat');
    assert.deepEqual(netcat.map((c) => [c.path, c.line, c.column, c.severity]), [['Dockerfile', 2, 5, 'medium']]);
    assert.equal(result.against, 'the built-in rules');
    assert.equal(result.candidate.name, 'bundle');
    assert.match(result.text, /^\+ Dockerfile:2:5: example-run-netcat medium /m);
    // A preview is not an activation: the open document is still judged by the rules in force.
    const uri = `file://${path.join(ws(), 'Dockerfile')}`;
    client.open(uri, 'dockerfile', DOCKERFILE);
    const codes = (await client.pull(uri)).map((d) => d.code);
    assert.ok(!codes.includes('example-run-netcat'), JSON.stringify(codes));
  });

  it('a candidate that cannot be read is an answer naming the cause, not a failed request', async () => {
    client = await LspTestClient.start({ mode: 'pull', workspaceFolders: [ws()] });
    const missing = await client.request<PreviewPolicyResult>(PREVIEW_POLICY_REQUEST, { candidate: path.join(root, 'nope') });
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.message : '', /cannot read the policy bundle ".*nope"/);
    fs.mkdirSync(path.join(root, 'broken'));
    fs.writeFileSync(path.join(root, 'broken', 'policy.yaml'), 'name: broken\nversion: 1.0.0\nrules:\n  nonwaivable: [x]\n');
    const broken = await client.request<PreviewPolicyResult>(PREVIEW_POLICY_REQUEST, { candidate: path.join(root, 'broken') });
    assert.equal(broken.ok, false);
    assert.match(!broken.ok ? broken.message : '', /policy\.yaml:4: rules has an unknown key "nonwaivable"/);
    const relative = await client.request<PreviewPolicyResult>(PREVIEW_POLICY_REQUEST, { candidate: 'bundle' });
    assert.equal(relative.ok, false);
  });
});
