import { createHash } from 'node:crypto';
import { PACK_SCHEMA, RULE_SCHEMA } from '../../engine/packs/schema';
import { APPROVED_IMAGES_SCHEMA, POLICY_SCHEMA, prepareBundle, restoreBundle, type LoadedBundle, type PreparedBundle } from '../../engine/policy';
import type { AnyTemplate } from '../../engine/templates/template';

// The cached bundle in the form start-up reads (docs/security.md "The policy cache"): the result of
// validating a verified bundle, as JSON, so an editor or `scan --offline` does not parse YAML and compile
// schemas on every start. It is written only after a pull verified the signature and validated every
// file, and it is used only when
//   - its body hashes to the sha256 its header records (a truncated or damaged file is not used),
//   - its header names the digest whose signature the caller has just re-verified (no other bundle's),
//   - its header names this engine's validation fingerprint (the schemas and templates that judged it),
// otherwise the caller falls back to the image-layout tar, validates it in full and writes it again.

const FORMAT = 'bulwark.prepared-bundle.v1';
const SEPARATOR = '\n';

export interface PreparedHeader {
  readonly format: string;
  /** Manifest digest of the bundle it was derived from. */
  readonly digest: string;
  /** validationFingerprint() of the engine that validated it. */
  readonly validation: string;
  /** sha256 of the body (the bytes after the first newline). */
  readonly body: string;
}

/**
 * What validated the bundle: this engine's version, the pack, rule and policy schemas, and every
 * template's id, language, params schema and placeholders. Another Bulwark build validates again.
 */
export function validationFingerprint(engineVersion: string, templates: ReadonlyMap<string, AnyTemplate>): string {
  const described = [...templates.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((t) => [t.id, t.language, t.paramsSchema, t.placeholders, t.fixKind ?? null, t.objectKinds ?? null, t.readsWorkspace ?? false]);
  const text = JSON.stringify([FORMAT, engineVersion, PACK_SCHEMA, RULE_SCHEMA, POLICY_SCHEMA, APPROVED_IMAGES_SCHEMA, described]);
  return sha256(Buffer.from(text));
}

/** One header line, then the body; undefined when the bundle cannot be prepared. */
export function encodePrepared(bundle: LoadedBundle, validation: string): Buffer | undefined {
  const prepared = prepareBundle(bundle);
  if (!prepared) return undefined;
  const body = Buffer.from(JSON.stringify(prepared));
  const header: PreparedHeader = { format: FORMAT, digest: bundle.identity.digest, validation, body: sha256(body) };
  return Buffer.concat([Buffer.from(JSON.stringify(header) + SEPARATOR), body]);
}

/**
 * The bundle, or the reason the stored form cannot be used (the caller then validates the tar).
 * Never throws.
 */
export function decodePrepared(
  bytes: Buffer,
  expected: { readonly digest: string; readonly validation: string },
  templates: ReadonlyMap<string, AnyTemplate>,
): { bundle: LoadedBundle } | { problem: string } {
  try {
    const cut = bytes.indexOf(SEPARATOR);
    if (cut < 0) return { problem: 'no header' };
    const header = JSON.parse(bytes.subarray(0, cut).toString('utf8')) as Partial<PreparedHeader>;
    const body = bytes.subarray(cut + 1);
    if (header.format !== FORMAT) return { problem: `format ${String(header.format)}` };
    if (header.digest !== expected.digest) return { problem: `derived from ${String(header.digest)}, not ${expected.digest}` };
    if (header.validation !== expected.validation) return { problem: 'validated by another Bulwark build' };
    if (header.body !== sha256(body)) return { problem: 'the file does not match its checksum' };
    const prepared = JSON.parse(body.toString('utf8')) as PreparedBundle;
    if (prepared.identity?.digest !== expected.digest) return { problem: 'the body names another digest' };
    return { bundle: restoreBundle(prepared, templates) };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err) };
  }
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
