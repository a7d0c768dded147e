import type { ApprovedImages } from '../policy/policy';
import { compileApprovedImages, judgeImage } from './approved';
import { familiarName, parseImageReference, sameRepository, type ImageRef } from './reference';

// Completion of image references from the approved-images list: inside `FROM ` in a Dockerfile and
// after `image:` in a Kubernetes manifest, the approved images and, once a name and `:` are typed,
// that repository's allowed tags. Pure: offsets in, candidates out.

export interface ImageCompletionContext {
  /** Where the reference being typed starts (after `FROM ` and its flags, or after `image:` and a quote). */
  readonly start: number;
  readonly typed: string;
}

export interface ImageCompletion {
  /** The reference to insert in place of what was typed. */
  readonly text: string;
  readonly detail: string;
  readonly kind: 'registry' | 'image' | 'tag';
}

/** The reference the cursor is in, when it is an image position; undefined elsewhere. */
export function imageCompletionContext(text: string, offset: number, language: 'dockerfile' | 'yaml'): ImageCompletionContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const match = language === 'dockerfile' ? /^\s*FROM\s+(?:--\S+\s+)*(\S*)$/i.exec(before) : /^\s*(?:-\s+)?image:\s*["']?([^\s"']*)$/.exec(before);
  if (!match || match[1].startsWith('--')) return undefined;
  return { start: offset - match[1].length, typed: match[1] };
}

/**
 * Candidates for `typed`: with a `name:` typed, the tags the list allows for that repository (a glob
 * offers its literal prefix: `1.27*` → `1.27`), none it deprecates; otherwise the approved repositories,
 * the replacements the list names, and each approved registry as a prefix.
 */
export function imageCompletions(list: ApprovedImages, typed: string, now: Date): ImageCompletion[] {
  const colon = typed.lastIndexOf(':');
  if (colon > typed.lastIndexOf('/') && colon > 0) return tagCompletions(list, typed.slice(0, colon), now);
  const out = new Map<string, ImageCompletion>();
  const add = (c: ImageCompletion) => out.has(c.text) || out.set(c.text, c);
  for (const registry of list.registries ?? []) add({ text: `${registry}/`, detail: 'approved registry: any repository under it', kind: 'registry' });
  for (const image of list.images ?? []) {
    const ref = parse(image.name);
    if (ref) add({ text: familiarName(ref), detail: `approved image${image.tags ? ` (tags ${image.tags.join(', ')})` : ''}`, kind: 'image' });
  }
  for (const target of replacementTargets(list)) add({ text: target, detail: 'approved replacement', kind: 'image' });
  return [...out.values()];
}

function tagCompletions(list: ApprovedImages, name: string, now: Date): ImageCompletion[] {
  const ref = parse(name);
  if (!ref) return [];
  const compiled = compileApprovedImages(list);
  const out = new Map<string, ImageCompletion>();
  const add = (tag: string, detail: string) => {
    const tagged = parseImageReference(`${name}:${tag}`);
    if (!tagged.ok || out.has(tag) || judgeImage(compiled, tagged.ref, now).deprecated) return;
    out.set(tag, { text: `${name}:${tag}`, detail, kind: 'tag' });
  };
  for (const image of list.images ?? []) {
    const entry = parse(image.name);
    if (!entry || !sameRepository(entry, ref)) continue;
    for (const glob of image.tags ?? []) {
      const literal = glob.split(/[*?]/)[0];
      if (literal !== '') add(literal, literal === glob ? 'approved tag' : `approved tags ${glob}`);
    }
  }
  for (const target of replacementTargets(list)) {
    const parsed = parseImageReference(target);
    if (parsed.ok && parsed.ref.tag !== undefined && sameRepository(parsed.ref, ref)) add(parsed.ref.tag, 'approved replacement tag');
  }
  return [...out.values()];
}

function replacementTargets(list: ApprovedImages): string[] {
  return [...(list.replacements ?? []).map((r) => r.to), ...(list.deprecated ?? []).flatMap((d) => d.replacement ?? [])];
}

function parse(name: string): ImageRef | undefined {
  const parsed = parseImageReference(name);
  return parsed.ok ? parsed.ref : undefined;
}
