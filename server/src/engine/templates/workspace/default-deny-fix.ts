import type { KubernetesModel } from '../../parsers/kubernetes';
import type { Fix } from '../../types';
import type { WorkspaceIndex } from '../../workspace/workspace-index';

/** A name kubectl takes as is; anything else is written as a quoted string. */
const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * "Create a default-deny NetworkPolicy": appends a `---` document to the workload's file with a policy
 * that selects every pod of the workload's namespace (`podSelector: {}`) and allows no traffic in
 * either direction. A suggestion: it changes what the cluster lets through, and the traffic the
 * workloads need must then be allowed by other policies. The name avoids every policy the workspace
 * already has in that namespace (applying a policy of the same name would replace it).
 */
export function defaultDenyFix(model: KubernetesModel, namespace: string | undefined, workspace: WorkspaceIndex): Fix {
  const name = freeName(workspace, namespace);
  const eol = model.eol;
  const lines = [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    `  name: ${name}`,
    ...(namespace !== undefined ? [`  namespace: ${DNS_LABEL.test(namespace) ? namespace : JSON.stringify(namespace)}`] : []),
    'spec:',
    '  podSelector: {}',
    '  policyTypes:',
    '    - Ingress',
    '    - Egress',
  ];
  const text = model.text;
  const end = text.length;
  const separator = end === 0 || text.endsWith('\n') ? '' : eol;
  // A file that already ends with a bare `---` gets no second, empty document.
  const trimmed = text.trimEnd();
  const marker = /^---[ \t]*$/.test(trimmed.slice(trimmed.lastIndexOf('\n') + 1)) ? '' : `---${eol}`;
  const where = namespace !== undefined ? `namespace ${namespace}` : 'the namespace it is applied to';
  return {
    title: `Create a default-deny NetworkPolicy for ${where} (append "${name}" to this file)`,
    kind: 'suggestion',
    edits: [{ span: { start: end, end }, newText: `${separator}${marker}${lines.join(eol)}${eol}` }],
  };
}

function freeName(workspace: WorkspaceIndex, namespace: string | undefined): string {
  const taken = new Set(workspace.networkPolicies.filter((p) => p.namespace === undefined || namespace === undefined || p.namespace === namespace).map((p) => p.name));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? 'default-deny' : `default-deny-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
