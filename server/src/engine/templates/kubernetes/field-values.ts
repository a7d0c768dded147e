import type { KubernetesModel } from '../../parsers/kubernetes';
import { isWindowsPod, objectLabel, podSpecOf, usesUserNamespace, type ContainerRef, type PodSpecRef } from '../../parsers/kubernetes-workloads';
import { getIn, nodeSpan } from '../../parsers/yaml-nodes';
import type { CheckContext, Span } from '../../types';
import { podSecurityApplies } from './pod-security';
import type { JsonSchema } from '../template';

// Shared by the Kubernetes field templates: how rule data names allowed and forbidden values, which
// pods PSS exempts, and the placeholders every pod and container finding fills.

export type FieldValue = string | number | boolean;

export interface ValuePolicy {
  /** A value that is set must be one of these. */
  readonly allowed?: readonly FieldValue[];
  /** A value that is set must not be one of these. */
  readonly forbidden?: readonly FieldValue[];
  /** A numeric value that is set must be at least this (a UID or GID range); other values are not judged by it. */
  readonly minimum?: number;
}

export interface Exemptions {
  /** Skip pods with `spec.os.name: windows` (PSS exempts them from Linux-only Restricted controls since 1.25). */
  readonly windows?: boolean;
  /** Skip pods with `spec.hostUsers: false` (PSS 1.35 allows any value there for the root-user controls). */
  readonly userNamespace?: boolean;
}

const SCALAR_SCHEMA = { type: ['string', 'number', 'boolean'] };

export const VALUE_POLICY_SCHEMA: Record<string, JsonSchema> = {
  allowed: { type: 'array', minItems: 1, items: SCALAR_SCHEMA },
  forbidden: { type: 'array', minItems: 1, items: SCALAR_SCHEMA },
  minimum: { type: 'number' },
};

export const SCALAR_VALUE_SCHEMA: JsonSchema = SCALAR_SCHEMA;

export const EXEMPTIONS_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { windows: { type: 'boolean' }, userNamespace: { type: 'boolean' } },
};

/** Values compare as text, so `runAsUser: "0"` (which the API would reject anyway) still reads as 0. */
export function violates(policy: ValuePolicy, value: FieldValue): boolean {
  const text = String(value);
  if (policy.allowed && !policy.allowed.some((a) => String(a) === text)) return true;
  if (policy.minimum !== undefined && /^\d+$/.test(text) && Number(text) < policy.minimum) return true;
  return !!policy.forbidden && policy.forbidden.some((f) => String(f) === text);
}

export function exempted(pod: PodSpecRef, exempt: Exemptions | undefined): boolean {
  return (!!exempt?.windows && isWindowsPod(pod)) || (!!exempt?.userNamespace && usesUserNamespace(pod));
}

/**
 * Every pod spec of the file's workloads; other kinds are skipped by kind before any tree walk. For a
 * Pod Security Standards rule, only the pods held to the rule's level (pod-security.ts).
 */
export function podSpecs(model: KubernetesModel, ctx?: CheckContext): PodSpecRef[] {
  const out: PodSpecRef[] = [];
  for (const object of model.objects) {
    const pod = podSpecOf(object);
    if (pod && (!ctx || podSecurityApplies(model, pod, ctx))) out.push(pod);
  }
  return out;
}

/** Placeholders shared by pod and container findings. */
export const SUBJECT_PLACEHOLDERS = ['object', 'subject', 'container'] as const;

export function podSubject(pod: PodSpecRef): Record<string, string> {
  return { object: objectLabel(pod.object), subject: 'the pod', container: '(pod)' };
}

export function containerSubject(container: ContainerRef): Record<string, string> {
  const kind = container.group === 'containers' ? 'container' : container.group === 'initContainers' ? 'init container' : 'ephemeral container';
  return { object: objectLabel(container.pod.object), subject: `${kind} "${container.name}"`, container: container.name };
}

/** Where podSubject's names were read from (Report.origins), so a secret written there is masked in them. */
export function podOrigins(pod: PodSpecRef): Record<string, Span> {
  const object = nodeSpan(pod.base, getIn(pod.doc, pod.object.node, ['metadata', 'name']));
  return object ? { object } : {};
}

/** Where containerSubject's names were read from (Report.origins). */
export function containerOrigins(container: ContainerRef): Record<string, Span> {
  const name = nodeSpan(container.pod.base, getIn(container.pod.doc, container.node, ['name']));
  return { ...podOrigins(container.pod), ...(name ? { subject: name, container: name } : {}) };
}
