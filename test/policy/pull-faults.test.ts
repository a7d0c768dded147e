import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACT_TYPE, CONFIG_MEDIA_TYPE, LAYER_MEDIA_TYPE, MANIFEST_MEDIA_TYPE, deterministicGzip } from '../../server/src/node/bundle';
import { PolicyCache, PolicyError, loadCachedPolicy, pullPolicy, type PolicyContext, type PolicySource } from '../../server/src/node/policy';
import { createRegistryClient } from '../../server/src/node/registry';
import { decryptPrivateKey, signArtifact } from '../../server/src/node/signing';
import { runCli } from '../cli/cli-harness';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import type { RunningRegistry } from '../support/registry';
import { rawTar, type RawEntry } from '../unit/bundle/hostile-tar';
import { KEY_PASSWORD, publishExampleBundle, startPolicyRegistry, stopPolicyRegistry } from './publish';

// A broken registry never replaces the last good policy: with a verified v1 cached, the tag moves to a
// validly signed v2, and every fault on the way to v2 (5xx, a flipped byte, a cut-off blob, a hang, an
// artifact of another type, signed) ends with v1 still the active bundle and a PolicyError naming the
// cause. Debian's real docker-registry serves; a loopback proxy damages chosen answers (fault injection
// only). Once the faults stop, v2 is pulled and activated.

describe('policy pull: every fault keeps the last good bundle', function () {
  this.timeout(120_000);
  let registry: RunningRegistry;
  let proxy: FaultProxy;
  let root: string;
  let source: PolicySource;
  let context: PolicyContext;
  let v1: string;
  let v2: string;

  const active = () => context.cache.read(source.ref)?.digest;

  before(async function () {
    ({ registry, root } = await startPolicyRegistry(this, 'pull-faults'));
    proxy = await startFaultProxy(registry.host);
    v1 = publishExampleBundle(root, registry).digest;
    source = { ref: `${proxy.host}/security/policy:stable`, publicKeyPem: fs.readFileSync(path.join(root, 'keys', 'bulwark.pub'), 'utf8') };
    context = { cache: new PolicyCache(path.join(root, 'cache')), engineVersion: '0.1.0', now: () => new Date(), registry: { env: {}, timeoutMs: 2_000 } };
    const first = await pullPolicy(source, context);
    assert.equal(first.active.record.digest, v1);
    // The tag moves on to a new version, validly signed.
    const policyFile = path.join(root, 'bundle', 'policy.yaml');
    fs.writeFileSync(policyFile, fs.readFileSync(policyFile, 'utf8').replace('version: 0.1.0', 'version: 0.2.0'));
    const push = runCli(['policy', 'push', 'bundle', `${registry.host}/security/policy:stable`, '--key', 'keys/bulwark.key'], { cwd: root, env: { BULWARK_KEY_PASSWORD: KEY_PASSWORD } });
    assert.equal(push.status, 0, push.stderr);
    v2 = push.stdout.trim().split('@')[1];
    assert.notEqual(v1, v2);
  });
  afterEach(() => proxy?.clear());
  after(async () => {
    await proxy?.close();
    await stopPolicyRegistry(registry, root);
  });

  const faults: [string, string, Parameters<FaultProxy['inject']>[1], RegExp][] = [
    ['a 503 on the manifest', `/manifests/${'sha256:'}`, { kind: 'status', status: 503 }, /503|unavailable/i],
    ['a flipped byte in a blob', '/blobs/', { kind: 'flip-byte' }, /digest|does not match|signature/i],
    ['a blob cut off halfway', '/blobs/', { kind: 'truncate' }, /blob|closed|digest|size|socket|reset|end/i],
    ['a registry that never answers', `/manifests/${'sha256:'}`, { kind: 'hang' }, /time|answer/i],
  ];
  for (const [what, pathPart, fault, message] of faults) {
    it(`${what}: PolicyError, and v1 stays active and loadable offline`, async () => {
      proxy.inject(pathPart, fault);
      await assert.rejects(pullPolicy(source, context), (err: unknown) => err instanceof PolicyError && message.test(err.message));
      assert.equal(active(), v1);
      assert.equal(loadCachedPolicy(source, context)?.record.version, '0.1.0');
    });
  }

  it('an artifact of another type, validly signed, is refused and v1 stays', async () => {
    const client = createRegistryClient(registry.host, { env: {} });
    const config = Buffer.from('{}');
    const layer = Buffer.from('not a policy');
    await client.putBlob('security/policy', config);
    await client.putBlob('security/policy', layer);
    const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
    const manifest = Buffer.from(JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: 'application/vnd.example.other.v1',
      config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha(config), size: config.length },
      layers: [{ mediaType: 'application/octet-stream', digest: sha(layer), size: layer.length }],
    }));
    const digest = await client.putManifest('security/policy', 'other', manifest, 'application/vnd.oci.image.manifest.v1+json');
    const key = await decryptPrivateKey(fs.readFileSync(path.join(root, 'keys', 'bulwark.key'), 'utf8'), KEY_PASSWORD);
    await signArtifact(client, 'security/policy', digest, key, `${registry.host}/security/policy`);
    const otherSource = { ...source, ref: `${proxy.host}/security/policy:other` };
    await assert.rejects(pullPolicy(otherSource, context), (err: unknown) => err instanceof PolicyError && err.code === 'invalid' && /not a Bulwark policy bundle/.test(err.message));
    assert.equal(context.cache.read(otherSource.ref), undefined, 'nothing activated for the other reference');
    assert.equal(active(), v1);
  });

  // A validly signed bundle whose layer holds an entry that could escape or alias the extraction: the
  // signature is fine, so only the tar reader stands between it and the cache.
  const unsafeLayers: [string, RawEntry, RegExp][] = [
    ['a path with ..', { name: 'packs/../../escape.yaml', content: 'x: 1\n' }, /\.\./],
    ['an absolute path', { name: '/etc/bulwark.yaml', content: 'x: 1\n' }, /absolute/i],
    ['a symlink', { name: 'packs/link', type: '2', linkname: '/etc/passwd' }, /link/i],
    ['a hard link', { name: 'packs/hard', type: '1', linkname: 'policy.yaml' }, /link/i],
  ];
  for (const [what, entry, message] of unsafeLayers) {
    it(`a signed bundle whose layer has ${what} is refused, nothing of it is cached, and v1 stays`, async () => {
      const client = createRegistryClient(registry.host, { env: {} });
      const policyYaml = 'name: bundle\nversion: 0.9.0\n';
      const layer = deterministicGzip(rawTar([{ name: 'policy.yaml', content: policyYaml }, entry]));
      const config = Buffer.from(JSON.stringify({ formatVersion: '1.0', name: 'bundle', version: '0.9.0', approvedImages: false, packs: [] }));
      const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
      await client.putBlob('security/policy', config);
      await client.putBlob('security/policy', layer);
      const manifest = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST_MEDIA_TYPE,
        artifactType: ARTIFACT_TYPE,
        config: { mediaType: CONFIG_MEDIA_TYPE, digest: sha(config), size: config.length },
        layers: [{ mediaType: LAYER_MEDIA_TYPE, digest: sha(layer), size: layer.length }],
      }));
      const tag = `unsafe-${entry.type ?? '0'}-${entry.name.length}`;
      const digest = await client.putManifest('security/policy', tag, manifest, MANIFEST_MEDIA_TYPE);
      const key = await decryptPrivateKey(fs.readFileSync(path.join(root, 'keys', 'bulwark.key'), 'utf8'), KEY_PASSWORD);
      await signArtifact(client, 'security/policy', digest, key, `${registry.host}/security/policy`);
      const unsafeSource = { ...source, ref: `${proxy.host}/security/policy:${tag}` };
      await assert.rejects(pullPolicy(unsafeSource, context), (err: unknown) => err instanceof PolicyError && err.code === 'invalid' && message.test(err.message));
      assert.equal(context.cache.read(unsafeSource.ref), undefined, 'nothing activated for the unsafe reference');
      assert.equal(fs.existsSync(context.cache.bundlePath(digest)), false, 'the refused bundle is not left in the cache');
      assert.equal(active(), v1);
      assert.equal(loadCachedPolicy(source, context)?.record.version, '0.1.0');
    });
  }

  it('once the registry behaves, v2 is verified and activated', async () => {
    const result = await pullPolicy(source, context);
    assert.equal(result.changed, true);
    assert.equal(active(), v2);
    assert.equal(result.active.record.version, '0.2.0');
  });
});
