import type { Node } from 'yaml';
import { containerAnchor, containerKey, containersOf, podEditContext, POD_READER_KINDS } from '../../parsers/kubernetes-workloads';
import { appendSeqItem, setIn, type YamlEditContext } from '../../parsers/yaml-edits';
import { findPair, nodeSpan } from '../../parsers/yaml-nodes';
import type { Fix, Span } from '../../types';
import { defineTemplate } from '../template';
import { capabilitiesOf, capabilityNames } from './capabilities';
import { containerOrigins, containerSubject, EXEMPTIONS_SCHEMA, exempted, podSpecs, SUBJECT_PLACEHOLDERS, type Exemptions } from './field-values';

interface Params {
  /** The drop list passes when it names any of these (exactly, as PSS compares `ALL`). */
  readonly anyOf: readonly string[];
  /** The capability the fix adds to `drop`. */
  readonly insert: string;
  readonly exempt?: Exemptions;
}

export const capabilitiesDrop = defineTemplate<'kubernetes', Params>({
  id: 'k8s-capabilities-drop',
  language: 'kubernetes',
  objectKinds: POD_READER_KINDS,
  description:
    'Reports every container (containers, initContainers, ephemeralContainers) whose securityContext.capabilities.drop names none of `anyOf`, on the deepest key that exists (drop, capabilities, securityContext, or the container name). Offers to add `insert` to the drop list, creating securityContext and capabilities in block style when missing.',
  paramsSchema: {
    type: 'object',
    required: ['anyOf', 'insert'],
    additionalProperties: false,
    properties: {
      anyOf: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      insert: { type: 'string', minLength: 1 },
      exempt: EXEMPTIONS_SCHEMA,
    },
  },
  placeholders: [...SUBJECT_PLACEHOLDERS, 'capability'],
  fixKind: 'suggestion',
  instantiate: (params) => {
    const wanted = new Set(params.anyOf);
    return (model, ctx) => {
      for (const pod of podSpecs(model, ctx)) {
        if (exempted(pod, params.exempt)) continue;
        let editContext: YamlEditContext | undefined;
        const edit = () => (editContext ??= podEditContext(model, pod));
        for (const container of containersOf(pod)) {
          const { securityContext, capabilities, drop } = capabilitiesOf(container);
          if (capabilityNames(drop).some((c) => wanted.has(c.name))) continue;
          const pair = findPair(pod.doc, capabilities, 'drop') ?? findPair(pod.doc, securityContext, 'capabilities');
          const span: Span | undefined = pair ? nodeSpan(pod.base, pair.key as Node) : containerAnchor(container);
          if (!span) continue;
          const change = drop ? appendSeqItem(edit(), drop, params.insert) : setIn(edit(), container.node, ['securityContext', 'capabilities', 'drop'], [params.insert]);
          const fixes: Fix[] = change ? [{ title: `Drop ${params.insert} capabilities`, kind: 'suggestion', edits: [change] }] : [];
          ctx.report({ span, key: containerKey(container), data: { ...containerSubject(container), capability: params.insert }, origins: containerOrigins(container), fixes });
        }
      }
    };
  },
});
