import { isMap, type Document, type Pair, type YAMLMap } from 'yaml';
import { containerAnchor, containerKey, containersOf, podEditContext, securityContextOf, type PodSpecRef, POD_READER_KINDS } from '../../parsers/kubernetes-workloads';
import { setIn, type YamlEditContext } from '../../parsers/yaml-edits';
import { findPair, k8sScalar, pairSpan, resolve } from '../../parsers/yaml-nodes';
import type { CheckContext, Fix, FixKind, Span } from '../../types';
import { defineTemplate } from '../template';
import { restrictedApplies } from './pod-security';
import {
  containerOrigins,
  containerSubject,
  EXEMPTIONS_SCHEMA,
  exempted,
  podOrigins,
  podSpecs,
  podSubject,
  SCALAR_VALUE_SCHEMA,
  SUBJECT_PLACEHOLDERS,
  VALUE_POLICY_SCHEMA,
  violates,
  type Exemptions,
  type FieldValue,
  type ValuePolicy,
} from './field-values';

interface Params extends ValuePolicy {
  /** Path under `securityContext`, e.g. [privileged] or [seccompProfile, type]. */
  readonly field: readonly string[];
  /** Where the field can be set. With both, the pod's value is the default of every container (PSS semantics). */
  readonly levels: readonly ('pod' | 'container')[];
  /** The effective value (the container's, else the pod's) must be set. */
  readonly required?: boolean;
  /** Fix for a value that is not allowed. */
  readonly replaceWith?: FieldValue;
  /** Only `suggestion`: every securityContext edit changes what the process may do (docs/architecture.md, "Fix policy"). */
  readonly replaceFix?: FixKind;
  /** Suggestion for a missing required value: where to add it. */
  readonly insert?: { readonly at: 'pod' | 'container'; readonly value: FieldValue };
  readonly exempt?: Exemptions;
}

/** What one securityContext says about the field. */
interface FieldState {
  /** The field's first key is present with a value (`seccompProfile: {}` counts; `privileged:` does not). */
  readonly declared: boolean;
  readonly value?: FieldValue;
  /** The leaf pair, or the first key's pair when the leaf is missing. */
  readonly pair?: Pair;
}

function stateOf(doc: Document, securityContext: YAMLMap | undefined, field: readonly string[]): FieldState {
  const head = findPair(doc, securityContext, field[0]);
  const headValue = head ? resolve(doc, head.value) : undefined;
  if (!head || headValue === undefined || headValue === null || k8sScalar(doc, headValue) === null) return { declared: false };
  let map: unknown = securityContext;
  let pair: Pair | undefined;
  for (const key of field) {
    pair = isMap(map) ? findPair(doc, map, key) : undefined;
    if (!pair) return { declared: true, pair: head };
    map = resolve(doc, pair.value);
  }
  const value = k8sScalar(doc, map);
  return { declared: true, value: value === null || value === undefined ? undefined : value, pair: pair ?? head };
}

export const securityContextField = defineTemplate<'kubernetes', Params>({
  id: 'k8s-security-context-field',
  language: 'kubernetes',
  objectKinds: POD_READER_KINDS,
  description:
    'Checks one securityContext field of every pod and container (containers, initContainers, ephemeralContainers) of every workload kind: a value that is set must be allowed (and not forbidden), and with `required` the effective value (the container\'s, else the pod\'s) must be set. Reports a bad value on its pair and a missing one on the container; offers a replacement and an insertion.',
  paramsSchema: {
    type: 'object',
    required: ['field', 'levels'],
    additionalProperties: false,
    properties: {
      field: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      levels: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['pod', 'container'] } },
      ...VALUE_POLICY_SCHEMA,
      required: { type: 'boolean' },
      replaceWith: SCALAR_VALUE_SCHEMA,
      replaceFix: { enum: ['suggestion'] },
      insert: {
        type: 'object',
        required: ['at', 'value'],
        additionalProperties: false,
        properties: { at: { enum: ['pod', 'container'] }, value: SCALAR_VALUE_SCHEMA },
      },
      exempt: EXEMPTIONS_SCHEMA,
    },
  },
  placeholders: [...SUBJECT_PLACEHOLDERS, 'field', 'value'],
  fixKind: 'suggestion',
  instantiate: (params) => {
    const fieldName = `securityContext.${params.field.join('.')}`;
    const bad = (state: FieldState, required: boolean) => (state.value !== undefined ? violates(params, state.value) : state.declared && required);

    const replaceFix = (edit: YamlEditContext, securityContext: YAMLMap): Fix[] => {
      if (params.replaceWith === undefined) return [];
      const change = setIn(edit, securityContext, params.field, params.replaceWith);
      return change ? [{ title: `Set ${params.field.join('.')} to ${String(params.replaceWith)}`, kind: 'suggestion', edits: [change] }] : [];
    };

    const reportBad = (ctx: CheckContext, pod: PodSpecRef, edit: () => YamlEditContext, securityContext: YAMLMap, state: FieldState, subject: Record<string, string>, origins: Record<string, Span>, key: string) => {
      const span: Span | undefined = state.pair ? pairSpan(pod.base, state.pair) : undefined;
      if (!span) return;
      const value = state.value === undefined ? 'unset' : String(state.value);
      ctx.report({ span, key, data: { ...subject, field: fieldName, value }, origins, fixes: replaceFix(edit(), securityContext) });
    };

    return (model, ctx) => {
      for (const pod of podSpecs(model, ctx)) {
        if (exempted(pod, params.exempt)) continue;
        let editContext: YamlEditContext | undefined;
        const edit = () => (editContext ??= podEditContext(model, pod));
        // A rule mapping to Baseline and Restricted (seccomp) requires the field only where Restricted applies.
        const required = !!params.required && restrictedApplies(model, pod, ctx);
        const podContext = params.levels.includes('pod') ? securityContextOf(pod.doc, pod.spec) : undefined;
        const podState = stateOf(pod.doc, podContext, params.field);
        if (podContext && bad(podState, required)) reportBad(ctx, pod, edit, podContext, podState, podSubject(pod), podOrigins(pod), `${podSubject(pod).object}/pod`);
        if (!params.levels.includes('container')) continue;
        for (const container of containersOf(pod)) {
          const own = securityContextOf(pod.doc, container.node);
          const state = stateOf(pod.doc, own, params.field);
          if (own && bad(state, required)) {
            reportBad(ctx, pod, edit, own, state, containerSubject(container), containerOrigins(container), containerKey(container));
          } else if (!state.declared && required && !podState.declared) {
            const span = containerAnchor(container);
            if (!span) continue;
            const fixes: Fix[] = [];
            if (params.insert) {
              const target = params.insert.at === 'pod' ? pod.spec : container.node;
              const change = setIn(edit(), target, ['securityContext', ...params.field], params.insert.value);
              const where = params.insert.at === 'pod' ? 'the pod' : 'the container';
              if (change) fixes.push({ title: `Add ${fieldName}: ${String(params.insert.value)} to ${where}`, kind: 'suggestion', edits: [change] });
            }
            ctx.report({ span, key: containerKey(container), data: { ...containerSubject(container), field: fieldName, value: 'unset' }, origins: containerOrigins(container), fixes });
          }
        }
      }
    };
  },
});
