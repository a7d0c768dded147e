import { isJsonObject, parseStrictJson, type JsonValue } from './strict-json';

// The cosign "simple signing" payload: what an ECDSA signature actually covers. cosign writes it with Go's
// encoding/json from a struct, so the bytes are fixed: key order critical/identity/image/type/optional,
// no spaces, no trailing newline. Parsing follows containers/image: exact keys, exact type, so a payload
// that means something else to another verifier is refused here too.

export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const COSIGN_SIGNATURE_TYPE = 'cosign container image signature';

/** Algorithms whose digests a payload may name, with their hex lengths (OCI image spec). */
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
/** A Docker reference as it may appear in a payload: printable ASCII with no quote, backslash or space. */
const REFERENCE = /^[a-z0-9][a-z0-9._\-/:@]*$/i;

export interface SimpleSigningPayload {
  /** `critical.identity.docker-reference`: the repository (cosign) or repository:tag (skopeo) signed. */
  readonly dockerReference: string;
  /** `critical.image.docker-manifest-digest`: the manifest digest the signature vouches for. */
  readonly manifestDigest: string;
  /** `optional.creator` when present (skopeo writes its name and version). */
  readonly creator?: string;
  /** `optional.timestamp` (Unix seconds) when present. */
  readonly timestamp?: number;
}

/** The payload bytes exactly as `cosign sign` writes them (optional is null: no annotations). */
export function buildPayload(dockerReference: string, manifestDigest: string): Buffer {
  if (!REFERENCE.test(dockerReference)) throw new Error(`not a Docker reference: ${JSON.stringify(dockerReference)}`);
  if (!DIGEST.test(manifestDigest)) throw new Error(`not a manifest digest: ${JSON.stringify(manifestDigest)}`);
  // Both values are plain ASCII without characters Go would escape, so JSON.stringify matches Go's bytes.
  const doc = {
    critical: { identity: { 'docker-reference': dockerReference }, image: { 'docker-manifest-digest': manifestDigest }, type: COSIGN_SIGNATURE_TYPE },
    optional: null,
  };
  return Buffer.from(JSON.stringify(doc), 'utf8');
}

export type PayloadParse = { ok: true; payload: SimpleSigningPayload } | { ok: false; error: string };

/** Strictly parses a payload. Never throws: the error says what is wrong with it. */
export function parsePayload(bytes: Buffer): PayloadParse {
  let doc: JsonValue;
  try {
    doc = parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    return { ok: false, error: `payload is not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const top = exactObject(doc, ['critical', 'optional'], 'payload');
  if (typeof top === 'string') return { ok: false, error: top };
  const critical = exactObject(top.critical, ['identity', 'image', 'type'], 'critical');
  if (typeof critical === 'string') return { ok: false, error: critical };
  if (critical.type !== COSIGN_SIGNATURE_TYPE) {
    return { ok: false, error: `payload type is ${JSON.stringify(critical.type)}, expected "${COSIGN_SIGNATURE_TYPE}"` };
  }
  const image = exactObject(critical.image, ['docker-manifest-digest'], 'critical.image');
  if (typeof image === 'string') return { ok: false, error: image };
  const identity = exactObject(critical.identity, ['docker-reference'], 'critical.identity');
  if (typeof identity === 'string') return { ok: false, error: identity };
  const digest = image['docker-manifest-digest'];
  if (typeof digest !== 'string' || !DIGEST.test(digest)) return { ok: false, error: `payload manifest digest ${JSON.stringify(digest)} is not a valid digest` };
  const reference = identity['docker-reference'];
  if (typeof reference !== 'string') return { ok: false, error: 'payload docker-reference is not a string' };
  const optional = readOptional(top.optional);
  if (typeof optional === 'string') return { ok: false, error: optional };
  return { ok: true, payload: { dockerReference: reference, manifestDigest: digest, ...optional } };
}

type JsonObject = { [key: string]: JsonValue };

function exactObject(value: JsonValue | undefined, keys: readonly string[], where: string): JsonObject | string {
  if (!isJsonObject(value)) return `payload ${where} is not an object`;
  const actual = Object.keys(value).sort();
  const expected = [...keys].sort();
  if (actual.length !== expected.length || actual.some((k, i) => k !== expected[i])) {
    return `payload ${where} has keys [${actual.join(', ')}], expected exactly [${expected.join(', ')}]`;
  }
  return value;
}

// `optional` is free-form (cosign puts annotations there); only the two fields containers/image reads are
// typed, and a wrong type in those is an error as it is there.
function readOptional(value: JsonValue | undefined): { creator?: string; timestamp?: number } | string {
  if (value === null) return {};
  if (!isJsonObject(value)) return 'payload optional is neither null nor an object';
  const out: { creator?: string; timestamp?: number } = {};
  if ('creator' in value) {
    if (typeof value.creator !== 'string') return 'payload optional.creator is not a string';
    out.creator = value.creator;
  }
  if ('timestamp' in value) {
    if (typeof value.timestamp !== 'number' || !Number.isSafeInteger(value.timestamp)) return 'payload optional.timestamp is not an integer';
    out.timestamp = value.timestamp;
  }
  return out;
}
