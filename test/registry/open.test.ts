import * as assert from 'node:assert/strict';
import { createRegistryClient, sha256Digest, type Descriptor, type RegistryClient } from '../../server/src/node/registry';
import { OCI_MANIFEST } from '../../server/src/node/registry/media-types';
import { requireRegistry, startRegistry, type RunningRegistry } from '../support/registry';
import { ARTIFACT_TYPE, artifactManifest, pushArtifact, rejectsWith } from './artifact';

// The client against Debian's real docker-registry without authentication, over plain HTTP on loopback.

describe('registry client: open registry (real docker-registry)', function () {
  this.timeout(60_000);
  let registry: RunningRegistry;
  let client: RegistryClient;

  before(async function () {
    requireRegistry(this);
    registry = await startRegistry();
    client = createRegistryClient(registry.host, { dockerConfigDir: false });
  });
  after(async () => registry?.stop());

  it('pushes an OCI artifact and reads it back byte-identical with the same digest', async () => {
    const pushed = await pushArtifact(client, 'secops/policy', 'v1');
    assert.equal(pushed.digest, sha256Digest(pushed.manifest));
    const byTag = await client.getManifest('secops/policy', 'v1');
    assert.ok(byTag);
    assert.ok(byTag.bytes.equals(pushed.manifest), 'manifest bytes as pushed');
    assert.equal(byTag.digest, pushed.digest);
    assert.equal(byTag.mediaType, OCI_MANIFEST);
    assert.equal((JSON.parse(byTag.bytes.toString('utf8')) as { artifactType: string }).artifactType, ARTIFACT_TYPE);
    const byDigest = await client.getManifest('secops/policy', pushed.digest);
    assert.ok(byDigest?.bytes.equals(pushed.manifest));
    const manifest = JSON.parse(byTag.bytes.toString('utf8')) as { config: Descriptor; layers: Descriptor[] };
    const config = await client.getBlob('secops/policy', manifest.config);
    const layer = await client.getBlob('secops/policy', manifest.layers[0]);
    assert.ok(config.equals(pushed.config));
    assert.ok(layer.equals(pushed.layer));
  });

  it('HEAD answers the digest, media type and size without the body', async () => {
    const pushed = await pushArtifact(client, 'secops/head', 'stable', 'head');
    const head = await client.headManifest('secops/head', 'stable');
    assert.deepEqual(head, { digest: pushed.digest, mediaType: OCI_MANIFEST, size: pushed.manifest.length });
    assert.deepEqual(await client.headManifest('secops/head', pushed.digest), head);
  });

  it('a re-pushed tag moves to the new digest', async () => {
    const first = await pushArtifact(client, 'secops/moving', 'stable', 'one');
    const second = await pushArtifact(client, 'secops/moving', 'stable', 'two');
    assert.notEqual(first.digest, second.digest);
    assert.equal((await client.headManifest('secops/moving', 'stable'))?.digest, second.digest);
    assert.ok((await client.getManifest('secops/moving', first.digest))?.bytes.equals(first.manifest), 'the old digest stays readable');
  });

  it('answers undefined for a missing manifest and not-found for a missing blob', async () => {
    assert.equal(await client.getManifest('secops/nothing-here', 'v1'), undefined);
    assert.equal(await client.headManifest('secops/nothing-here', 'v1'), undefined);
    await pushArtifact(client, 'secops/some', 'v1', 'some');
    assert.equal(await client.getManifest('secops/some', 'v2'), undefined);
    const missing = Buffer.from('never pushed');
    await rejectsWith(client.getBlob('secops/some', { digest: sha256Digest(missing), size: missing.length }), 'not-found', /BLOB_UNKNOWN|not found/);
  });

  it('uploading the same blob twice is harmless (content-addressed)', async () => {
    const bytes = Buffer.from('same bytes');
    const a = await client.putBlob('secops/dedupe', bytes);
    const b = await client.putBlob('secops/dedupe', bytes);
    assert.deepEqual(a, b);
    assert.deepEqual(a, { digest: sha256Digest(bytes), size: bytes.length });
  });

  it('refuses manifests above the cap with too-large, in both directions', async () => {
    const config = Buffer.from('{}');
    const layer = Buffer.from('x');
    await client.putBlob('secops/huge', config);
    await client.putBlob('secops/huge', layer);
    // Above the default 4 MiB: refused before sending (registry 2.8 has the same limit).
    const huge = artifactManifest(config, layer, { padding: 'p'.repeat(4 * 1024 * 1024) });
    await rejectsWith(client.putManifest('secops/huge', 'v1', huge, OCI_MANIFEST), 'too-large', /above the limit of 4194304/);
    // A manifest the registry stores and serves, read by a client whose cap is below its size.
    const big = artifactManifest(config, layer, { padding: 'p'.repeat(3000) });
    await client.putManifest('secops/huge', 'v2', big, OCI_MANIFEST);
    const strict = createRegistryClient(registry.host, { dockerConfigDir: false, maxManifestBytes: 2048 });
    await rejectsWith(strict.getManifest('secops/huge', 'v2'), 'too-large', /larger than 2048 bytes/);
    assert.equal((await client.getManifest('secops/huge', 'v2'))?.bytes.length, big.length);
  });

  it('refuses a blob whose descriptor is above the blob cap before downloading it', async () => {
    const small = createRegistryClient(registry.host, { dockerConfigDir: false, maxBlobBytes: 100 });
    const bytes = Buffer.alloc(500, 1);
    await client.putBlob('secops/capped', bytes);
    await rejectsWith(small.getBlob('secops/capped', { digest: sha256Digest(bytes), size: bytes.length }), 'too-large', /above the limit of 100/);
    assert.ok((await client.getBlob('secops/capped', { digest: sha256Digest(bytes), size: bytes.length })).equals(bytes));
  });

  it('a descriptor with the wrong size is a digest mismatch, whatever the registry serves', async () => {
    const bytes = Buffer.from('twelve bytes');
    await client.putBlob('secops/sizes', bytes);
    const digest = sha256Digest(bytes);
    await rejectsWith(client.getBlob('secops/sizes', { digest, size: bytes.length - 1 }), 'digest-mismatch', /longer than the 11 bytes/);
    await rejectsWith(client.getBlob('secops/sizes', { digest, size: bytes.length + 1 }), 'digest-mismatch', /12 of 13 bytes/);
  });

  it('refuses invalid repository names and references before any request', async () => {
    await rejectsWith(client.getManifest('../v2', 'v1'), 'protocol', /not a valid repository/);
    await rejectsWith(client.getManifest('secops/policy', 'v1/../../x'), 'protocol', /not a valid manifest reference/);
    await rejectsWith(client.getBlob('secops/policy', { digest: 'sha256:abc', size: 1 }), 'protocol', /digest/);
  });

  it('detects the plain-HTTP loopback registry without being told, and honours an explicit scheme', async () => {
    const explicit = createRegistryClient(`http://${registry.host}`, { dockerConfigDir: false });
    await pushArtifact(explicit, 'secops/scheme', 'v1', 'scheme');
    assert.ok(await client.headManifest('secops/scheme', 'v1'));
    const https = createRegistryClient(registry.host, { dockerConfigDir: false, scheme: 'https' });
    await rejectsWith(https.headManifest('secops/scheme', 'v1'), 'unreachable', /TLS/);
  });

  it('uploads when the registry answers a relative Location that already has a query', async () => {
    const relative = await startRegistry({ relativeUrls: true });
    try {
      const probe = await fetch(`${relative.url}/v2/secops/rel/blobs/uploads/`, { method: 'POST' });
      assert.match(probe.headers.get('location') ?? '', /^\/v2\/secops\/rel\/blobs\/uploads\/[^?]+\?_state=/, 'the registry really answers relative URLs here');
      const relClient = createRegistryClient(relative.host, { dockerConfigDir: false });
      const pushed = await pushArtifact(relClient, 'secops/rel', 'v1');
      assert.ok((await relClient.getManifest('secops/rel', 'v1'))?.bytes.equals(pushed.manifest));
    } finally {
      await relative.stop();
    }
  });

  it('a stopped registry is unreachable, with the address in the message', async () => {
    const other = await startRegistry();
    const host = other.host;
    await other.stop();
    await rejectsWith(createRegistryClient(host, { dockerConfigDir: false }).headManifest('secops/x', 'v1'), 'unreachable', new RegExp(`${host.replace(/\./g, '\\.')}.*refused`));
  });
});
