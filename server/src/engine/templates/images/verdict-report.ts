import { judgeImage, type CompiledApprovedImages } from '../../images/approved';
import { familiarString, formatImageReference, parseImageReference } from '../../images/reference';
import type { Fix, Report, Span } from '../../types';

// Shared by the Dockerfile and Kubernetes approved-image templates: one image in, at most one report out.

/** `digest`: the list sets requireDigest and the reference has no digest (the Kubernetes twin of docker-image-not-digest-pinned). */
export type ApprovedImageCheck = 'unapproved' | 'deprecated' | 'digest';

export const APPROVED_IMAGE_PARAMS_SCHEMA = {
  type: 'object',
  required: ['report'],
  additionalProperties: false,
  properties: { report: { enum: ['unapproved', 'deprecated', 'digest'] } },
} as const;

/** `instead` is ` Use "…" instead.` or empty, so a message reads well with or without a replacement. */
export const APPROVED_IMAGE_PLACEHOLDERS = ['image', 'instead', 'after'] as const;

export interface ImageOccurrence {
  /** The reference as resolved (ARG defaults applied), not yet normalised. */
  readonly text: string;
  readonly span: Span;
  /** The reference is literal text in the file, so replacing the span with another reference is safe. */
  readonly replaceable: boolean;
  readonly key?: string;
  readonly data?: Readonly<Record<string, string>>;
}

/**
 * The report for one image under `check`, or undefined. A deprecated image is a warning (medium) until
 * the list's date and an error (the rule's severity) after it; the replacement, when the list names one,
 * is offered as a suggestion because it changes what runs.
 */
export function approvedImageReport(
  list: CompiledApprovedImages,
  check: ApprovedImageCheck,
  image: ImageOccurrence,
  now: Date,
  digests?: ReadonlyMap<string, string>,
): Report | undefined {
  const parsed = parseImageReference(image.text);
  if (!parsed.ok) return undefined;
  const verdict = judgeImage(list, parsed.ref, now);
  const fixes: Fix[] =
    verdict.replacement !== undefined && image.replaceable
      ? [replaceFix(verdict.replacement, image.span, digests)]
      : [];
  const data = {
    ...image.data,
    image: familiarString(parsed.ref),
    instead: verdict.replacement !== undefined ? ` Use "${verdict.replacement}" instead.` : '',
    after: verdict.deprecated?.after ?? '',
  };
  const base = { span: image.span, fixes, data, ...(image.key !== undefined ? { key: image.key } : {}) };
  if (check === 'unapproved') return verdict.approved ? undefined : base;
  // No fix for a missing digest here: it must come from the registry, never be guessed.
  if (check === 'digest') return verdict.digestRequired ? { ...base, fixes: [] } : undefined;
  if (!verdict.deprecated) return undefined;
  return verdict.deprecated.due ? base : { ...base, severity: 'medium' };
}

/**
 * The replacement as the list spells it, pinned to the digest the caller got from the registry for it
 * (keeping the tag for readers: `name:tag@sha256:…`); without one, the tag alone. Never a guessed digest.
 */
function replaceFix(replacement: string, span: Span, digests: ReadonlyMap<string, string> | undefined): Fix {
  const parsed = parseImageReference(replacement, { defaultTag: true });
  const digest = parsed.ok && parsed.ref.digest === undefined ? digests?.get(formatImageReference(parsed.ref)) : undefined;
  const newText = digest !== undefined ? `${replacement}@${digest}` : replacement;
  return { title: `Replace with the approved image ${newText}`, kind: 'suggestion', edits: [{ span, newText }] };
}
