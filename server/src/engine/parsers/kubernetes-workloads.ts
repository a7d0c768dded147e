import type { Document, YAMLMap } from 'yaml';
import type { K8sObject } from './kubernetes';
import { asMap, asSeq, getIn, scalarString } from './yaml-nodes';

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_SPEC_PATHS);

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';
export const CONTAINER_GROUPS: readonly ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];

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
  const path = object.kind ? POD_SPEC_PATHS[object.kind] : undefined;
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
