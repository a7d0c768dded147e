import type { Node } from 'yaml';
import { WORKLOAD_KINDS, type PodSpecRef } from '../../parsers/kubernetes-workloads';
import { findPair, getIn, nodeSpan } from '../../parsers/yaml-nodes';
import { stringPairs } from '../../workspace/index-file';
import { podOrigins, podSpecs } from '../kubernetes/field-values';
import { defineTemplate } from '../template';
import { defaultDenyFix } from './default-deny-fix';

/**
 * kube-linter's non-isolated-pod across files: a workload whose pods no NetworkPolicy of the
 * workspace selects. Without a workspace index (one file analysed alone) it stays silent.
 */
interface Params {
  /**
   * Stay silent in a workspace with no NetworkPolicy at all (default): isolation may then come from
   * elsewhere (cluster-wide Calico or Cilium policies, a mesh), and flagging every workload is noise.
   */
  readonly onlyWhereWorkspaceHasPolicies?: boolean;
}

export const networkPolicyMissing = defineTemplate<'kubernetes', Params>({
  id: 'workspace-network-policy-missing',
  language: 'kubernetes',
  readsWorkspace: true,
  objectKinds: WORKLOAD_KINDS,
  description:
    'Reports a workload whose pod labels no NetworkPolicy in the workspace selects (same namespace; a namespace left unset on either side matches any, and an empty podSelector selects every pod). By default only in a workspace that has NetworkPolicies (`onlyWhereWorkspaceHasPolicies: false` reports every uncovered workload). Reads the workspace index, so it runs in `bulwark scan` over the scanned paths and in the editor over the workspace folders; a file analysed alone is its own workspace. The suggestion appends a default-deny NetworkPolicy (`podSelector: {}`, both directions, named to avoid the namespace\'s existing policies) for the workload\'s namespace to its file.',
  paramsSchema: { type: 'object', additionalProperties: false, properties: { onlyWhereWorkspaceHasPolicies: { type: 'boolean' } } },
  placeholders: ['object', 'namespace'],
  fixKind: 'suggestion',
  instantiate: (params) => (model, ctx) => {
    const index = ctx.workspace;
    if (!index) return;
    if (params.onlyWhereWorkspaceHasPolicies !== false && index.networkPolicies.length === 0) return;
    for (const pod of podSpecs(model)) {
      const labels = new Map(stringPairs(pod.doc, getIn(pod.doc, pod.object.node, podMetadataPath(pod, 'labels'))));
      if (index.policiesSelecting(pod.object.namespace, labels).length > 0) continue;
      const kind = findPair(pod.doc, pod.object.node, 'kind');
      const span = kind ? nodeSpan(pod.base, kind.value as Node) : undefined;
      if (!span) continue;
      ctx.report({ span, key: `${pod.object.kind}/${pod.object.name ?? ''}`, data: { object: `${pod.object.kind}/${pod.object.name ?? '(unnamed)'}`, namespace: pod.object.namespace ?? '(unset)' }, origins: podOrigins(pod), fixes: [defaultDenyFix(model, pod.object.namespace, index)] });
    }
  },
});

/** The pod template's metadata sits beside its spec: `spec.template.metadata` for `spec.template.spec`. */
export function podMetadataPath(pod: PodSpecRef, field: string): string[] {
  return [...pod.path.split('.').slice(0, -1), 'metadata', field];
}
