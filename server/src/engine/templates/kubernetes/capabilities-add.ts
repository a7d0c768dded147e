import type { Node } from 'yaml';
import { containerKey, containersOf, podEditContext, POD_READER_KINDS } from '../../parsers/kubernetes-workloads';
import { deletePair, deleteSeqItem, type YamlEditContext } from '../../parsers/yaml-edits';
import { findPair, nodeSpan } from '../../parsers/yaml-nodes';
import type { Fix } from '../../types';
import { defineTemplate } from '../template';
import { canonicalCapability, capabilitiesOf, capabilityNames } from './capabilities';
import { containerOrigins, containerSubject, EXEMPTIONS_SCHEMA, exempted, podSpecs, SUBJECT_PLACEHOLDERS, type Exemptions } from './field-values';

interface Params {
  /** Capabilities that may be added, compared exactly as PSS does; anything else is reported. */
  readonly allowed?: readonly string[];
  /** Capabilities that must not be added, compared without case or a CAP_ prefix. */
  readonly forbidden?: readonly string[];
  readonly exempt?: Exemptions;
}

export const capabilitiesAdd = defineTemplate<'kubernetes', Params>({
  id: 'k8s-capabilities-add',
  language: 'kubernetes',
  objectKinds: POD_READER_KINDS,
  description:
    'Reports each item of a container\'s securityContext.capabilities.add (containers, initContainers, ephemeralContainers) that is outside `allowed` (exact names, as PSS compares them) or inside `forbidden` (case-insensitive, CAP_ prefix ignored). Offers to remove the item, or the whole `add` when every item is reported.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      allowed: { type: 'array', items: { type: 'string', minLength: 1 } },
      forbidden: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      exempt: EXEMPTIONS_SCHEMA,
    },
  },
  placeholders: [...SUBJECT_PLACEHOLDERS, 'capability'],
  fixKind: 'suggestion',
  instantiate: (params) => {
    const allowed = params.allowed ? new Set(params.allowed) : undefined;
    const forbidden = params.forbidden ? new Set(params.forbidden.map(canonicalCapability)) : undefined;
    const flagged = (name: string) => (!!allowed && !allowed.has(name)) || (!!forbidden && forbidden.has(canonicalCapability(name)));
    return (model, ctx) => {
      for (const pod of podSpecs(model, ctx)) {
        if (exempted(pod, params.exempt)) continue;
        let editContext: YamlEditContext | undefined;
        const edit = () => (editContext ??= podEditContext(model, pod));
        for (const container of containersOf(pod)) {
          const { capabilities, add } = capabilitiesOf(container);
          if (!add || !capabilities) continue;
          const names = capabilityNames(add);
          const bad = names.filter((n) => flagged(n.name));
          const removeAll = bad.length === add.items.length;
          for (const { name, index } of bad) {
            const span = nodeSpan(pod.base, add.items[index] as Node);
            if (!span) continue;
            const addPair = findPair(pod.doc, capabilities, 'add');
            const change = removeAll ? addPair && deletePair(edit(), capabilities, addPair) : deleteSeqItem(edit(), add, index);
            const fixes: Fix[] = change ? [{ title: removeAll ? 'Remove capabilities.add' : `Remove ${name} from capabilities.add`, kind: 'suggestion', edits: [change] }] : [];
            ctx.report({ span, key: containerKey(container), data: { ...containerSubject(container), capability: name }, origins: containerOrigins(container), fixes });
          }
        }
      }
    };
  },
});
