import type { Fix, TextEdit } from '../types';
import { formatImageReference, parseImageReference, type ImageRef } from './reference';
import type { ImageOccurrence } from './occurrences';

// Pinning an image to the digest its registry serves for the tag. The digest always comes from the
// caller (a registry lookup at the edge, AnalyzeOptions.imageDigests); the engine never guesses one.

/** What to ask a registry for: the normalised reference with its tag (`latest` when none is written). */
export interface DigestQuery {
  /** `registry.acme.example/base/node:20-slim`: the key of AnalyzeOptions.imageDigests. */
  readonly key: string;
  readonly ref: ImageRef & { readonly tag: string };
}

/** The lookup for a reference without a digest; undefined for a pinned or unparsable one. */
export function digestQuery(text: string): DigestQuery | undefined {
  const parsed = parseImageReference(text, { defaultTag: true });
  if (!parsed.ok || parsed.ref.digest !== undefined || parsed.ref.tag === undefined) return undefined;
  const ref = { ...parsed.ref, tag: parsed.ref.tag };
  return { key: formatImageReference(ref), ref };
}

/**
 * `text` pinned to `digest`, spelled as written and keeping the tag for readers
 * (`node:20-slim@sha256:…`); an untagged `nginx` becomes `nginx:latest@sha256:…`, which is what was looked up.
 */
export function pinnedReference(text: string, query: DigestQuery, digest: string): string {
  const written = parseImageReference(text);
  const tagged = written.ok && written.ref.tag === undefined ? `${text}:${query.ref.tag}` : text;
  return `${tagged}@${digest}`;
}

/** The "Pin to digest" fix for one image, when its digest is known. A suggestion: a person chooses it. */
export function pinFix(image: ImageOccurrence, digests: ReadonlyMap<string, string>): Fix | undefined {
  const edit = pinEdit(image, digests);
  if (!edit) return undefined;
  const digest = edit.newText.slice(edit.newText.lastIndexOf('@') + 1);
  return { title: `Pin to digest ${shortDigest(digest)} (what the registry serves for ${image.text} now)`, kind: 'suggestion', edits: [edit] };
}

export function pinEdit(image: ImageOccurrence, digests: ReadonlyMap<string, string>): TextEdit | undefined {
  if (!image.replaceable) return undefined;
  const query = digestQuery(image.text);
  const digest = query && digests.get(query.key);
  if (!query || digest === undefined) return undefined;
  return { span: image.span, newText: pinnedReference(image.text, query, digest) };
}

/** Every pin `digests` allows in a file, in file order, for `bulwark scan --fix --pin-digests`. */
export function pinEdits(images: readonly ImageOccurrence[], digests: ReadonlyMap<string, string>): TextEdit[] {
  return images.flatMap((image) => pinEdit(image, digests) ?? []).sort((a, b) => a.span.start - b.span.start);
}

/** `sha256:0123456789ab…` for titles. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  return digest.length > colon + 13 ? `${digest.slice(0, colon + 13)}…` : digest;
}
