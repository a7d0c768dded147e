import * as assert from 'node:assert/strict';
import { RegistryError, sha256Digest, type RegistryClient } from '../../server/src/node/registry';
import { OCI_MANIFEST } from '../../server/src/node/registry/media-types';

// A small OCI artifact in the shape of a Bulwark policy bundle (config blob + one titled layer,
// artifactType set), pushed with the client under test.

export const ARTIFACT_TYPE = 'application/vnd.bulwark.policy.v1';
const CONFIG_TYPE = 'application/vnd.bulwark.policy.config.v1+json';
const LAYER_TYPE = 'application/vnd.oci.image.layer.v1.tar+gzip';

export interface PushedArtifact {
  readonly manifest: Buffer;
  readonly digest: string;
  readonly config: Buffer;
  readonly layer: Buffer;
}

export function artifactManifest(config: Buffer, layer: Buffer, annotations: Record<string, string> = {}): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: ARTIFACT_TYPE,
      config: { mediaType: CONFIG_TYPE, digest: sha256Digest(config), size: config.length },
      layers: [{ mediaType: LAYER_TYPE, digest: sha256Digest(layer), size: layer.length, annotations: { 'org.opencontainers.image.title': 'policy.tar.gz' } }],
      annotations: { 'org.opencontainers.image.version': '1.0.0', ...annotations },
    }),
  );
}

export async function pushArtifact(client: RegistryClient, repository: string, tag: string, seed = 'v1'): Promise<PushedArtifact> {
  const config = Buffer.from(JSON.stringify({ formatVersion: 1, name: 'acme', version: seed }));
  const layer = Buffer.from(`layer bytes for ${seed} `.repeat(500));
  await client.putBlob(repository, config);
  await client.putBlob(repository, layer);
  const manifest = artifactManifest(config, layer);
  const digest = await client.putManifest(repository, tag, manifest, OCI_MANIFEST);
  return { manifest, digest, config, layer };
}

/** Awaits a rejection with a RegistryError of `code` (and a message matching `message`). */
export async function rejectsWith(promise: Promise<unknown>, code: RegistryError['code'], message?: RegExp): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RegistryError, `expected a RegistryError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return error;
  }
  assert.fail(`expected a RegistryError ${code}`);
}
