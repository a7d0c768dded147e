import type * as crypto from 'node:crypto';
import { decodeSignatureAnnotation, verifyPayload } from './ecdsa';
import { parsePayload, type SimpleSigningPayload } from './payload';
import { isRegistryError, type ArtifactSource, type FetchedManifest } from '../registry';
import { parseSignatureManifest, sha256Digest, signatureTag, type SignatureLayer } from './signature-manifest';

// Verification as cosign and containers/image do it for key-based signatures: find the .sig manifest of
// the digest, and accept when one simplesigning layer (1) has a valid ECDSA signature under a trusted key,
// (2) is a strictly well-formed payload and (3) names the digest of the manifest bytes exactly as served.
// The signature is checked before the payload is parsed: nothing unsigned is interpreted.

/** A payload is a few hundred bytes; a larger layer is refused before it is downloaded. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

export interface VerifyOptions {
  /** The manifest already fetched by the caller (pull), so it is not fetched twice. Its bytes are re-hashed here. */
  readonly manifest?: FetchedManifest;
  /**
   * containers/image's `matchRepository`: also require the payload's docker-reference to name this
   * `registry/repository` (its tag, if any, is ignored). cosign itself does not check it, so it is opt-in.
   */
  readonly expectedRepository?: string;
}

export interface AcceptedSignature {
  /** 1-based position of the layer in the .sig manifest. */
  readonly index: number;
  readonly layerDigest: string;
  readonly payload: SimpleSigningPayload;
  /** Index into the trusted keys given (0 when one key was given). */
  readonly keyIndex: number;
  /** The payload as signed and the signature annotation, so a cache can re-verify offline. */
  readonly payloadBytes: Buffer;
  readonly signatureBase64: string;
}

export interface RejectedSignature {
  readonly index: number;
  readonly layerDigest: string;
  readonly reason: string;
}

export type VerifyFailure = 'manifest-not-found' | 'digest-mismatch' | 'no-signature' | 'bad-signature-manifest' | 'invalid-signature';

export type VerifyResult =
  | { readonly verified: true; readonly manifestDigest: string; readonly signatureTag: string; readonly manifest: FetchedManifest; readonly signature: AcceptedSignature; readonly rejected: readonly RejectedSignature[] }
  | { readonly verified: false; readonly manifestDigest: string; readonly failure: VerifyFailure; readonly message: string; readonly rejected: readonly RejectedSignature[] };

/**
 * Verifies the signatures of `repository@manifestDigest`. Returns why verification failed instead of
 * throwing; registry failures (unreachable, unauthorised, timeouts) still throw the client's error, since
 * they say nothing about the signature.
 */
export async function verifyArtifact(
  client: ArtifactSource,
  repository: string,
  manifestDigest: string,
  publicKey: crypto.KeyObject | readonly crypto.KeyObject[],
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const keys = Array.isArray(publicKey) ? (publicKey as readonly crypto.KeyObject[]) : [publicKey as crypto.KeyObject];
  const where = `${client.registry}/${repository}`;
  const fail = (failure: VerifyFailure, message: string, rejected: readonly RejectedSignature[] = []): VerifyResult => ({ verified: false, manifestDigest, failure, message, rejected });

  const manifest = options.manifest ?? (await client.getManifest(repository, manifestDigest));
  if (manifest === undefined) return fail('manifest-not-found', `${where}@${manifestDigest} does not exist`);
  const served = sha256Digest(manifest.bytes);
  if (served !== manifestDigest) return fail('digest-mismatch', `the manifest served for ${where}@${manifestDigest} has digest ${served}`);

  const tag = signatureTag(served);
  const sigManifest = await client.getManifest(repository, tag);
  if (sigManifest === undefined) return fail('no-signature', `${where}@${served} is not signed (no ${tag} in the repository)`);
  const parsed = parseSignatureManifest(sigManifest.bytes);
  if (!parsed.ok) return fail('bad-signature-manifest', `${where}:${tag} is not a signature manifest: ${parsed.error}`);
  if (parsed.manifest.signatures.length === 0) return fail('no-signature', `${where}:${tag} holds no cosign signature`);

  const rejected: RejectedSignature[] = [];
  for (const layer of parsed.manifest.signatures) {
    const outcome = await checkLayer(client, repository, layer, keys, served, options.expectedRepository);
    if ('reason' in outcome) rejected.push({ index: layer.index + 1, layerDigest: layer.digest, reason: outcome.reason });
    else return { verified: true, manifestDigest, signatureTag: tag, manifest, signature: { index: layer.index + 1, layerDigest: layer.digest, ...outcome }, rejected };
  }
  const total = parsed.manifest.signatures.length;
  const detail = rejected.map((r) => `signature ${r.index}: ${r.reason}`).join('; ');
  return fail('invalid-signature', `none of the ${total} signature${total === 1 ? '' : 's'} of ${where}@${served} is valid: ${detail}`, rejected);
}

async function checkLayer(
  client: ArtifactSource,
  repository: string,
  layer: SignatureLayer,
  keys: readonly crypto.KeyObject[],
  servedDigest: string,
  expectedRepository: string | undefined,
): Promise<{ reason: string } | { payload: SimpleSigningPayload; keyIndex: number; payloadBytes: Buffer; signatureBase64: string }> {
  if (layer.size > MAX_PAYLOAD_BYTES) return { reason: `payload of ${layer.size} bytes is larger than ${MAX_PAYLOAD_BYTES}` };
  let payload: Buffer;
  try {
    payload = await client.getBlob(repository, { digest: layer.digest, size: layer.size });
  } catch (err) {
    // A blob that does not match its descriptor is a bad signature; anything else is the registry's failure.
    if (isBlobContentError(err)) return { reason: `payload blob ${layer.digest}: ${(err as Error).message}` };
    throw err;
  }
  if (sha256Digest(payload) !== layer.digest || payload.length !== layer.size) return { reason: `payload blob does not match its digest ${layer.digest}` };
  const check = checkSimpleSigning(payload, layer.signature, keys, servedDigest, expectedRepository);
  return 'reason' in check ? check : { ...check, payloadBytes: payload, signatureBase64: layer.signature };
}

export type SignatureCheck = { payload: SimpleSigningPayload; keyIndex: number } | { reason: string };

/**
 * One signature, wherever it was read from (a registry layer, a `dir:` signature file): the ECDSA check
 * first, then the strict payload parse, then the digest (and optionally repository) binding.
 */
export function checkSimpleSigning(
  payload: Buffer,
  signatureBase64: string,
  keys: readonly crypto.KeyObject[],
  servedDigest: string,
  expectedRepository?: string,
): SignatureCheck {
  const signature = decodeSignatureAnnotation(signatureBase64);
  if (signature === undefined) return { reason: 'the signature annotation is not base64' };
  const keyIndex = keys.findIndex((key) => verifyPayload(payload, signature, key));
  if (keyIndex < 0) return { reason: keys.length === 1 ? 'the signature does not verify with the given public key' : 'the signature does not verify with any of the given public keys' };
  const parsed = parsePayload(payload);
  if (!parsed.ok) return { reason: parsed.error };
  if (parsed.payload.manifestDigest !== servedDigest) {
    return { reason: `the payload signs ${parsed.payload.manifestDigest}, but the manifest served is ${servedDigest}` };
  }
  if (expectedRepository !== undefined && repositoryOf(parsed.payload.dockerReference) !== expectedRepository) {
    return { reason: `the payload names ${parsed.payload.dockerReference}, not ${expectedRepository}` };
  }
  return { payload: parsed.payload, keyIndex };
}

function isBlobContentError(err: unknown): boolean {
  return isRegistryError(err) && (err.code === 'digest-mismatch' || err.code === 'too-large' || err.code === 'not-found');
}

/** `host/repo:tag` or `host/repo@sha256:…` → `host/repo` (a port's colon comes before the last slash). */
function repositoryOf(reference: string): string {
  const at = reference.indexOf('@');
  const noDigest = at < 0 ? reference : reference.slice(0, at);
  const colon = noDigest.lastIndexOf(':');
  return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}
