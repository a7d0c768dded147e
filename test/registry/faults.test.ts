import * as assert from 'node:assert/strict';
import { createRegistryClient, sha256Digest, type RegistryClient } from '../../server/src/node/registry';
import { requireRegistry, startRegistry, type RunningRegistry } from '../support/registry';
import { pushArtifact, rejectsWith, type PushedArtifact } from './artifact';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';

// Damaged answers: the real registry holds the artifact; the fault proxy (test/support/fault-proxy.ts,
// for fault injection only) damages one response at a time on its way to the client.

describe('registry client: damaged responses (real docker-registry behind a fault proxy)', function () {
  this.timeout(60_000);
  let registry: RunningRegistry;
  let proxy: FaultProxy;
  let client: RegistryClient;
  let pushed: PushedArtifact;

  before(async function () {
    requireRegistry(this);
    registry = await startRegistry();
    pushed = await pushArtifact(createRegistryClient(registry.host, { dockerConfigDir: false }), 'secops/policy', 'v1');
    proxy = await startFaultProxy(registry.host);
    client = createRegistryClient(proxy.host, { dockerConfigDir: false });
  });
  afterEach(() => proxy?.clear());
  after(async () => {
    await proxy?.close();
    await registry?.stop();
  });

  const layer = (): { digest: string; size: number } => ({ digest: sha256Digest(pushed.layer), size: pushed.layer.length });

  it('passes undamaged answers through (the proxy itself changes nothing)', async () => {
    assert.ok((await client.getBlob('secops/policy', layer())).equals(pushed.layer));
    assert.equal((await client.getManifest('secops/policy', 'v1'))?.digest, pushed.digest);
  });

  it('a blob with one flipped byte is a digest mismatch', async () => {
    proxy.inject(`/blobs/${layer().digest}`, { kind: 'flip-byte' });
    await rejectsWith(client.getBlob('secops/policy', layer()), 'digest-mismatch', /does not match its digest/);
  });

  it('a blob cut short is a digest mismatch that says it was truncated', async () => {
    proxy.inject(`/blobs/${layer().digest}`, { kind: 'truncate' });
    await rejectsWith(client.getBlob('secops/policy', layer()), 'digest-mismatch', new RegExp(`truncated: \\d+ of ${pushed.layer.length} bytes`));
  });

  it('a manifest whose bytes do not match the announced digest is refused', async () => {
    proxy.inject('/manifests/v1', { kind: 'flip-byte' });
    await rejectsWith(client.getManifest('secops/policy', 'v1'), 'digest-mismatch', /does not match the digest the registry announced/);
  });

  it('a manifest fetched by digest must have that digest, whatever the headers say', async () => {
    proxy.inject(`/manifests/${pushed.digest}`, { kind: 'wrong-digest-header' });
    await rejectsWith(client.getManifest('secops/policy', pushed.digest), 'digest-mismatch');
    await rejectsWith(client.headManifest('secops/policy', pushed.digest), 'digest-mismatch', /answered digest sha256:0{64}/);
  });

  it('a manifest cut short is refused as truncated', async () => {
    proxy.inject('/manifests/v1', { kind: 'truncate' });
    await rejectsWith(client.getManifest('secops/policy', 'v1'), 'digest-mismatch', /truncated/);
  });

  it('a 5xx or 429 from the registry is unreachable, with the status and the registry error', async () => {
    proxy.inject('/manifests/v1', { kind: 'status', status: 503 });
    await rejectsWith(client.getManifest('secops/policy', 'v1'), 'unreachable', /failed with 503 \(UNAVAILABLE: injected 503\); try again later/);
    proxy.inject('/manifests/v1', { kind: 'status', status: 429 });
    await rejectsWith(client.headManifest('secops/policy', 'v1'), 'unreachable', /rate limited .*retry after 30 s/);
  });

  it('a registry that stops answering mid-pull times out', async () => {
    proxy.inject(`/blobs/${layer().digest}`, { kind: 'hang' });
    const impatient = createRegistryClient(proxy.host, { dockerConfigDir: false, timeoutMs: 500 });
    assert.equal((await impatient.getManifest('secops/policy', 'v1'))?.digest, pushed.digest);
    await rejectsWith(impatient.getBlob('secops/policy', layer()), 'timeout', /did not answer within 0\.5 s/);
  });

  it('an endless manifest body (no Content-Length) stops at the 4 MiB cap with too-large', async () => {
    proxy.inject('/manifests/v1', { kind: 'endless-body', bytes: 64 * 1024 * 1024 });
    await rejectsWith(client.getManifest('secops/policy', 'v1'), 'too-large', /larger than 4194304 bytes/);
  });
});
