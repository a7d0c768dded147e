import * as crypto from 'node:crypto';
import { formatImageReference, parseImageReference, type ImageRef } from '../../engine/images/reference';
import { builtinTemplates } from '../../engine';
import type { LoadedBundle } from '../../engine/policy';
import { ARTIFACT_TYPE, BundleError, LAYER_MEDIA_TYPE, imageLayoutTar, openBundle, type OpenedBundle } from '../bundle';
import { createRegistryClient, isRegistryError, type ArtifactSource, type Descriptor, type RegistryClient, type RegistryClientOptions } from '../registry';
import { SigningError, checkSimpleSigning, parsePublicKey, verifyArtifact } from '../signing';
import type { ActiveRecord, PolicyCache } from './policy-cache';
import { PolicyError } from './policy-error';
import { decodePrepared, encodePrepared, validationFingerprint } from './prepared-bundle';
import { openArchive, type OpenedArchive } from './bundle-archive';

// Pull → verify → validate → activate, and the offline path that starts from the cache. Whatever fails,
// the cache's active record is untouched, so the last good bundle stays in force; the caller reports the
// PolicyError (its code says which part failed, its message what to do).

export interface PolicySource {
  /** `registry/repository:tag`, or pinned with `@sha256:…` (a lock file's form). */
  readonly ref: string;
  /** PEM SPKI public key the bundle must be signed with. */
  readonly publicKeyPem: string;
}

export interface PolicyContext {
  readonly cache: PolicyCache;
  readonly engineVersion: string;
  readonly now: () => Date;
  /** Options for the registry client (credentials, CA file, env for Docker's config.json). */
  readonly registry?: RegistryClientOptions;
  /** Tests and callers that already hold a client can pass a factory. */
  readonly clientFor?: (registry: string) => RegistryClient;
}

export interface ActivePolicy {
  readonly record: ActiveRecord;
  readonly bundle: LoadedBundle;
}

export interface PullResult {
  readonly active: ActivePolicy;
  /** False when the registry still serves the active digest (one HEAD, nothing downloaded). */
  readonly changed: boolean;
}

const MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';

/** The bundle the cache holds for this source, re-verified offline; undefined when there is none. */
export function loadCachedPolicy(source: PolicySource, context: PolicyContext): ActivePolicy | undefined {
  const key = publicKeyOf(source);
  const record = context.cache.read(source.ref);
  return record ? openCached(record, key, context) : undefined;
}

/**
 * `inForce`: the bundle the caller already applies (the editor's), so an unchanged tag is confirmed
 * with one HEAD and nothing is read or re-validated.
 */
export async function pullPolicy(source: PolicySource, context: PolicyContext, inForce?: ActivePolicy): Promise<PullResult> {
  const ref = referenceOf(source.ref);
  const key = publicKeyOf(source);
  const client = context.clientFor?.(ref.registry) ?? createRegistryClient(ref.registry, context.registry ?? {});
  return registryErrors(async () => {
    const digest = ref.digest ?? (await headDigest(client, ref));
    const current = context.cache.read(source.ref);
    if (inForce && current && inForce.record.digest === digest && current.digest === digest && current.keyFingerprint === fingerprint(key)) {
      return { active: { ...inForce, record: context.cache.touch(current, context.now()) }, changed: false };
    }
    if (current && current.digest === digest && current.keyFingerprint === fingerprint(key)) {
      const active = tryOpenCached(current, key, context);
      if (active) return { active: { ...active, record: context.cache.touch(current, context.now()) }, changed: false };
    }
    return { active: await fetchAndActivate(client, ref, source.ref, digest, key, context), changed: true };
  });
}

async function fetchAndActivate(client: ArtifactSource, ref: ImageRef, refText: string, digest: string, key: crypto.KeyObject, context: PolicyContext): Promise<ActivePolicy> {
  const where = `${ref.registry}/${ref.repository}@${digest}`;
  const manifest = await client.getManifest(ref.repository, digest);
  if (!manifest) throw new PolicyError('not-found', `${where} does not exist in the registry`);
  if (manifest.digest !== digest) throw new PolicyError('invalid', `the registry served a manifest with digest ${manifest.digest} for ${where}`);
  // Nothing unsigned is interpreted: the signature is checked before the manifest is read.
  const verified = await verifyArtifact(client, ref.repository, digest, key, { manifest });
  if (!verified.verified) throw new PolicyError('signature', `${verified.message}: the bundle was not applied`);
  const { config, layer } = policyDescriptors(manifest.bytes, where);
  const configBytes = await client.getBlob(ref.repository, config);
  const layerBytes = await client.getBlob(ref.repository, layer);
  const tar = imageLayoutTar({ config: configBytes, layer: layerBytes, manifest: manifest.bytes, digest }, refText);
  const stored = context.cache.store(digest, tar);
  let opened: OpenedBundle;
  try {
    opened = openBundle(stored, context.engineVersion);
  } catch (err) {
    context.cache.discard(digest);
    throw bundleProblem(err, where);
  }
  storePrepared(opened.bundle, context);
  const now = context.now().toISOString();
  const record: ActiveRecord = {
    ref: refText,
    digest,
    name: opened.bundle.identity.name,
    version: opened.bundle.identity.version,
    verifiedAt: now,
    checkedAt: now,
    keyFingerprint: fingerprint(key),
    payload: verified.signature.payloadBytes.toString('base64'),
    signature: verified.signature.signatureBase64,
  };
  context.cache.activate(record);
  return { record, bundle: opened.bundle };
}

/**
 * The cached bundle for a record: the signature in the record is checked against the configured key
 * first (a record names only a digest that key signed); then the validated form stored at pull time is
 * used when it is intact and was derived from that digest by this Bulwark build (prepared-bundle.ts),
 * else the image-layout tar is read and validated in full (its blobs chain to the signed digest).
 */
/**
 * `bulwark policy import`: an archive from `bulwark policy export` (bundle-archive.ts) goes through the
 * same verification and activation as a pull, and becomes the cached bundle for `source.ref` (default:
 * the reference recorded in the archive), so the editor and `scan --offline` use it.
 */
export async function importPolicy(tar: Buffer, source: { readonly ref?: string; readonly publicKeyPem: string }, context: PolicyContext): Promise<ActivePolicy> {
  const key = publicKeyOf({ ref: source.ref ?? '', publicKeyPem: source.publicKeyPem });
  let archive: OpenedArchive;
  try {
    archive = openArchive(tar);
  } catch (err) {
    throw bundleProblem(err, 'the archive');
  }
  const refText = source.ref ?? archive.ref;
  if (!refText) throw new PolicyError('config', 'the archive does not record which reference it holds: give it with --ref REF (the policy.ref the editor or CI uses)');
  const ref = referenceOf(refText);
  if (ref.digest && ref.digest !== archive.digest) throw new PolicyError('invalid', `the archive holds ${archive.digest}, not ${ref.digest} as ${refText} pins`);
  return registryErrors(() => fetchAndActivate(archive.source, ref, refText, archive.digest, key, context));
}

function openCached(record: ActiveRecord, key: crypto.KeyObject, context: PolicyContext): ActivePolicy {
  if (record.keyFingerprint !== fingerprint(key)) {
    throw new PolicyError('signature', `the cached bundle for ${record.ref} was verified with another public key: refresh the policy to verify it with the configured key`);
  }
  const check = checkSimpleSigning(Buffer.from(record.payload, 'base64'), record.signature, [key], record.digest);
  if ('reason' in check) throw new PolicyError('signature', `the cached bundle for ${record.ref} no longer verifies (${check.reason}): refresh the policy`);
  const templates = builtinTemplates();
  const validation = validationFingerprint(context.engineVersion, templates);
  const prepared = context.cache.readPrepared(record.digest, validation);
  const decoded = prepared ? decodePrepared(prepared, { digest: record.digest, validation }, templates) : undefined;
  if (decoded && 'bundle' in decoded) return { record, bundle: decoded.bundle };
  let opened: OpenedBundle;
  try {
    opened = openBundle(context.cache.bundlePath(record.digest), context.engineVersion);
  } catch (err) {
    throw bundleProblem(err, `the cached bundle for ${record.ref}`);
  }
  if (opened.bundle.identity.digest !== record.digest) throw new PolicyError('invalid', `the cached bundle for ${record.ref} was altered on disk: refresh the policy`);
  storePrepared(opened.bundle, context);
  return { record, bundle: opened.bundle };
}

/** Keeps the validated form of a bundle that has just passed every check (best effort). */
function storePrepared(bundle: LoadedBundle, context: PolicyContext): void {
  const validation = validationFingerprint(context.engineVersion, builtinTemplates());
  const bytes = encodePrepared(bundle, validation);
  if (bytes) context.cache.storePrepared(bundle.identity.digest, validation, bytes);
}

function tryOpenCached(record: ActiveRecord, key: crypto.KeyObject, context: PolicyContext): ActivePolicy | undefined {
  try {
    return openCached(record, key, context);
  } catch {
    return undefined; // a damaged cache entry is simply fetched again
  }
}

async function headDigest(client: RegistryClient, ref: ImageRef): Promise<string> {
  const tag = ref.tag ?? 'latest';
  const head = await client.headManifest(ref.repository, tag);
  if (!head) throw new PolicyError('not-found', `${formatImageReference({ ...ref, tag })} does not exist in the registry: check policy.ref (or --policy)`);
  return head.digest;
}

/** The config and the one policy layer of a Bulwark bundle manifest; refuses any other artifact. */
export function policyDescriptors(bytes: Buffer, where: string): { config: Descriptor; layer: Descriptor } {
  let manifest: { mediaType?: unknown; artifactType?: unknown; config?: Descriptor; layers?: Descriptor[] };
  try {
    manifest = JSON.parse(bytes.toString('utf8')) as typeof manifest;
  } catch {
    throw new PolicyError('invalid', `${where} is not a JSON manifest`);
  }
  const type = manifest.artifactType ?? manifest.config?.mediaType;
  if (manifest.mediaType !== MANIFEST_MEDIA_TYPE || (type !== ARTIFACT_TYPE && type !== 'application/vnd.bulwark.policy.config.v1+json')) {
    throw new PolicyError('invalid', `${where} is not a Bulwark policy bundle (artifact type ${JSON.stringify(type)}, expected ${ARTIFACT_TYPE})`);
  }
  const layers = (manifest.layers ?? []).filter((l) => l?.mediaType === LAYER_MEDIA_TYPE);
  if (!manifest.config || layers.length !== 1) throw new PolicyError('invalid', `${where} must have a config and exactly one ${LAYER_MEDIA_TYPE} layer`);
  return { config: manifest.config, layer: layers[0] };
}

function referenceOf(text: string): ImageRef {
  const parsed = parseImageReference(text);
  if (!parsed.ok) throw new PolicyError('config', `policy reference "${text}": ${parsed.error}`);
  return parsed.ref;
}

function publicKeyOf(source: PolicySource): crypto.KeyObject {
  try {
    return parsePublicKey(source.publicKeyPem);
  } catch (err) {
    throw new PolicyError('config', `the policy public key is not usable: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** sha256 of the key's SPKI DER: names the key in the cache record without storing it. */
export function fingerprint(key: crypto.KeyObject): string {
  return `sha256:${crypto.createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex')}`;
}

function bundleProblem(err: unknown, where: string): PolicyError {
  if (err instanceof BundleError) {
    const code = err.code === 'upgrade-required' ? 'upgrade-required' : 'invalid';
    return new PolicyError(code, `${where}: ${err.message}`, err.details);
  }
  return new PolicyError('invalid', `${where}: ${err instanceof Error ? err.message : String(err)}`);
}

async function registryErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof PolicyError) throw err;
    if (isRegistryError(err)) throw new PolicyError(err.code === 'not-found' ? 'not-found' : 'registry', err.message);
    if (err instanceof SigningError) throw new PolicyError('signature', err.message);
    throw err;
  }
}
