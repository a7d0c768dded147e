import * as crypto from 'node:crypto';
import { SIMPLE_SIGNING_MEDIA_TYPE } from './payload';
import { isJsonObject, parseStrictJson, type JsonValue } from './strict-json';

// The `<repo>:sha256-<hex>.sig` manifest cosign keeps beside a signed manifest (registries without the
// referrers API, like docker-registry 2.8, find signatures only by this tag). One layer per signature: the
// payload as blob, the signature in an annotation. Written in go-containerregistry's field order so what
// we push looks like what cosign pushes.

export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
const DOCKER_MANIFEST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';
export const COSIGN_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
/** More layers than this in a .sig manifest is not a signature list but an attempt to make us fetch. */
const MAX_SIGNATURE_LAYERS = 64;

const DIGEST = /^sha256:[a-f0-9]{64}$/;

export interface LayerDescriptor {
  readonly mediaType: string;
  readonly size: number;
  readonly digest: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A simplesigning layer that carries a signature annotation. */
export interface SignatureLayer extends LayerDescriptor {
  /** Index of the layer in the manifest, for messages ("signature 2 of 3"). */
  readonly index: number;
  /** The annotation value: base64 of the DER signature. */
  readonly signature: string;
}

export interface SignatureManifest {
  readonly mediaType: string;
  readonly layers: readonly LayerDescriptor[];
  readonly annotations?: Readonly<Record<string, string>>;
  readonly signatures: readonly SignatureLayer[];
}

/** `sha256:abc…` → `sha256-abc….sig`, the tag cosign and containers/image look up. */
export function signatureTag(manifestDigest: string): string {
  if (!DIGEST.test(manifestDigest)) throw new Error(`not a sha256 manifest digest: ${JSON.stringify(manifestDigest)}`);
  return `${manifestDigest.replace(':', '-')}.sig`;
}

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;
}

/** The simplesigning layer for one payload and its base64 signature. */
export function signatureLayer(payload: Buffer, signatureBase64: string): LayerDescriptor {
  return { mediaType: SIMPLE_SIGNING_MEDIA_TYPE, size: payload.length, digest: sha256Digest(payload), annotations: { [COSIGN_SIGNATURE_ANNOTATION]: signatureBase64 } };
}

/**
 * The manifest and config blob for `layers`: existing ones first (kept as they are), then the new one.
 * A layer identical to one already there is not added twice, so signing again is idempotent.
 */
export function buildSignatureManifest(existing: SignatureManifest | undefined, added: LayerDescriptor): { manifest: Buffer; config: Buffer } {
  const layers = [...(existing?.layers ?? [])];
  if (!layers.some((l) => sameLayer(l, added))) layers.push(added);
  // cosign's config is go-containerregistry's empty image plus one diff_id and history entry per layer.
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      created: '0001-01-01T00:00:00Z',
      history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      config: {},
    }),
  );
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: OCI_CONFIG_MEDIA_TYPE, size: config.length, digest: sha256Digest(config) },
    layers: layers.map((l) => ({ mediaType: l.mediaType, size: l.size, digest: l.digest, ...(l.annotations ? { annotations: l.annotations } : {}) })),
    ...(existing?.annotations ? { annotations: existing.annotations } : {}),
  };
  return { manifest: Buffer.from(JSON.stringify(manifest)), config };
}

export type SignatureManifestParse = { ok: true; manifest: SignatureManifest } | { ok: false; error: string };

/** Parses a .sig manifest. Layers of other media types are kept (and passed over by the verifier). */
export function parseSignatureManifest(bytes: Buffer): SignatureManifestParse {
  let doc: JsonValue;
  try {
    doc = parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    return { ok: false, error: `signature manifest is not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!isJsonObject(doc) || doc.schemaVersion !== 2) return { ok: false, error: 'signature manifest is not a schemaVersion 2 image manifest' };
  const mediaType = doc.mediaType ?? OCI_MANIFEST_MEDIA_TYPE;
  if (mediaType !== OCI_MANIFEST_MEDIA_TYPE && mediaType !== DOCKER_MANIFEST_MEDIA_TYPE) {
    return { ok: false, error: `signature manifest has media type ${JSON.stringify(mediaType)}, expected an image manifest` };
  }
  if (!Array.isArray(doc.layers)) return { ok: false, error: 'signature manifest has no layers array' };
  if (doc.layers.length > MAX_SIGNATURE_LAYERS) return { ok: false, error: `signature manifest has ${doc.layers.length} layers (at most ${MAX_SIGNATURE_LAYERS} are read)` };
  const layers: LayerDescriptor[] = [];
  for (const [i, raw] of doc.layers.entries()) {
    const layer = readDescriptor(raw);
    if (typeof layer === 'string') return { ok: false, error: `signature manifest layer ${i + 1}: ${layer}` };
    layers.push(layer);
  }
  const annotations = doc.annotations === undefined ? undefined : readAnnotations(doc.annotations);
  if (annotations === null) return { ok: false, error: 'signature manifest annotations are not a map of strings' };
  const signatures = layers.flatMap((l, index): SignatureLayer[] => {
    const signature = l.annotations?.[COSIGN_SIGNATURE_ANNOTATION];
    return l.mediaType === SIMPLE_SIGNING_MEDIA_TYPE && signature !== undefined ? [{ ...l, index, signature }] : [];
  });
  return { ok: true, manifest: { mediaType, layers, ...(annotations ? { annotations } : {}), signatures } };
}

function readDescriptor(raw: JsonValue): LayerDescriptor | string {
  if (!isJsonObject(raw)) return 'not an object';
  const { mediaType, size, digest } = raw;
  if (typeof mediaType !== 'string') return 'no mediaType';
  if (typeof digest !== 'string' || !DIGEST.test(digest)) return `digest ${JSON.stringify(digest)} is not a sha256 digest`;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return `size ${JSON.stringify(size)} is not a byte count`;
  if (raw.annotations === undefined) return { mediaType, size, digest };
  const annotations = readAnnotations(raw.annotations);
  if (annotations === null) return 'annotations are not a map of strings';
  return { mediaType, size, digest, annotations };
}

function readAnnotations(raw: JsonValue): Record<string, string> | null {
  if (!isJsonObject(raw)) return null;
  const out = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string') return null;
    out[k] = v;
  }
  return out;
}

function sameLayer(a: LayerDescriptor, b: LayerDescriptor): boolean {
  return a.digest === b.digest && a.mediaType === b.mediaType && a.annotations?.[COSIGN_SIGNATURE_ANNOTATION] === b.annotations?.[COSIGN_SIGNATURE_ANNOTATION];
}
