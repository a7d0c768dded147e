import type { Document, Node, YAMLMap } from 'yaml';
import type { Span } from '../types';
import type { K8sObject, KubernetesModel } from './kubernetes';
import { editContext, type YamlEditContext } from './yaml-edits';
import { asMap, asSeq, findPair, getIn, k8sScalar, nodeSpan, scalarString } from './yaml-nodes';

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  // OpenShift's (deprecated) DeploymentConfig still appears in many repositories.
  DeploymentConfig: ['spec', 'template', 'spec'],
}));

export const WORKLOAD_KINDS: readonly string[] = [...POD_SPEC_PATHS.keys()];

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';
const CONTAINER_GROUPS: readonly ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];

export interface PodSpecRef {
  readonly object: K8sObject;
  readonly doc: Document.Parsed;
  readonly base: number;
  readonly spec: YAMLMap;
  /** Dotted path of the pod spec inside the object, for messages: `spec.template.spec`. */
  readonly path: string;
}

export interface ContainerRef {
  readonly pod: PodSpecRef;
  readonly node: YAMLMap;
  readonly group: ContainerGroup;
  readonly index: number;
  readonly name: string;
}

export function podSpecOf(object: K8sObject): PodSpecRef | undefined {
  const path = object.kind ? POD_SPEC_PATHS.get(object.kind) : undefined;
  const doc = object.document.doc;
  if (!path || !doc) return undefined;
  const spec = asMap(doc, getIn(doc, object.node, path));
  if (!spec) return undefined;
  return { object, doc, base: object.document.base, spec, path: path.join('.') };
}

export function containersOf(pod: PodSpecRef, groups: readonly ContainerGroup[] = CONTAINER_GROUPS): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const group of groups) {
    const seq = asSeq(pod.doc, getIn(pod.doc, pod.spec, [group]));
    seq?.items.forEach((item, index) => {
      const node = asMap(pod.doc, item);
      if (!node) return;
      const name = scalarString(getIn(pod.doc, node, ['name'])) ?? `${group}[${index}]`;
      out.push({ pod, node, group, index, name });
    });
  }
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
  return editContext(model.text, model.eol, pod.base, pod.doc, pod.object.node);
}
