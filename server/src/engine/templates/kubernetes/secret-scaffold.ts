import type { CompanionFile } from '../../types';

// The companion of the `valueFrom.secretKeyRef` suggestion: the Secret it names, scaffolded with every
// key the workload's fixes refer to and EMPTY values. Bulwark never writes a secret value: the person
// fills them in at deploy time (or encrypts the file), and a Secret committed with values is itself a
// finding (k8s-secret-committed).

export interface SecretScaffold {
  /** The Secret's name, as the secretKeyRef suggestion writes it. */
  readonly name: string;
  readonly namespace?: string;
  /** Keys in the order the workload's env entries use them. */
  readonly keys: readonly string[];
  /** `Deployment/api`: who reads it, for the header comment. */
  readonly readBy: string;
  readonly eol: string;
}

const PLAIN = /^[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/;

/** A YAML scalar for a name or key: plain when it is a DNS-style name, double-quoted (JSON) otherwise. */
function scalar(value: string): string {
  return PLAIN.test(value) ? value : JSON.stringify(value);
}

/** Comments are one line each: control characters from a hostile manifest never start a new line. */
function commentSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '?');
}

export function secretScaffoldFile(secret: SecretScaffold): CompanionFile {
  const fileName = `${secret.name.replace(/[^a-z0-9._-]/gi, '-').replace(/^[.-]+/, '') || 'app-secrets'}.secret.yaml`;
  const example = secret.keys[0] ?? 'key';
  const lines = [
    `# Secret read by ${commentSafe(secret.readBy)} through valueFrom.secretKeyRef, scaffolded by Bulwark.`,
    '# The values are empty on purpose: never commit them. Create the Secret at deploy time, for example',
    `# kubectl create secret generic ${commentSafe(secret.name)} --from-literal=${commentSafe(example)}=…`,
    '# or encrypt this file (Sealed Secrets, SOPS) before you fill it in.',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${scalar(secret.name)}`,
    ...(secret.namespace ? [`  namespace: ${scalar(secret.namespace)}`] : []),
    'type: Opaque',
    'stringData:',
    ...secret.keys.map((key) => `  ${scalar(key)}: ""`),
  ];
  return {
    title: `Create Secret manifest ${fileName} (keys ${secret.keys.join(', ')}; values left empty)`,
    fileName,
    text: lines.join(secret.eol) + secret.eol,
  };
}
