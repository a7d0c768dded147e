import { createHash } from 'node:crypto';
import type * as zlib from 'node:zlib';
import type { LoadedBundle } from '../../engine/policy';
import { writeTar, type FileTree } from './tar';

// The OCI artifact of a bundle (docs/policy.md "Artifact"): a config blob with the canonical metadata,
// one deterministic tar+gzip layer of the source folder, and an image manifest naming both.

export const ARTIFACT_TYPE = 'application/vnd.bulwark.policy.v1';
export const CONFIG_MEDIA_TYPE = 'application/vnd.bulwark.policy.config.v1+json';
export const LAYER_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json';
const TITLE_ANNOTATION = 'org.opencontainers.image.title';
export const LAYER_TITLE = 'policy.tar.gz';
/** Major.minor: a reader refuses another major; a newer minor only adds fields. */
export const FORMAT_VERSION = '1.0';

export interface BundleConfig {
  readonly formatVersion: string;
  readonly name: string;
  readonly version: string;
  readonly minEngineVersion?: string;
  readonly description?: string;
  readonly approvedImages: boolean;
  readonly packs: readonly { readonly id: string; readonly version: string; readonly rules: readonly string[] }[];
}

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly artifactType?: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface Artifact {
  readonly config: Buffer;
  readonly layer: Buffer;
  readonly manifest: Buffer;
  /** sha256 of the manifest bytes: the bundle's identity. */
  readonly digest: string;
}

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** gzip with a fixed header: no name, mtime 0, XFL 2 (level 9), OS 255 ("unknown"), whatever the platform. */
export function deterministicGzip(bytes: Buffer): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when a bundle is built, not at start (start-up time)
  const gz = (require('node:zlib') as typeof zlib).gzipSync(bytes, { level: 9 });
  gz.writeUInt32LE(0, 4);
  gz[8] = 2;
  gz[9] = 0xff;
  return gz;
}

export function bundleConfig(bundle: LoadedBundle): BundleConfig {
  const policy = bundle.policy;
  return {
    formatVersion: FORMAT_VERSION,
    name: policy.name,
    version: policy.version,
    ...(policy.minEngineVersion ? { minEngineVersion: policy.minEngineVersion } : {}),
    ...(policy.description ? { description: policy.description } : {}),
    approvedImages: bundle.approvedImages !== undefined,
    packs: bundle.packs.map((p) => ({ id: p.info.id, version: p.info.version, rules: p.rules.map((r) => r.meta.id).sort() })),
  };
}

/** Builds the artifact; the same files and bundle always give the same bytes, hence the same digest. */
export function buildArtifact(files: FileTree, bundle: LoadedBundle): Artifact {
  const layer = deterministicGzip(writeTar(files));
  const config = Buffer.from(JSON.stringify(bundleConfig(bundle)));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST_MEDIA_TYPE,
      artifactType: ARTIFACT_TYPE,
      config: { mediaType: CONFIG_MEDIA_TYPE, digest: sha256(config), size: config.length },
      layers: [{ mediaType: LAYER_MEDIA_TYPE, digest: sha256(layer), size: layer.length, annotations: { [TITLE_ANNOTATION]: LAYER_TITLE } }],
      annotations: {
        'org.opencontainers.image.title': bundle.policy.name,
        'org.opencontainers.image.version': bundle.policy.version,
        ...(bundle.policy.minEngineVersion ? { 'dev.bulwark.policy.min-engine-version': bundle.policy.minEngineVersion } : {}),
      },
    }),
  );
  return { config, layer, manifest, digest: sha256(manifest) };
}

/** An OCI image layout (oci-layout, index.json, blobs/sha256/…) as one uncompressed, deterministic tar. */
export function imageLayoutTar(artifact: Artifact, refName: string): Buffer {
  const blob = (bytes: Buffer): [string, Buffer] => [`blobs/sha256/${sha256(bytes).slice('sha256:'.length)}`, bytes];
  const index = {
    schemaVersion: 2,
    mediaType: INDEX_MEDIA_TYPE,
    manifests: [
      {
        mediaType: MANIFEST_MEDIA_TYPE,
        digest: artifact.digest,
        size: artifact.manifest.length,
        artifactType: ARTIFACT_TYPE,
        annotations: { 'org.opencontainers.image.ref.name': refName },
      },
    ],
  };
  return writeTar(
    new Map([
      ['oci-layout', Buffer.from(JSON.stringify({ imageLayoutVersion: '1.0.0' }))],
      ['index.json', Buffer.from(JSON.stringify(index))],
      blob(artifact.config),
      blob(artifact.layer),
      blob(artifact.manifest),
    ]),
  );
}
