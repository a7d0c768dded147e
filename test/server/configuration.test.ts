import * as assert from 'node:assert/strict';
import { PIN_RULE, byRule, startWithTestPack } from './support/fixtures';
import type { LspTestClient } from './support/lsp-test-client';

// Settings come from workspace/configuration (answered by this test client), or, for clients without
// that capability, from initializationOptions and didChangeConfiguration payloads.

const FOLDER = '/tmp/bulwark-server-test/config';
const URI = `file://${FOLDER}/Dockerfile`;
const DOCKERFILE = 'FROM node:latest\n';

describe('language server configuration (pull client with workspace/configuration)', () => {
  let client: LspTestClient;
  let settings: Record<string, unknown>;
  const scopes: (string | undefined)[] = [];
  beforeEach(async () => {
    settings = {};
    scopes.length = 0;
    client = await startWithTestPack({
      mode: 'pull',
      workspaceFolders: [FOLDER],
      configuration: (scopeUri) => {
        scopes.push(scopeUri);
        return settings;
      },
    });
    client.open(URI, 'dockerfile', DOCKERFILE);
  });
  afterEach(async () => {
    await client.stop();
  });

  it('asks for the bulwark section of the document and applies severity overrides', async () => {
    settings = { severityOverrides: { [PIN_RULE]: 'low' } };
    const [pin] = byRule(await client.pull(URI), PIN_RULE);
    assert.equal(pin.severity, 3, 'low maps to Information');
    assert.ok(scopes.includes(URI), `asked for ${JSON.stringify(scopes)}`);
  });

  it('severityOverrides off removes the finding after didChangeConfiguration and asks the client to refresh', async () => {
    assert.equal(byRule(await client.pull(URI), PIN_RULE).length, 1);
    settings = { severityOverrides: { [PIN_RULE]: 'off' } };
    // Settings are cached until the client says they changed.
    assert.equal(byRule(await client.pull(URI), PIN_RULE).length, 1);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.until(() => client.refreshRequests > 0, 5000, 'workspace/diagnostic/refresh');
    assert.deepEqual(byRule(await client.pull(URI), PIN_RULE), []);
  });

  it('exclude globs are relative to the workspace folder', async () => {
    settings = { exclude: ['Docker*'] };
    assert.deepEqual(await client.pull(URI), []);
  });

  it('exclude patterns follow .gitignore rules, as --exclude does (the same matcher)', async () => {
    const nested = `file://${FOLDER}/apps/k8s/Dockerfile`;
    client.open(nested, 'dockerfile', DOCKERFILE);
    for (const exclude of [['k8s/'], ['k8s'], [`${FOLDER}/apps/`], ['/apps/k8s']]) {
      settings = { exclude };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(await client.pull(nested), [], JSON.stringify(exclude));
      assert.equal(byRule(await client.pull(URI), PIN_RULE).length, 1, `${JSON.stringify(exclude)} leaves the top-level Dockerfile`);
    }
    settings = { exclude: ['/k8s'] };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.equal(byRule(await client.pull(nested), PIN_RULE).length, 1, '/k8s is anchored at the folder');
  });

  it('honorPeerSuppressions lets a hadolint ignore comment suppress the rule mapped to that DL id', async () => {
    const other = `file://${FOLDER}/peer.Dockerfile`;
    client.open(other, 'dockerfile', '# hadolint ignore=DL3007\nFROM node:latest\n');
    assert.equal(byRule(await client.pull(other), PIN_RULE).length, 1, 'off by default');
    settings = { honorPeerSuppressions: true };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(byRule(await client.pull(other), PIN_RULE), []);
    assert.equal(byRule(await client.pull(URI), PIN_RULE).length, 1, 'a file without the comment keeps its finding');
  });

  it('enable false analyses nothing', async () => {
    settings = { enable: false };
    assert.deepEqual(await client.pull(URI), []);
  });

  it('maxFileSize counts bytes and leaves one notice instead of findings', async () => {
    // The first document is 17 bytes; the second is 18 UTF-16 units but 19 bytes ("é" takes two).
    settings = { maxFileSize: 18 };
    assert.equal(byRule(await client.pull(URI), PIN_RULE).length, 1);
    const other = `file://${FOLDER}/other.Dockerfile`;
    client.open(other, 'dockerfile', 'FROM node:latesté\n');
    const diagnostics = await client.pull(other);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['bulwark/file-too-large', 3]]);
    assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
  });
});

describe('language server configuration (push client without workspace/configuration)', () => {
  it('takes settings from initializationOptions, then from didChangeConfiguration, and re-publishes', async () => {
    const client = await startWithTestPack({ mode: 'push', settings: { severityOverrides: { [PIN_RULE]: 'off' } } });
    try {
      client.open(URI, 'dockerfile', DOCKERFILE);
      assert.deepEqual(byRule(await client.diagnostics(URI), PIN_RULE), []);
      client.notify('workspace/didChangeConfiguration', { settings: { bulwark: { severityOverrides: { [PIN_RULE]: 'critical' } } } });
      // Waits for a publish made with the new settings: a count of publishes could be met by a late
      // re-publish with the old ones (the workspace index's first build re-publishes open documents).
      const pinsNow = () => byRule(client.published.get(URI)?.at(-1)?.diagnostics ?? [], PIN_RULE);
      await client.until(() => pinsNow().length > 0, 5000, 're-published diagnostics with the rule on');
      const [pin] = byRule(client.published.get(URI)?.at(-1)?.diagnostics ?? [], PIN_RULE);
      assert.equal(pin?.severity, 1, 'critical maps to Error');
    } finally {
      await client.stop();
    }
  });
});
