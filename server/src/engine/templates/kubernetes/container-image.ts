import { isScalar, Scalar } from 'yaml';
import { containerKey, containersOf, POD_READER_KINDS } from '../../parsers/kubernetes-workloads';
import { findPair, nodeSpan } from '../../parsers/yaml-nodes';
import type { Span } from '../../types';
import { defineTemplate } from '../template';
import { containerOrigins, containerSubject, podSpecs, SUBJECT_PLACEHOLDERS } from './field-values';

interface Params {
  /** `tag`: report `latest` and untagged images. `digest`: report any image not pinned by digest. */
  readonly require: 'tag' | 'digest';
}

/** Splits `registry:5000/ns/name:tag@sha256:…` without mistaking a registry port for a tag. */
export function splitImage(ref: string): { name: string; tag?: string; tagStart?: number; digest?: string } {
  const at = ref.indexOf('@');
  const nameTag = at >= 0 ? ref.slice(0, at) : ref;
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const colon = nameTag.lastIndexOf(':');
  if (colon > nameTag.lastIndexOf('/')) return { name: nameTag.slice(0, colon), tag: nameTag.slice(colon + 1), tagStart: colon + 1, digest };
  return { name: nameTag, digest };
}

export const containerImage = defineTemplate<'kubernetes', Params>({
  id: 'k8s-container-image',
  language: 'kubernetes',
  objectKinds: POD_READER_KINDS,
  description:
    'Checks how each container image (containers, initContainers, ephemeralContainers) is pinned: by an explicit, non-latest tag, or by digest. An image pinned by digest always passes; images that are empty or use variables ($VAR, $(VAR)) are skipped. Reports on the `latest` tag when written literally, else on the image value.',
  paramsSchema: { type: 'object', required: ['require'], additionalProperties: false, properties: { require: { enum: ['tag', 'digest'] } } },
  placeholders: [...SUBJECT_PLACEHOLDERS, 'image'],
  instantiate: (params) => (model, ctx) => {
    for (const pod of podSpecs(model, ctx)) {
      for (const container of containersOf(pod)) {
        const node = findPair(pod.doc, container.node, 'image')?.value;
        if (!isScalar(node) || typeof node.value !== 'string') continue;
        const image = node.value.trim();
        if (image === '' || image.includes('$')) continue;
        const ref = splitImage(image);
        if (ref.digest) continue;
        const whole = nodeSpan(pod.base, node);
        if (!whole) continue;
        let span: Span = whole;
        if (params.require === 'tag') {
          if (ref.tag !== undefined && ref.tag !== 'latest') continue;
          span = tagSpan(node, whole, ref.tagStart, ref.tag) ?? whole;
        }
        ctx.report({ span, key: containerKey(container), data: { ...containerSubject(container), image }, origins: { ...containerOrigins(container), image: whole } });
      }
    }
  },
});

/** The tag inside the scalar's text, when the text is the value as written (no escapes, no folding). */
function tagSpan(node: Scalar, whole: Span, tagStart: number | undefined, tag: string | undefined): Span | undefined {
  if (tagStart === undefined || tag === undefined || node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return undefined;
  const quote = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
  const value = String(node.value);
  if (whole.end - whole.start !== value.length + 2 * quote || value !== value.trim()) return undefined;
  const start = whole.start + quote + tagStart;
  return { start, end: start + tag.length };
}
