import { isScalar } from 'yaml';
import { containerKey, containersOf, podEditContext, POD_READER_KINDS } from '../../parsers/kubernetes-workloads';
import { replaceScalar } from '../../parsers/yaml-edits';
import { findPair, pairSpan } from '../../parsers/yaml-nodes';
import type { Fix } from '../../types';
import { defineTemplate } from '../template';
import { splitImage } from './container-image';
import { containerOrigins, containerSubject, podSpecs, SUBJECT_PLACEHOLDERS } from './field-values';

interface Params {
  /** Pull policies reported when the image is not pinned by digest. */
  readonly policies: readonly string[];
}

export const imagePullPolicy = defineTemplate<'kubernetes', Params>({
  id: 'k8s-image-pull-policy',
  language: 'kubernetes',
  objectKinds: POD_READER_KINDS,
  description:
    'Reports an explicit `imagePullPolicy` among `policies` (IfNotPresent, Never) on a container (containers, initContainers, ephemeralContainers) whose image is referenced by a tag, not a digest, on the pair: each node then runs whatever the tag pointed to when it first pulled it. Images with variables are skipped. Offers to set the policy to Always (a suggestion: it changes when nodes pull).',
  paramsSchema: {
    type: 'object',
    required: ['policies'],
    additionalProperties: false,
    properties: { policies: { type: 'array', minItems: 1, items: { enum: ['IfNotPresent', 'Never'] } } },
  },
  placeholders: [...SUBJECT_PLACEHOLDERS, 'image', 'value'],
  fixKind: 'suggestion',
  instantiate: (params) => (model, ctx) => {
    for (const pod of podSpecs(model, ctx)) {
      for (const container of containersOf(pod)) {
        const policy = findPair(pod.doc, container.node, 'imagePullPolicy');
        const image = findPair(pod.doc, container.node, 'image')?.value;
        if (!policy || !isScalar(policy.value) || !params.policies.includes(String(policy.value.value))) continue;
        if (!isScalar(image) || typeof image.value !== 'string' || image.value.includes('$') || image.value.trim() === '') continue;
        if (splitImage(image.value.trim()).digest) continue;
        const span = pairSpan(pod.base, policy);
        if (!span) continue;
        const change = replaceScalar(podEditContext(model, pod), policy.value, 'Always');
        const fixes: Fix[] = change ? [{ title: 'Set imagePullPolicy to Always', kind: 'suggestion', edits: [change] }] : [];
        ctx.report({ span, key: containerKey(container), data: { ...containerSubject(container), image: image.value.trim(), value: String(policy.value.value) }, origins: containerOrigins(container), fixes });
      }
    }
  },
});
