import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../server/support/lsp-test-client';
import type { RunningRegistry } from '../support/registry';
import { NETCAT_DOCKERFILE as DOCKERFILE, publishExampleBundle, startPolicyRegistry, stopPolicyRegistry } from './publish';

// The language server with the organisation's policy, over stdio JSON-RPC, against Debian's real
// docker-registry: the bundle's rule reaches the diagnostics, the status names ref@digest, a workspace's
// configuration cannot redirect the policy, and with the registry gone the cached bundle still applies
// at start-up (no network needed) while the status says why it could not refresh.

interface PolicyStatus {
  state: string;
  ref?: string;
  digest?: string;
  version?: string;
  message?: string;
}

function policyStatuses(client: LspTestClient): PolicyStatus[] {
  return client.notifications
    .filter((n) => n.method === 'bulwark/status')
    .map((n) => (n.params as { policy?: PolicyStatus }).policy)
    .filter((p): p is PolicyStatus => p !== undefined);
}

describe('policy bundles in the language server (stdio, real registry)', function () {
  this.timeout(120_000);
  let registry: RunningRegistry;
  let root: string;
  let ref: string;
  let digest: string;
  let client: LspTestClient | undefined;
  const uri = () => pathToFileURL(path.join(root, 'ws', 'Dockerfile')).href;

  const start = (configuration?: (scope: string | undefined) => unknown) =>
    LspTestClient.start({
      mode: 'pull',
      workspaceFolders: [path.join(root, 'ws')],
      initializationOptions: { policy: { ref, publicKey: path.join(root, 'keys', 'bulwark.pub'), refreshMinutes: 60 } },
      env: { BULWARK_CACHE_DIR: path.join(root, 'cache'), DOCKER_CONFIG: path.join(root, 'docker') },
      ...(configuration ? { configuration } : {}),
    });

  before(async function () {
    ({ registry, root } = await startPolicyRegistry(this, 'server-policy', { 'ws/Dockerfile': DOCKERFILE }));
    ({ ref, digest } = publishExampleBundle(root, registry));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(() => stopPolicyRegistry(registry, root));

  it('pulls, verifies and applies the bundle: its rule is diagnosed, the status names ref@digest', async () => {
    // The workspace asks for another registry; the server must not take policy from workspace settings.
    const elsewhere = `${registry.host}/evil/policy:stable`;
    client = await start(() => ({ policy: { ref: elsewhere, publicKey: '' } }));
    client.open(uri(), 'dockerfile', DOCKERFILE);
    await client.until(() => policyStatuses(client as LspTestClient).some((p) => p.state === 'verified'), 30_000, 'a verified policy status');
    const verified = policyStatuses(client).find((p) => p.state === 'verified');
    assert.equal(verified?.ref, ref);
    assert.equal(verified?.digest, digest);
    assert.equal(verified?.version, '0.1.0');
    const diagnostics = await client.pull(uri());
    const codes = diagnostics.map((d) => d.code);
    assert.ok(codes.includes('example-run-netcat'), JSON.stringify(codes));
    assert.ok(!registry.log().includes('/v2/evil/'), 'the workspace configuration must not reach the registry');
  });

  it('starts from the cache with the registry down: the bundle still applies, the status says why it is not refreshed', async () => {
    await registry.stop();
    client = await start();
    client.open(uri(), 'dockerfile', DOCKERFILE);
    const diagnostics = await client.pull(uri());
    assert.ok(diagnostics.some((d) => d.code === 'example-run-netcat'), 'the cached bundle applies before any network answer');
    await client.until(() => policyStatuses(client as LspTestClient).some((p) => p.state === 'error'), 30_000, 'an error status after the failed refresh');
    const failed = policyStatuses(client).find((p) => p.state === 'error');
    assert.equal(failed?.digest, digest, 'the last good bundle is still the one in force');
    assert.match(failed?.message ?? '', /127\.0\.0\.1/);
    const again = await client.pull(uri());
    assert.ok(again.some((d) => d.code === 'example-run-netcat'), 'a failed refresh keeps the last good bundle');
  });

  it('a non-waivable rule of the policy cannot be turned off by settings', async () => {
    // secret-private-key is non-waivable in the init template; the workspace tries to turn it off.
    client = await start(() => ({ severityOverrides: { 'secret-private-key': 'off', 'docker-image-latest-tag': 'off' } }));
    const keyFile = pathToFileURL(path.join(root, 'ws', 'id_rsa')).href;
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQABAoIBAFZ3nzDmXbNhanMbVGeOIcROUU+WBDIh6O2LqTDs8KDGwbQOq3a4dDYAc3ej9hUsY0mAoaOWfcC8v6xG0Vn9t2Zqsk4NnJ0JWVVD0xDn02jEIxOsGmn0a7MLXnK+fNBvVNCiRGIbw0oW8wSITRZuFLDZ2K8/k1wHSfYHYWgUZMy1yMdBxMXTJMKu5YdBQE2LRXzpvKVCu6HSAjuBNAJNjLUYEA2H9yhyPYp0RxFdXxFoBoD+x4qZdLJ2mqOR2pzR8BfUzr/U1Ac4gWp2GWmBcVcGnNSGo0TlZ5bjKwYKwUH8j5k8T+7ZKh6mEOpcShn8PLvWxz0NM4X6bjV5Q9N3j4ECgYEA\n-----END RSA PRIVATE KEY-----\n';
    client.open(keyFile, 'plaintext', key);
    client.open(uri(), 'dockerfile', 'FROM node:latest\n');
    await client.until(() => policyStatuses(client as LspTestClient).some((p) => p.state === 'verified' || p.state === 'error'), 30_000, 'a policy status');
    const keyCodes = (await client.pull(keyFile)).map((d) => d.code);
    assert.ok(keyCodes.includes('secret-private-key'), `non-waivable stays on: ${JSON.stringify(keyCodes)}`);
    const dockerCodes = (await client.pull(uri())).map((d) => d.code);
    assert.ok(!dockerCodes.includes('docker-image-latest-tag'), 'control: a waivable rule can be turned off by settings');
  });
});
