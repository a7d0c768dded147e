import type { KubernetesModel } from '../../parsers/kubernetes';
import type { PodSpecRef } from '../../parsers/kubernetes-workloads';
import { asMap, findPair, getIn, scalarString } from '../../parsers/yaml-nodes';
import { POD_SECURITY_LEVELS, type CheckContext, type PodSecurityLevel } from '../../types';

// Which Pod Security Standards level a pod is held to: the enforce label of its Namespace when the same
// file declares that Namespace (what the admission controller would apply), else the caller's setting.

export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

function rank(level: PodSecurityLevel): number {
  return POD_SECURITY_LEVELS.indexOf(level);
}

function isLevel(value: string | undefined): value is PodSecurityLevel {
  return value !== undefined && (POD_SECURITY_LEVELS as readonly string[]).includes(value);
}

/** The enforce label of the Namespace `name` declared in this file, if any (an unknown value reads as absent). */
export function namespaceEnforceLevel(model: KubernetesModel, name: string): PodSecurityLevel | undefined {
  for (const object of (model.whole ?? model).objects) {
    if (object.kind !== 'Namespace' || object.name !== name || !object.document.doc) continue;
    const doc = object.document.doc;
    const labels = asMap(doc, getIn(doc, object.node, ['metadata', 'labels']));
    const level = scalarString(findPair(doc, labels, ENFORCE_LABEL)?.value);
    if (isLevel(level)) return level;
  }
  return undefined;
}

/** The enforce label of the Namespace `name` anywhere in the workspace index, if any. */
function workspaceEnforceLevel(ctx: CheckContext, name: string): PodSecurityLevel | undefined {
  for (const namespace of ctx.workspace?.namespaces ?? []) {
    if (namespace.name !== name) continue;
    const level = namespace.labels.find(([key]) => key === ENFORCE_LABEL)?.[1];
    if (isLevel(level)) return level;
  }
  return undefined;
}

/**
 * The level the pod is checked at: its Namespace's enforce label wins over the setting, from this file
 * first (what is being edited), else from the workspace index (the editor's folders, the CLI's scan).
 */
export function podSecurityLevel(model: KubernetesModel, pod: PodSpecRef, ctx: CheckContext): PodSecurityLevel {
  const namespace = pod.object.namespace;
  const labelled = namespace ? (namespaceEnforceLevel(model, namespace) ?? workspaceEnforceLevel(ctx, namespace)) : undefined;
  return labelled ?? ctx.podSecurity?.profile ?? ctx.podSecurityProfile ?? 'restricted';
}

/** A PSS rule applies to a pod held at least to the rule's level; other rules apply everywhere. */
export function podSecurityApplies(model: KubernetesModel, pod: PodSpecRef, ctx: CheckContext): boolean {
  const ruleLevel = ctx.podSecurity?.ruleLevel;
  return !ruleLevel || rank(podSecurityLevel(model, pod, ctx)) >= rank(ruleLevel);
}

/**
 * For a rule that maps to both levels (seccomp: Baseline forbids Unconfined, Restricted also requires a
 * profile), whether the Restricted part applies to this pod. Rules outside PSS keep their full meaning.
 */
export function restrictedApplies(model: KubernetesModel, pod: PodSpecRef, ctx: CheckContext): boolean {
  return !ctx.podSecurity || podSecurityLevel(model, pod, ctx) === 'restricted';
}
