import { ARTIFACT_TYPE, BundleError, DEFAULT_TAR_LIMITS, INDEX_MEDIA_TYPE, MANIFEST_MEDIA_TYPE, readTar, sha256, writeTar } from '../bundle';
import { RegistryError, type ArtifactSource, type Descriptor, type FetchedManifest } from '../registry';
import { SIMPLE_SIGNING_MEDIA_TYPE, parseSignatureManifest, signatureTag } from '../signing';
import { PolicyError } from './policy-error';

// The air-gapped form of a signed bundle (`bulwark policy export` / `import`): one OCI image layout tar
// holding the bundle's manifest, config and layer AND its cosign `.sig` manifest with the signature
// payloads, exactly the bytes a registry serves. Read back, the archive is an ArtifactSource, so import
// verifies and activates through the same code as a pull (pull-policy.ts): nothing is trusted because
// it came in a file.

/** Index annotation: the registry reference the bundle was exported from (what import caches it as). */
export const REF_ANNOTATION = 'dev.bulwark.policy.ref';
/** The largest archive `policy import` (CLI or editor) reads: far above any real bundle, far below memory trouble. */
export const MAX_POLICY_ARCHIVE_BYTES = 128 * 1024 * 1024;
const REF_NAME = 'org.opencontainers.image.ref.name';
const SIGNATURE_ARTIFACT_TYPE = SIMPLE_SIGNING_MEDIA_TYPE;

export interface ArchiveParts {
  /** `registry/repository:tag` (or `…@sha256:…`), recorded for import. */
  readonly ref: string;
  readonly tag: string;
  readonly manifest: FetchedManifest;
  readonly signatureManifest: FetchedManifest;
  /** Every blob either manifest names: config, layer, signature config and payloads. */
  readonly blobs: readonly Buffer[];
}

/** Collects a signed bundle from a source (a registry): refuses an unsigned one, there is nothing to carry. */
export async function collectArchive(source: ArtifactSource, repository: string, digest: string, ref: string, tag: string): Promise<ArchiveParts> {
  const where = `${source.registry}/${repository}@${digest}`;
  const manifest = await source.getManifest(repository, digest);
  if (!manifest) throw new PolicyError('not-found', `${where} does not exist in the registry`);
  const sigTag = signatureTag(digest);
  const signatureManifest = await source.getManifest(repository, sigTag);
  if (!signatureManifest) throw new PolicyError('signature', `${where} is not signed (no ${sigTag}): sign it with "bulwark policy sign" before exporting it`);
  const parsed = parseSignatureManifest(signatureManifest.bytes);
  if (!parsed.ok) throw new PolicyError('signature', `${source.registry}/${repository}:${sigTag} is not a signature manifest: ${parsed.error}`);
  const blobs: Buffer[] = [];
  for (const d of [...descriptorsOf(manifest.bytes, where), ...descriptorsOf(signatureManifest.bytes, where)]) blobs.push(await source.getBlob(repository, d));
  return { ref, tag, manifest, signatureManifest, blobs };
}

/** The layout tar: oci-layout, index.json (bundle, then signature), blobs/sha256/<hex>. Deterministic. */
export function archiveTar(parts: ArchiveParts): Buffer {
  const entry = (m: FetchedManifest, artifactType: string, refName: string, extra: Record<string, string> = {}) => ({
    mediaType: MANIFEST_MEDIA_TYPE,
    digest: m.digest,
    size: m.bytes.length,
    artifactType,
    annotations: { [REF_NAME]: refName, ...extra },
  });
  const index = {
    schemaVersion: 2,
    mediaType: INDEX_MEDIA_TYPE,
    manifests: [
      entry(parts.manifest, ARTIFACT_TYPE, parts.tag, { [REF_ANNOTATION]: parts.ref }),
      entry(parts.signatureManifest, SIGNATURE_ARTIFACT_TYPE, signatureTag(parts.manifest.digest)),
    ],
  };
  const files = new Map<string, Buffer>([
    ['oci-layout', Buffer.from(JSON.stringify({ imageLayoutVersion: '1.0.0' }))],
    ['index.json', Buffer.from(JSON.stringify(index))],
  ]);
  for (const bytes of [parts.manifest.bytes, parts.signatureManifest.bytes, ...parts.blobs]) files.set(`blobs/sha256/${sha256(bytes).slice('sha256:'.length)}`, bytes);
  return writeTar(files);
}

export interface OpenedArchive {
  /** Reads manifests by digest or by the tag the index names, blobs by digest (size checked). */
  readonly source: ArtifactSource;
  readonly digest: string;
  /** The reference recorded at export, if any. */
  readonly ref?: string;
}

/**
 * Reads an archive as untrusted input: the tar reader's limits (no links, `..`, devices; size caps),
 * every blob must hash to its name, exactly one Bulwark policy manifest. The signature is not judged
 * here; the caller verifies it through `source` as it would against a registry.
 */
export function openArchive(tar: Buffer): OpenedArchive {
  const entries = readTar(tar, DEFAULT_TAR_LIMITS);
  if (!entries.has('oci-layout')) throw new BundleError('invalid', 'not an OCI image layout: there is no oci-layout file (make one with "bulwark policy export")');
  const blobs = new Map<string, Buffer>();
  for (const [path, bytes] of entries) {
    const m = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(path);
    if (path.startsWith('blobs/') && !m) throw new BundleError('invalid', `unexpected file "${path}" in blobs/`);
    if (!m) continue;
    if (sha256(bytes) !== `sha256:${m[1]}`) throw new BundleError('digest-mismatch', `blob ${m[1].slice(0, 12)}… does not match its digest (the archive was altered)`);
    blobs.set(`sha256:${m[1]}`, bytes);
  }
  let index: { manifests?: Descriptor[] };
  try {
    index = JSON.parse((entries.get('index.json') ?? Buffer.from('')).toString('utf8')) as typeof index;
  } catch {
    throw new BundleError('invalid', 'the archive has no readable index.json');
  }
  const manifests = Array.isArray(index?.manifests) ? index.manifests.filter((d) => d && typeof d === 'object' && typeof d.digest === 'string') : [];
  const bundles = manifests.filter((d) => d.artifactType === ARTIFACT_TYPE);
  if (bundles.length !== 1) throw new BundleError('invalid', `the archive must hold exactly one Bulwark policy manifest (found ${bundles.length})`);
  const ref = bundles[0].annotations?.[REF_ANNOTATION];
  const registry = ref?.split('/')[0] ?? 'archive';
  const byDigest = (digest: string, mediaType: string): FetchedManifest | undefined => {
    const bytes = blobs.get(digest);
    return bytes ? { bytes, digest: sha256(bytes), mediaType } : undefined;
  };
  const source: ArtifactSource = {
    registry,
    // The archive is in memory: the registry interface is asynchronous, the answers are immediate.
    getManifest: (_repository, reference) => {
      if (reference.startsWith('sha256:')) return Promise.resolve(byDigest(reference, manifests.find((d) => d.digest === reference)?.mediaType ?? MANIFEST_MEDIA_TYPE));
      const named = manifests.find((d) => d.annotations?.[REF_NAME] === reference);
      return Promise.resolve(named ? byDigest(named.digest, named.mediaType) : undefined);
    },
    getBlob: (_repository, d) => {
      const bytes = blobs.get(d.digest);
      if (!bytes) return Promise.reject(new RegistryError('not-found', `the archive has no blob ${d.digest}`));
      if (bytes.length !== d.size) return Promise.reject(new RegistryError('digest-mismatch', `blob ${d.digest} is ${bytes.length} bytes, its descriptor says ${d.size}`));
      return Promise.resolve(bytes);
    },
  };
  return { source, digest: bundles[0].digest, ...(ref ? { ref } : {}) };
}

function descriptorsOf(bytes: Buffer, where: string): Descriptor[] {
  try {
    const m = JSON.parse(bytes.toString('utf8')) as { config?: Descriptor; layers?: Descriptor[] };
    return [...(m.config ? [m.config] : []), ...(Array.isArray(m.layers) ? m.layers : [])];
  } catch {
    throw new PolicyError('invalid', `${where}: a manifest is not JSON`);
  }
}
