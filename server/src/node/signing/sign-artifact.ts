import type * as crypto from 'node:crypto';
import { signPayload } from './ecdsa';
import { SigningError } from './errors';
import { buildPayload } from './payload';
import type { RegistryClient } from '../registry';
import { buildSignatureManifest, OCI_MANIFEST_MEDIA_TYPE, parseSignatureManifest, sha256Digest, signatureLayer, signatureTag, type SignatureManifest } from './signature-manifest';

// Signing as `cosign sign --key` does it against a registry without the referrers API: payload blob,
// config blob, then the `sha256-<hex>.sig` manifest, adding to the signatures already there.

export interface SignResult {
  /** `sha256-<hex>.sig` */
  readonly signatureTag: string;
  /** Digest of the .sig manifest as pushed. */
  readonly signatureManifestDigest: string;
  readonly payloadDigest: string;
  /** Signatures in the .sig manifest after this one was added. */
  readonly signatureCount: number;
}

/**
 * Signs the manifest `manifestDigest` of `repository`. `dockerReference` goes into the payload's
 * identity: cosign uses the tag-less `registry/repository`. Registry failures throw the client's
 * RegistryError; a missing manifest or an unreadable existing .sig manifest throws SigningError.
 */
export async function signArtifact(
  client: RegistryClient,
  repository: string,
  manifestDigest: string,
  privateKey: crypto.KeyObject,
  dockerReference: string,
): Promise<SignResult> {
  let tag: string;
  let payload: Buffer;
  try {
    tag = signatureTag(manifestDigest);
    payload = buildPayload(dockerReference, manifestDigest);
  } catch (err) {
    throw new SigningError('bad-input', (err as Error).message);
  }
  const head = await client.headManifest(repository, manifestDigest);
  if (head === undefined) {
    throw new SigningError('bad-input', `${client.registry}/${repository}@${manifestDigest} does not exist: nothing to sign`);
  }
  const signature = signPayload(payload, privateKey).toString('base64');

  const existing = await client.getManifest(repository, tag);
  let previous: SignatureManifest | undefined;
  if (existing !== undefined) {
    const parsed = parseSignatureManifest(existing.bytes);
    if (!parsed.ok) {
      throw new SigningError('bad-signature-manifest', `the existing ${repository}:${tag} cannot be read (${parsed.error}); refusing to overwrite it`);
    }
    previous = parsed.manifest;
  }
  const layer = signatureLayer(payload, signature);
  const { manifest, config } = buildSignatureManifest(previous, layer);
  await client.putBlob(repository, payload);
  await client.putBlob(repository, config);
  const pushed = await client.putManifest(repository, tag, manifest, OCI_MANIFEST_MEDIA_TYPE);
  const count = parseSignatureManifest(manifest);
  return {
    signatureTag: tag,
    signatureManifestDigest: pushed || sha256Digest(manifest),
    payloadDigest: layer.digest,
    signatureCount: count.ok ? count.manifest.signatures.length : 0,
  };
}
