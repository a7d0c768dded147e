import type { Node } from 'yaml';
import { containerKey, containersOf, podEditContext, POD_READER_KINDS } from '../../parsers/kubernetes-workloads';
import { setIn } from '../../parsers/yaml-edits';
import { asMap, asSeq, findPair, getIn, k8sScalar, nodeSpan, scalarString } from '../../parsers/yaml-nodes';
import type { Document, YAMLMap } from 'yaml';
import type { Fix } from '../../types';
import { defineTemplate } from '../template';
import { containerOrigins, containerSubject, podSpecs, SUBJECT_PLACEHOLDERS } from './field-values';
import { trimEndOf } from '../../trim';

/**
 * kube-linter's writable-host-mount: a container's volumeMounts item that mounts a hostPath volume of its
 * pod without `readOnly: true`. Reported on the item's `name` value; the suggestion sets readOnly: true
 * (the workload may need to write there, so a person decides).
 */
export const hostPathWritable = defineTemplate<'kubernetes', Record<string, never>>({
  id: 'k8s-host-path-writable',
  language: 'kubernetes',
  objectKinds: POD_READER_KINDS,
  description:
    'Reports each volumeMounts item of every container (containers, initContainers, ephemeralContainers) of every workload kind that mounts a hostPath volume of its pod without `readOnly: true`, on the item\'s `name` value; a socket (hostPath type Socket, or a path ending in .sock) is left out, since readOnly does not stop a client from connecting to it. Offers a suggestion that sets `readOnly: true` on a block-style item.',
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  placeholders: [...SUBJECT_PLACEHOLDERS, 'volume', 'path', 'mountPath'],
  fixKind: 'suggestion',
  instantiate: () => (model, ctx) => {
    for (const pod of podSpecs(model, ctx)) {
      const hostPaths = new Map<string, string>();
      for (const item of asSeq(pod.doc, getIn(pod.doc, pod.spec, ['volumes']))?.items ?? []) {
        const volume = asMap(pod.doc, item);
        const hostPath = asMap(pod.doc, getIn(pod.doc, volume, ['hostPath']));
        const name = scalarString(getIn(pod.doc, volume, ['name']));
        if (!hostPath) continue;
        const path = scalarString(getIn(pod.doc, hostPath, ['path'])) ?? '';
        // readOnly does not stop a client from connecting to a socket: that mount is the socket rule's finding.
        if (name !== undefined && !isSocket(pod.doc, hostPath, path)) hostPaths.set(name, path);
      }
      if (hostPaths.size === 0) continue;
      for (const container of containersOf(pod)) {
        asSeq(pod.doc, getIn(pod.doc, container.node, ['volumeMounts']))?.items.forEach((item, index) => {
          const mount = asMap(pod.doc, item);
          const namePair = findPair(pod.doc, mount, 'name');
          const name = namePair ? scalarString(namePair.value) : undefined;
          if (!mount || name === undefined || !hostPaths.has(name)) return;
          if (k8sScalar(pod.doc, getIn(pod.doc, mount, ['readOnly'])) === true) return;
          const span = nodeSpan(pod.base, namePair?.value as Node);
          if (!span) return;
          const change = setIn(podEditContext(model, pod), mount, ['readOnly'], true);
          const fixes: Fix[] = change ? [{ title: `Mount volume "${name}" read-only (readOnly: true)`, kind: 'suggestion', edits: [change] }] : [];
          const mountPath = scalarString(getIn(pod.doc, mount, ['mountPath'])) ?? '(unset)';
          ctx.report({
            span,
            key: `${containerKey(container)}/volumeMounts[${index}]`,
            data: { ...containerSubject(container), volume: name, path: hostPaths.get(name) ?? '', mountPath },
            origins: containerOrigins(container),
            fixes,
          });
        });
      }
    }
  },
});

function isSocket(doc: Document, hostPath: YAMLMap, path: string): boolean {
  return scalarString(getIn(doc, hostPath, ['type'])) === 'Socket' || trimEndOf(path, '/').endsWith('.sock');
}
