import type { ApprovedImages } from '../policy/policy';
import { parseImageReference, sameRegistry, sameRepository, type ImageRef } from './reference';

// What an organisation's approved-images.yaml says about one image (issue 6). Everything is compared as
// parsed references, never as string prefixes: `registry.acme.example.evil.com/x` and
// `registry.acme.example:5000/x` are not on the approved host `registry.acme.example`.

export interface ImageVerdict {
  /** Under an approved registry, or an approved repository whose tag and digest rules it meets. */
  readonly approved: boolean;
  /** What to use instead: the first matching replacement, else the deprecation's replacement. */
  readonly replacement?: string;
  /** Set when a deprecation entry matches; `due` once the analysis date is past `after`. */
  readonly deprecated?: { readonly after: string; readonly due: boolean };
  /** The list requires digests and the reference has none. */
  readonly digestRequired: boolean;
}

interface NameRule {
  readonly ref: ImageRef;
  readonly tags?: readonly string[];
}

/** The list with every name parsed once; entries whose names do not parse match nothing. */
export interface CompiledApprovedImages {
  readonly registries: readonly string[];
  readonly images: readonly (NameRule & { readonly digests?: readonly string[] })[];
  readonly replacements: readonly (NameRule & { readonly to: string })[];
  readonly deprecated: readonly (NameRule & { readonly after: string; readonly replacement?: string })[];
  readonly requireDigest: boolean;
}

export function compileApprovedImages(list: ApprovedImages): CompiledApprovedImages {
  const named = <T extends { name: string }>(entries: readonly T[] | undefined) =>
    (entries ?? []).flatMap((e) => {
      const parsed = parseImageReference(e.name);
      return parsed.ok ? [{ ...e, ref: parsed.ref }] : [];
    });
  return {
    registries: list.registries ?? [],
    images: named(list.images),
    replacements: named((list.replacements ?? []).map((r) => ({ ...r, name: r.from }))),
    deprecated: named(list.deprecated),
    requireDigest: list.requireDigest === true,
  };
}

/**
 * `ref` as parsed without a default tag: a reference with neither tag nor digest is judged as `latest`,
 * which is what `docker pull` fetches. `now` decides whether a deprecation is past its date.
 */
export function judgeImage(list: CompiledApprovedImages, ref: ImageRef, now: Date): ImageVerdict {
  const tag = ref.tag ?? (ref.digest === undefined ? 'latest' : undefined);
  const approved =
    list.registries.some((r) => sameRegistry(r, ref.registry)) ||
    list.images.some((entry) => sameRepository(entry.ref, ref) && meetsImageEntry(entry, tag, ref.digest));
  const replacement = list.replacements.find((r) => sameRepository(r.ref, ref) && tagAllowed(r.tags, tag));
  const deprecation = list.deprecated.find((d) => sameRepository(d.ref, ref) && tagAllowed(d.tags, tag));
  const today = now.toISOString().slice(0, 10);
  return {
    approved,
    ...(replacement ? { replacement: replacement.to } : deprecation?.replacement ? { replacement: deprecation.replacement } : {}),
    ...(deprecation ? { deprecated: { after: deprecation.after, due: today > deprecation.after } } : {}),
    digestRequired: list.requireDigest && ref.digest === undefined,
  };
}

/**
 * A digest the entry lists identifies the bytes exactly, so it is enough even without a tag; otherwise
 * the tag must match the globs (a digest-only reference cannot show its tag, so tag globs refuse it),
 * and an entry with digests accepts no other digest.
 */
function meetsImageEntry(entry: NameRule & { digests?: readonly string[] }, tag: string | undefined, digest: string | undefined): boolean {
  if (entry.digests) return digest !== undefined && entry.digests.includes(digest) && (tag === undefined || tagAllowed(entry.tags, tag));
  if (!entry.tags) return true;
  return tag !== undefined && tagAllowed(entry.tags, tag);
}

/** No globs: any tag. A reference pinned by digest alone matches only an entry without globs. */
function tagAllowed(globs: readonly string[] | undefined, tag: string | undefined): boolean {
  if (!globs) return true;
  return tag !== undefined && globs.some((g) => globMatch(g, tag));
}

/**
 * `*` (any run) and `?` (one character); everything else literal. The classic two-pointer wildcard
 * match: linear in practice, no regex built from list data.
 */
export function globMatch(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (g < glob.length && (glob[g] === '?' || glob[g] === text[t])) {
      g++;
      t++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      mark = t;
    } else if (star >= 0) {
      g = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}

