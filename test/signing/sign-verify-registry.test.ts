import * as assert from 'node:assert/strict';
import type * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRegistryClient, RegistryError, sha256Digest, type RegistryClient } from '../../server/src/node/registry';
import { OCI_MANIFEST } from '../../server/src/node/registry/media-types';
import {
  COSIGN_SIGNATURE_ANNOTATION,
  SigningError,
  buildPayload,
  buildSignatureManifest,
  decryptPrivateKey,
  generateCosignKeyPair,
  parsePublicKey,
  parseSignatureManifest,
  signArtifact,
  signPayload,
  signatureLayer,
  signatureTag,
  verifyArtifact,
  type VerifyResult,
} from '../../server/src/node/signing';
import { pushArtifact } from '../registry/artifact';
import { skipUnlessRequired } from '../support/real-client';
import { registryUnavailable, startRegistry, type RunningRegistry } from '../support/registry';

// signArtifact / verifyArtifact against Debian's real docker-registry: the .sig manifest as stored, several
// signatures, and every tampering the issue lists (payload, signature, digest, re-pushed tag), each refused
// with its cause.

interface Keys {
  priv: crypto.KeyObject;
  pub: crypto.KeyObject;
}

async function makeKeys(): Promise<Keys> {
  const pair = await generateCosignKeyPair('pw');
  return { priv: await decryptPrivateKey(pair.privateKeyPem, 'pw'), pub: parsePublicKey(pair.publicKeyPem) };
}

function failure(result: VerifyResult): { failure: string; message: string } {
  assert.equal(result.verified, false, 'expected verification to fail');
  return result.verified ? { failure: '', message: '' } : { failure: result.failure, message: result.message };
}

describe('signing: sign and verify on a real registry', function () {
  this.timeout(120_000);
  let registry: RunningRegistry;
  let client: RegistryClient;
  let alice: Keys;
  let bob: Keys;

  before(async function () {
    const missing = registryUnavailable();
    if (missing) skipUnlessRequired(this, missing);
    registry = await startRegistry();
    client = createRegistryClient(registry.host, { dockerConfigDir: false });
    [alice, bob] = await Promise.all([makeKeys(), makeKeys()]);
  });
  after(async () => registry?.stop());

  /** Rewrites the .sig manifest of `digest` with `layers` (blobs pushed), as an attacker with push rights could. */
  async function forgeSignatures(repo: string, digest: string, layers: { payload: Buffer; signature: string }[]): Promise<void> {
    let manifest: ReturnType<typeof buildSignatureManifest> | undefined;
    let previous;
    for (const l of layers) {
      await client.putBlob(repo, l.payload);
      manifest = buildSignatureManifest(previous, signatureLayer(l.payload, l.signature));
      const parsed = parseSignatureManifest(manifest.manifest);
      assert.ok(parsed.ok);
      previous = parsed.manifest;
    }
    await client.putBlob(repo, manifest!.config);
    await client.putManifest(repo, signatureTag(digest), manifest!.manifest, OCI_MANIFEST);
  }

  it('signs as cosign does and verifies: payload, .sig tag, annotation, config diff_ids', async () => {
    const repo = 'secops/signed';
    const { digest } = await pushArtifact(client, repo, 'v1');
    const ref = `${registry.host}/${repo}`;
    const signed = await signArtifact(client, repo, digest, alice.priv, ref);
    assert.equal(signed.signatureTag, `sha256-${digest.slice(7)}.sig`);
    assert.equal(signed.signatureCount, 1);

    const stored = await client.getManifest(repo, signed.signatureTag);
    assert.ok(stored);
    assert.equal(stored.digest, signed.signatureManifestDigest);
    const doc = JSON.parse(stored.bytes.toString()) as { mediaType: string; config: { digest: string; size: number }; layers: { mediaType: string; digest: string; size: number; annotations: Record<string, string> }[] };
    assert.equal(doc.mediaType, OCI_MANIFEST);
    assert.equal(doc.layers.length, 1);
    assert.equal(doc.layers[0].mediaType, 'application/vnd.dev.cosign.simplesigning.v1+json');
    const payload = await client.getBlob(repo, doc.layers[0]);
    assert.equal(payload.toString(), buildPayload(ref, digest).toString());
    assert.match(doc.layers[0].annotations[COSIGN_SIGNATURE_ANNOTATION], /^MEQCI|^MEUCI|^MEYCI/);
    const config = JSON.parse((await client.getBlob(repo, doc.config)).toString()) as { rootfs: { diff_ids: string[] } };
    assert.deepEqual(config.rootfs.diff_ids, [sha256Digest(payload)]);

    const result = await verifyArtifact(client, repo, digest, alice.pub);
    assert.ok(result.verified, JSON.stringify(result));
    assert.equal(result.signature.index, 1);
    assert.deepEqual(result.signature.payload, { dockerReference: ref, manifestDigest: digest });
    assert.equal(result.manifest.digest, digest);
    assert.deepEqual(failure(await verifyArtifact(client, repo, digest, bob.pub)), {
      failure: 'invalid-signature',
      message: `none of the 1 signature of ${registry.host}/${repo}@${digest} is valid: signature 1: the signature does not verify with the given public key`,
    });
    // A manifest handed in by the caller is re-hashed: bytes that are not the digest's are refused.
    const served = (await client.getManifest(repo, digest))!;
    assert.ok((await verifyArtifact(client, repo, digest, alice.pub, { manifest: served })).verified);
    const altered = { ...served, bytes: Buffer.concat([served.bytes, Buffer.from('\n')]) };
    assert.equal(failure(await verifyArtifact(client, repo, digest, alice.pub, { manifest: altered })).failure, 'digest-mismatch');
    const matched = await verifyArtifact(client, repo, digest, alice.pub, { expectedRepository: ref });
    assert.ok(matched.verified);
    assert.match(failure(await verifyArtifact(client, repo, digest, alice.pub, { expectedRepository: `${registry.host}/other` })).message, /the payload names .*secops\/signed, not .*\/other/);
  });

  it('adds a second signature beside the first; either key verifies, and the rejected one is named', async () => {
    const repo = 'secops/two-signers';
    const { digest } = await pushArtifact(client, repo, 'v1');
    const ref = `${registry.host}/${repo}`;
    await signArtifact(client, repo, digest, alice.priv, ref);
    const second = await signArtifact(client, repo, digest, bob.priv, ref);
    assert.equal(second.signatureCount, 2);
    const byBob = await verifyArtifact(client, repo, digest, bob.pub);
    assert.ok(byBob.verified);
    assert.equal(byBob.signature.index, 2);
    assert.deepEqual(byBob.rejected.map((r) => [r.index, r.reason]), [[1, 'the signature does not verify with the given public key']]);
    const byEither = await verifyArtifact(client, repo, digest, [bob.pub, alice.pub]);
    assert.ok(byEither.verified);
    assert.deepEqual([byEither.signature.index, byEither.signature.keyIndex], [1, 1]);
  });

  it('reports an unsigned artifact, and a digest that does not exist', async () => {
    const repo = 'secops/unsigned';
    const { digest } = await pushArtifact(client, repo, 'v1');
    assert.deepEqual(failure(await verifyArtifact(client, repo, digest, alice.pub)), {
      failure: 'no-signature',
      message: `${registry.host}/${repo}@${digest} is not signed (no ${signatureTag(digest)} in the repository)`,
    });
    const missing = `sha256:${'0'.repeat(64)}`;
    assert.equal(failure(await verifyArtifact(client, repo, missing, alice.pub)).failure, 'manifest-not-found');
    await assert.rejects(signArtifact(client, repo, missing, alice.priv, `${registry.host}/${repo}`), (err: unknown) => err instanceof SigningError && err.code === 'bad-input' && /does not exist: nothing to sign/.test(err.message));
  });

  it('refuses a tampered payload (same signature, one changed byte)', async () => {
    const repo = 'secops/tampered-payload';
    const { digest } = await pushArtifact(client, repo, 'v1');
    const ref = `${registry.host}/${repo}`;
    const payload = buildPayload(ref, digest);
    const signature = signPayload(payload, alice.priv).toString('base64');
    const altered = Buffer.from(payload.toString().replace(ref, `${ref}x`));
    await forgeSignatures(repo, digest, [{ payload: altered, signature }]);
    assert.match(failure(await verifyArtifact(client, repo, digest, alice.pub)).message, /signature 1: the signature does not verify with the given public key$/);
  });

  it('refuses a tampered signature', async () => {
    const repo = 'secops/tampered-signature';
    const { digest } = await pushArtifact(client, repo, 'v1');
    const payload = buildPayload(`${registry.host}/${repo}`, digest);
    const sig = signPayload(payload, alice.priv);
    sig[sig.length - 1] ^= 0x01;
    await forgeSignatures(repo, digest, [{ payload, signature: sig.toString('base64') }, { payload, signature: 'not base64!' }]);
    const { message } = failure(await verifyArtifact(client, repo, digest, alice.pub));
    assert.match(message, /none of the 2 signatures .* signature 1: the signature does not verify with the given public key; signature 2: the signature annotation is not base64$/);
  });

  it('refuses a valid signature of another digest copied onto this one', async () => {
    const repo = 'secops/other-digest';
    const v1 = await pushArtifact(client, repo, 'v1');
    const v2 = await pushArtifact(client, repo, 'v2', 'v2');
    const payload = buildPayload(`${registry.host}/${repo}`, v1.digest);
    await forgeSignatures(repo, v2.digest, [{ payload, signature: signPayload(payload, alice.priv).toString('base64') }]);
    assert.match(failure(await verifyArtifact(client, repo, v2.digest, alice.pub)).message, new RegExp(`signature 1: the payload signs ${v1.digest}, but the manifest served is ${v2.digest}$`));
  });

  it('refuses a re-pushed tag: the new digest has no signature, and the old .sig copied over does not fit', async () => {
    const repo = 'secops/repushed';
    const ref = `${registry.host}/${repo}`;
    const v1 = await pushArtifact(client, repo, 'stable');
    await signArtifact(client, repo, v1.digest, alice.priv, ref);
    const v2 = await pushArtifact(client, repo, 'stable', 'evil');
    const head = await client.headManifest(repo, 'stable');
    assert.equal(head?.digest, v2.digest);
    assert.equal(failure(await verifyArtifact(client, repo, head.digest, alice.pub)).failure, 'no-signature');
    const oldSig = await client.getManifest(repo, signatureTag(v1.digest));
    await client.putManifest(repo, signatureTag(v2.digest), oldSig!.bytes, OCI_MANIFEST);
    const { failure: kind, message } = failure(await verifyArtifact(client, repo, v2.digest, alice.pub));
    assert.equal(kind, 'invalid-signature');
    assert.match(message, new RegExp(`the payload signs ${v1.digest}, but the manifest served is ${v2.digest}`));
    assert.ok((await verifyArtifact(client, repo, v1.digest, alice.pub)).verified, 'the old digest stays verifiable');
  });

  it('refuses a payload blob whose stored bytes were changed behind the registry', async () => {
    const repo = 'secops/corrupt-blob';
    const { digest } = await pushArtifact(client, repo, 'v1');
    const signed = await signArtifact(client, repo, digest, alice.priv, `${registry.host}/${repo}`);
    const hex = signed.payloadDigest.slice(7);
    const data = path.join(registry.storageDir, 'docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
    const bytes = fs.readFileSync(data);
    bytes[10] ^= 0x20;
    fs.writeFileSync(data, bytes);
    assert.match(failure(await verifyArtifact(client, repo, digest, alice.pub)).message, new RegExp(`signature 1: payload blob ${signed.payloadDigest}: .*does not match its digest`));
  });

  it('will not overwrite a .sig tag that holds something else', async () => {
    const repo = 'secops/foreign-sig';
    const { digest, manifest } = await pushArtifact(client, repo, 'v1');
    const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{ mediaType: OCI_MANIFEST, digest, size: manifest.length }] }));
    await client.putManifest(repo, signatureTag(digest), index, 'application/vnd.oci.image.index.v1+json');
    await assert.rejects(signArtifact(client, repo, digest, alice.priv, `${registry.host}/${repo}`), (err: unknown) => err instanceof SigningError && err.code === 'bad-signature-manifest' && /refusing to overwrite it/.test(err.message));
    assert.equal(failure(await verifyArtifact(client, repo, digest, alice.pub)).failure, 'bad-signature-manifest');
  });

  it('lets registry failures through as RegistryError, not as a verdict on the signature', async () => {
    const down = createRegistryClient('127.0.0.1:9', { dockerConfigDir: false, timeoutMs: 2000 });
    await assert.rejects(verifyArtifact(down, 'secops/x', `sha256:${'1'.repeat(64)}`, alice.pub), (err: unknown) => err instanceof RegistryError && err.code === 'unreachable');
  });
});
