import type { Document, Node, YAMLMap } from 'yaml';
import type { Span } from '../types';
import type { K8sObject, KubernetesModel } from './kubernetes';
import { editContext, scopeLayout, type YamlEditContext } from './yaml-edits';
import type { YamlLayout } from './yaml-block';
import { asMap, asSeq, findPair, getIn, k8sScalar, nodeSpan, scalarString } from './yaml-nodes';

interface PodTemplateLocation {
  readonly kind: string;
  /** The API group of `apiVersion` (`apps.kruise.io`); absent: any group, the core kinds' case. */
  readonly group?: string;
  /** Path of the pod spec inside the object. */
  readonly path: readonly string[];
}

/**
 * Where each workload kind keeps its pod spec, as data: an entry with a group wins over one without, so
 * Knative's `Service` is a workload while the core `Service` is not, and OpenKruise's Advanced
 * StatefulSet/DaemonSet read like the core ones. Add a CRD here once its pod template path is known.
 */
const POD_TEMPLATE_LOCATIONS: readonly PodTemplateLocation[] = [
  { kind: 'Pod', path: ['spec'] },
  { kind: 'PodTemplate', path: ['template', 'spec'] },
  { kind: 'Deployment', path: ['spec', 'template', 'spec'] },
  { kind: 'StatefulSet', path: ['spec', 'template', 'spec'] },
  { kind: 'DaemonSet', path: ['spec', 'template', 'spec'] },
  { kind: 'ReplicaSet', path: ['spec', 'template', 'spec'] },
  { kind: 'ReplicationController', path: ['spec', 'template', 'spec'] },
  { kind: 'Job', path: ['spec', 'template', 'spec'] },
  { kind: 'CronJob', path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
  // OpenShift's (deprecated) DeploymentConfig still appears in many repositories.
  { kind: 'DeploymentConfig', path: ['spec', 'template', 'spec'] },
  // Knative Serving: a Revision's spec is itself a pod spec (with Knative's extra fields).
  { kind: 'Service', group: 'serving.knative.dev', path: ['spec', 'template', 'spec'] },
  { kind: 'Configuration', group: 'serving.knative.dev', path: ['spec', 'template', 'spec'] },
  { kind: 'Revision', group: 'serving.knative.dev', path: ['spec'] },
  // Argo Rollouts (a Rollout may instead point at a Deployment with workloadRef: then it has no template).
  { kind: 'Rollout', group: 'argoproj.io', path: ['spec', 'template', 'spec'] },
  // OpenKruise: CloneSet, Advanced StatefulSet/DaemonSet (same names as core, covered above), BroadcastJob, AdvancedCronJob.
  { kind: 'CloneSet', group: 'apps.kruise.io', path: ['spec', 'template', 'spec'] },
  { kind: 'BroadcastJob', group: 'apps.kruise.io', path: ['spec', 'template', 'spec'] },
  { kind: 'AdvancedCronJob', group: 'apps.kruise.io', path: ['spec', 'template', 'jobTemplate', 'spec', 'template', 'spec'] },
  { kind: 'AdvancedCronJob', group: 'apps.kruise.io', path: ['spec', 'template', 'broadcastJobTemplate', 'spec', 'template', 'spec'] },
];

export const WORKLOAD_KINDS: readonly string[] = [...new Set(POD_TEMPLATE_LOCATIONS.map((l) => l.kind))];

/** What pod rules read: the workloads, and Namespaces for their Pod Security labels. */
export const POD_READER_KINDS: readonly string[] = [...WORKLOAD_KINDS, 'Namespace'];

function apiGroup(apiVersion: string | undefined): string {
  const slash = apiVersion?.indexOf('/') ?? -1;
  return apiVersion && slash > 0 ? apiVersion.slice(0, slash) : '';
}

/** The pod spec paths an object may use: the entries for its kind and group, else those for its kind alone. */
function podSpecPaths(object: K8sObject): readonly (readonly string[])[] {
  if (!object.kind) return [];
  const group = apiGroup(object.apiVersion);
  const ofKind = POD_TEMPLATE_LOCATIONS.filter((l) => l.kind === object.kind);
  const grouped = ofKind.filter((l) => l.group === group);
  if (grouped.length > 0) return grouped.map((l) => l.path);
  // A kind with only group-bound entries (Knative's Service) is another object in other groups.
  return ofKind.filter((l) => l.group === undefined).map((l) => l.path);
}

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';
const CONTAINER_GROUPS: readonly ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];

export interface PodSpecRef {
  readonly object: K8sObject;
  readonly doc: Document.Parsed;
  readonly base: number;
  readonly spec: YAMLMap;
  /** Dotted path of the pod spec inside the object, for messages: `spec.template.spec`. */
  readonly path: string;
  /** The map holding the pod's `metadata` and `spec` (the object itself for a Pod, Revision). */
  readonly template?: YAMLMap;
}

export interface ContainerRef {
  readonly pod: PodSpecRef;
  readonly node: YAMLMap;
  readonly group: ContainerGroup;
  readonly index: number;
  readonly name: string;
}

/**
 * The object's pod spec. Kept in its section's memo under the object itself (made anew by each analysis,
 * so the entry lives as long as that analysis): every pod rule of an analysis asks for every object.
 */
export function podSpecOf(object: K8sObject): PodSpecRef | undefined {
  const memo = object.document.memo;
  if (memo.has(object)) return memo.get(object) as PodSpecRef | undefined;
  const pod = readPodSpec(object);
  memo.set(object, pod);
  return pod;
}

function readPodSpec(object: K8sObject): PodSpecRef | undefined {
  const doc = object.document.doc;
  if (!doc) return undefined;
  for (const path of podSpecPaths(object)) {
    const spec = asMap(doc, getIn(doc, object.node, path));
    if (spec) return { object, doc, base: object.document.base, spec, path: path.join('.'), template: asMap(doc, getIn(doc, object.node, path.slice(0, -1))) };
  }
  return undefined;
}

export function containersOf(pod: PodSpecRef, groups: readonly ContainerGroup[] = CONTAINER_GROUPS): ContainerRef[] {
  // Read once per pod of an analysis (kept in the section's memo under the pod, as podSpecOf keeps the pod).
  const memo = pod.object.document.memo;
  let byGroup = memo.get(pod) as Map<ContainerGroup, readonly ContainerRef[]> | undefined;
  if (!byGroup) memo.set(pod, (byGroup = new Map()));
  const out: ContainerRef[] = [];
  for (const group of groups) {
    let refs = byGroup.get(group);
    if (!refs) byGroup.set(group, (refs = groupContainers(pod, group)));
    for (const ref of refs) out.push(ref);
  }
  return out;
}

function groupContainers(pod: PodSpecRef, group: ContainerGroup): ContainerRef[] {
  const out: ContainerRef[] = [];
  const seq = asSeq(pod.doc, getIn(pod.doc, pod.spec, [group]));
  seq?.items.forEach((item, index) => {
    const node = asMap(pod.doc, item);
    if (!node) return;
    const name = scalarString(getIn(pod.doc, node, ['name'])) ?? `${group}[${index}]`;
    out.push({ pod, node, group, index, name });
  });
  return out;
}

export function securityContextOf(doc: Document.Parsed, map: YAMLMap): YAMLMap | undefined {
  return asMap(doc, getIn(doc, map, ['securityContext']));
}

/** PSS exempts Windows pods (spec.os.name: windows) from the Linux-only Restricted controls since 1.25. */
export function isWindowsPod(pod: PodSpecRef): boolean {
  return scalarString(getIn(pod.doc, pod.spec, ['os', 'name'])) === 'windows';
}

/** `spec.hostUsers: false` runs the pod in a user namespace; PSS 1.35 relaxes the root-user controls for it. */
export function usesUserNamespace(pod: PodSpecRef): boolean {
  return k8sScalar(pod.doc, getIn(pod.doc, pod.spec, ['hostUsers'])) === false;
}

/** `Deployment/web`, for messages. */
export function objectLabel(object: K8sObject): string {
  return `${object.kind ?? 'object'}/${object.name ?? '(unnamed)'}`;
}

/** Identity of a container inside the file, for fingerprints of findings that share a span. */
export function containerKey(container: ContainerRef): string {
  return `${objectLabel(container.pod.object)}/${container.group}/${container.name}`;
}

/**
 * Where a finding about a field the container lacks goes: its securityContext key when it has one
 * (the field belongs there), else its `name:` pair, else its first key.
 */
export function containerAnchor(container: ContainerRef): Span | undefined {
  const { doc, base } = container.pod;
  const pair = findPair(doc, container.node, 'securityContext') ?? findPair(doc, container.node, 'name') ?? container.node.items[0];
  return pair ? nodeSpan(base, pair.key as Node) : nodeSpan(base, container.node);
}

/** An edit context over the object, so new keys follow the layout of the manifest being fixed. */
export function podEditContext(model: KubernetesModel, pod: PodSpecRef): YamlEditContext {
  return editContext(model.text, model.eol, pod.base, pod.doc, pod.object.node, () => objectLayout(model, pod));
}

/**
 * The object's layout, detected once and kept in its section's memo under the object's node (the layout
 * reads only the object's own text): each fixing rule of an analysis, a dozen security-context rules
 * among them, scanned the whole object's lines again for its first fix (~1% of a CLI scan of manifests).
 */
function objectLayout(model: KubernetesModel, pod: PodSpecRef): YamlLayout {
  const node = pod.object.node;
  // Without a range the scope runs to the file's end: nothing of the section's own to keep it under.
  if (!node.range) return scopeLayout(model.text, pod.base, node);
  const memo = pod.object.document.memo;
  let layout = memo.get(node) as YamlLayout | undefined;
  if (!layout) memo.set(node, (layout = scopeLayout(model.text, pod.base, node)));
  return layout;
}
