import { findPair, k8sScalar, nodeSpan, pairSpan } from '../../parsers/yaml-nodes';
import { deletePair, setIn, type YamlEditContext } from '../../parsers/yaml-edits';
import { podEditContext, POD_READER_KINDS } from '../../parsers/kubernetes-workloads';
import type { Fix } from '../../types';
import { defineTemplate } from '../template';
import { EXEMPTIONS_SCHEMA, exempted, podOrigins, podSpecs, podSubject, SCALAR_VALUE_SCHEMA, VALUE_POLICY_SCHEMA, violates, type Exemptions, type FieldValue, type ValuePolicy } from './field-values';

interface Params extends ValuePolicy {
  /** Keys of the pod spec itself, e.g. [hostNetwork, hostPID, hostIPC]; each is checked on its own. */
  readonly fields: readonly string[];
  /** The field must be set (reported on the pod spec's key when it is not). */
  readonly required?: boolean;
  /** Offered for a value that is not allowed, in this order. */
  readonly fixes?: readonly ('replace' | 'delete')[];
  readonly replaceWith?: FieldValue;
  /** Suggestion for a missing required field. */
  readonly insertValue?: FieldValue;
  readonly exempt?: Exemptions;
}

export const podSpecField = defineTemplate<'kubernetes', Params>({
  id: 'k8s-pod-spec-field',
  language: 'kubernetes',
  objectKinds: POD_READER_KINDS,
  description:
    'Checks scalar fields of the pod spec itself (hostNetwork, hostPID, automountServiceAccountToken …) in every workload kind: a value that is set must be allowed (and not forbidden); with `required` it must be set. Reports on the pair; offers to replace the value or delete the key.',
  paramsSchema: {
    type: 'object',
    required: ['fields'],
    additionalProperties: false,
    properties: {
      fields: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      ...VALUE_POLICY_SCHEMA,
      required: { type: 'boolean' },
      fixes: { type: 'array', items: { enum: ['replace', 'delete'] }, uniqueItems: true },
      replaceWith: SCALAR_VALUE_SCHEMA,
      insertValue: SCALAR_VALUE_SCHEMA,
      exempt: EXEMPTIONS_SCHEMA,
    },
  },
  placeholders: ['object', 'subject', 'field', 'value'],
  fixKind: 'suggestion',
  instantiate: (params) => (model, ctx) => {
    const kind = 'suggestion';
    for (const pod of podSpecs(model, ctx)) {
      if (exempted(pod, params.exempt)) continue;
      let editContext: YamlEditContext | undefined;
      const edit = () => (editContext ??= podEditContext(model, pod));
      for (const field of params.fields) {
        const pair = findPair(pod.doc, pod.spec, field);
        const value = pair ? k8sScalar(pod.doc, pair.value) : undefined;
        const subject = podSubject(pod);
        if (pair && value !== undefined && value !== null) {
          if (!violates(params, value)) continue;
          const span = pairSpan(pod.base, pair);
          if (!span) continue;
          const fixes: Fix[] = [];
          for (const fix of params.fixes ?? []) {
            const change = fix === 'delete' ? deletePair(edit(), pod.spec, pair) : params.replaceWith === undefined ? undefined : setIn(edit(), pod.spec, [field], params.replaceWith);
            const title = fix === 'delete' ? `Remove ${field}` : `Set ${field} to ${String(params.replaceWith)}`;
            if (change) fixes.push({ title, kind, edits: [change] });
          }
          ctx.report({ span, key: `${subject.object}/${field}`, data: { ...subject, field, value: String(value) }, origins: podOrigins(pod), fixes });
        } else if (params.required) {
          const anchor = pod.spec.items[0];
          const span = anchor ? nodeSpan(pod.base, anchor.key as { range?: [number, number, number] }) : undefined;
          if (!span) continue;
          const change = params.insertValue === undefined ? undefined : setIn(edit(), pod.spec, [field], params.insertValue);
          const fixes: Fix[] = change ? [{ title: `Add ${field}: ${String(params.insertValue)}`, kind: 'suggestion', edits: [change] }] : [];
          ctx.report({ span, key: `${subject.object}/${field}`, data: { ...subject, field, value: 'unset' }, origins: podOrigins(pod), fixes });
        }
      }
    }
  },
});
