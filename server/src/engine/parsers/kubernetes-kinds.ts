// A rule's objectKinds name the kinds it reads, so a section of another kind is never parsed (the CRDs of a
// large install manifest). A rule that reads pod templates embedded in custom resources (an Agones Fleet, a
// Tekton or Argo Workflows template) cannot list those kinds: it names CUSTOM_RESOURCE_KINDS instead, which
// reads every kind the Kubernetes API does not serve itself, and still no CRD, ConfigMap or RBAC object.

/** In a rule's objectKinds: every kind outside BUILT_IN_KINDS (custom resources). */
export const CUSTOM_RESOURCE_KINDS = 'custom resources';

/** The kinds the Kubernetes API serves itself (core and the built-in groups), as of 1.31. */
const BUILT_IN_KINDS: ReadonlySet<string> = new Set([
  'APIService', 'Binding', 'CertificateSigningRequest', 'ClusterRole', 'ClusterRoleBinding', 'ClusterTrustBundle',
  'ComponentStatus', 'ConfigMap', 'ControllerRevision', 'CronJob', 'CSIDriver', 'CSINode', 'CSIStorageCapacity',
  'CustomResourceDefinition', 'DaemonSet', 'Deployment', 'Endpoints', 'EndpointSlice', 'Event', 'FlowSchema',
  'HorizontalPodAutoscaler', 'Ingress', 'IngressClass', 'IPAddress', 'Job', 'Lease', 'LimitRange', 'List',
  'LocalSubjectAccessReview', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding', 'MutatingWebhookConfiguration',
  'Namespace', 'NetworkPolicy', 'Node', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'PodDisruptionBudget',
  'PodTemplate', 'PriorityClass', 'PriorityLevelConfiguration', 'ReplicaSet', 'ReplicationController',
  'ResourceClaim', 'ResourceClaimTemplate', 'ResourceQuota', 'ResourceSlice', 'Role', 'RoleBinding', 'RuntimeClass',
  'Secret', 'SelfSubjectAccessReview', 'SelfSubjectReview', 'SelfSubjectRulesReview', 'Service', 'ServiceAccount',
  'ServiceCIDR', 'StatefulSet', 'StorageClass', 'StorageVersionMigration', 'SubjectAccessReview', 'TokenReview',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration',
  'VolumeAttachment', 'VolumeAttributesClass',
]);

/** Whether a rule that declares `kinds` reads an object of `kind`. */
export function readsKind(kinds: readonly string[], kind: string): boolean {
  return kinds.includes(kind) || (!BUILT_IN_KINDS.has(kind) && kinds.includes(CUSTOM_RESOURCE_KINDS));
}

/** The kinds a set of rules read, as the parser asks it (`has`): those listed, and custom resources when one reads them. */
export function kindFilter(kinds: ReadonlySet<string>): { has(kind: string): boolean } {
  if (!kinds.has(CUSTOM_RESOURCE_KINDS)) return kinds;
  return { has: (kind) => kinds.has(kind) || !BUILT_IN_KINDS.has(kind) };
}
