import * as assert from 'node:assert/strict';
import { analyze, indexFile, onlyRules, WorkspaceIndex, type Rule } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { describePeerAgreement } from './peer-agreement';

// Kubernetes rules against kube-linter's, Checkov's, Trivy's, Polaris' and the Pod Security
// Admission's own fixtures; the table below lists where we deliberately differ, and why.

/** fixture path (relative to labeled/) → rule id → why our answer differs from the peer's label. */
const DISAGREEMENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'trivy/k8s/KSV-0020_runs_with_UID_le_10000/bad1.yaml': {
    'k8s-run-as-user-low': 'Trivy counts an unset runAsUser as a low UID; we report only an explicit one (unset is the image\'s user: k8s-run-as-non-root-missing, docker-user-missing)',
  },
  'checkov/k8s/CKV_K8S_40_RootContainersHighUID/rootContainersHighUIDPASSED.yaml': {
    'k8s-run-as-user-low': 'Checkov passes a pod-level low UID that every container overrides; we report the pod level as Pod Security reads it',
  },
  'trivy/k8s/KSV-0022_specific_capabilities_added/bad1.yaml': {
    'k8s-capabilities-added': 'Trivy flags any add; PSS Baseline allows NET_BIND_SERVICE and the other default capabilities',
  },
  'pod-security-admission/k8s/restricted_capabilities_restricted/fail_capabilities_restricted3.yaml': {
    'k8s-capabilities-drop-all-missing': 'drops ALL; it fails only the add half of capabilities_restricted (k8s-capabilities-added-restricted)',
  },
  ...Object.fromEntries(
    [0, 1, 2].map((n) => [
      `pod-security-admission/k8s/restricted_capabilities_restricted/fail_capabilities_restricted${n}.yaml`,
      { 'k8s-capabilities-added-restricted': 'adds nothing; it fails only the drop half of capabilities_restricted (k8s-capabilities-drop-all-missing)' },
    ]),
  ),
  'pod-security-admission/k8s/baseline_procmount/pass_procmount1.yaml': {
    'k8s-proc-mount-unmasked': 'Unmasked with hostUsers: false passes Baseline but not Restricted (1.35); we follow Restricted',
  },
  'trivy/k8s/KSV-0003_capabilities_no_drop_all/good1.yaml': {
    'k8s-capabilities-drop-all-missing': 'drop: [all] in lower case: PSS compares ALL exactly, so a Restricted namespace rejects it',
  },
  'polaris/k8s/insecureCapabilities/success.all.yaml': {
    'k8s-capabilities-drop-all-missing': 'drop: [All]: PSS compares ALL exactly',
  },
  'polaris/k8s/insecureCapabilities/success.case.yaml': {
    'k8s-capabilities-drop-all-missing': 'Polaris accepts a list of specific drops; PSS Restricted requires ALL',
  },
  'polaris/k8s/insecureCapabilities/success.pod.yaml': {
    'k8s-capabilities-drop-all-missing': 'Polaris accepts a list of specific drops; PSS Restricted requires ALL',
  },
  'polaris/k8s/insecureCapabilities/success.yaml': {
    'k8s-capabilities-drop-all-missing': 'Polaris accepts a list of specific drops; PSS Restricted requires ALL',
  },
  'polaris/k8s/sensitiveContainerEnvVar/failure.value_private_key.yaml': {
    'k8s-env-literal-secret': 'a private key under an innocent name: value detection is the secret-* rules\' job (they scan every file)',
  },
  'checkov/k8s/CKV_K8S_23_RootContainers/rootContainersFAILED-malformed-spec.yaml': {
    'k8s-run-as-non-root-missing': 'spec is a sequence, not a pod spec: there are no containers to check',
  },
  'checkov/k8s/CKV_K8S_23_RootContainers/rootContainersPASSED.yaml': {
    'k8s-run-as-non-root-missing': 'Checkov accepts runAsUser > 0 and containers overriding a pod-level false; PSS Restricted does not',
  },
  'checkov/k8s/CKV_K8S_31_Seccomp/cronjob-seccomp-PASSED.yaml': {
    'k8s-seccomp-profile': 'only the alpha seccomp annotation, which PSS Restricted ignores since 1.19: the field must be set',
  },
  'checkov/k8s/CKV_K8S_15_ImagePullPolicy/wordpress-ImageTagged-DefaultPullPolicy-FAILED.yaml': {
    'k8s-image-pull-policy-mutable-tag': 'an unset policy on a tagged image: every pinned tag would be reported; digest pinning (k8s-image-not-digest-pinned) is the fix for that',
  },
  'checkov/k8s/CKV_K8S_157_RbacBindRoleBindings/role-failed-2.yaml': {
    'k8s-rbac-escalation-verbs': 'a * verb, which k8s-rbac-wildcard reports: one * is one finding',
  },
  'checkov/k8s/CKV_K8S_158_RbacEscalateRoles/role-failed-2.yaml': {
    'k8s-rbac-escalation-verbs': 'a * verb, which k8s-rbac-wildcard reports: one * is one finding',
  },
  'pod-security-admission/k8s/restricted_restrictedvolumes/fail_restrictedvolumes19.yaml': {
    'k8s-restricted-volume-types': 'a hostPath volume, which k8s-host-path-volume (Baseline) reports: one volume is one finding',
  },
  'trivy/k8s/KSV-0036_protecting_pod_service_account_tokens/good1.yaml': {
    'k8s-service-account-token-automount': 'automountServiceAccountToken unset: Trivy flags only an explicit true, Checkov and Polaris flag unset too',
  },
  'polaris/k8s/automountServiceAccountToken/success.serviceaccount.yaml': {
    'k8s-service-account-token-automount': 'the ServiceAccount object disables automounting; the rule reads the pod spec only, so the pod must say so too',
  },
  'checkov/k8s/CKV_K8S_31_Seccomp/pod-seccomp-PASSED.yaml': {
    'k8s-seccomp-profile': 'only the alpha seccomp annotation, which PSS Restricted ignores since 1.19: the field must be set',
  },
  'checkov/k8s/CKV_K8S_31_Seccomp/pod-seccomp-PASSED2.yaml': {
    'k8s-seccomp-profile': 'only the alpha seccomp annotation, which PSS Restricted ignores since 1.19: the field must be set',
  },
  'checkov/k8s/CKV_K8S_31_Seccomp/pod-seccomp-PASSED6.yaml': {
    'k8s-seccomp-profile': 'only the alpha seccomp annotation, which PSS Restricted ignores since 1.19: the field must be set',
  },
  'checkov/k8s/CKV_K8S_156_RbacApproveCertificateSigningRequests/clusterrole-failed-2.yaml': {
    'k8s-rbac-csr-approval': 'a * verb on * resources, which k8s-rbac-wildcard reports: one * is one finding',
  },
  ...Object.fromEntries(
    [1, 2].map((n) => [
      `checkov/k8s/CKV2_K8S_4_ModifyServicesStatus/Failing__${n}__FailingClusterRoleBinding.yaml`,
      { 'k8s-rbac-services-status': 'Checkov reports the binding of a role that may write services/status; we report the rule of the role itself, in its own file' },
    ]),
  ),
  ...Object.fromEntries(
    [1, 3, 5, 7].map((n) => [
      `trivy/k8s/KCV-0093_insecure_ingress_nginx/bad${n}.yaml`,
      { 'k8s-ingress-nginx-annotation-injection': 'only a | in the value: it cannot end an NGINX directive, and auth-tls-match-cn is a regular expression where | is alternation' },
    ]),
  ),
  ...Object.fromEntries(
    ['egress_in_policytypes', 'egress_rules', 'ingress_in_policytypes', 'ingress_rules'].map((n) => [
      `polaris/k8s/missingNetworkPolicy/failure.netpol_missing_${n}.yaml`,
      { 'k8s-network-policy-missing': 'a NetworkPolicy selects the pod; Polaris also wants both directions covered, kube-linter and Checkov (like us) ask only that a policy selects it' },
    ]),
  ),
};

/** Our peer ids → the corpus's tool and check ids. */
function corpusIds(tool: string, id: string): { tool: string; checkIds: string[] } | undefined {
  switch (tool) {
    case 'trivy':
      return { tool: 'trivy-checks', checkIds: [id] };
    case 'checkov':
    case 'kube-linter':
    case 'polaris':
      return { tool, checkIds: [id] };
    case 'pss': {
      const m = /^pss-([br]):(\w+)$/.exec(id);
      if (!m) return undefined;
      const check = m[2].toLowerCase();
      // Restricted includes every Baseline control, so its fixtures for a Baseline check count too.
      return { tool: 'pod-security-admission', checkIds: m[1] === 'b' ? [`baseline/${check}`, `restricted/${check}`] : [`restricted/${check}`] };
    }
    default:
      return undefined;
  }
}

const { ruleSet } = loadRuleSet([builtinPackRoot()]);

/** Through analyze(), as users get it: a rule that crashes on a peer's file fails here too. */
function findings(rule: Rule, fixture: string, text: string): string[] {
  // The fixture is its own workspace, as when `bulwark scan` is given that one file.
  const workspace = new WorkspaceIndex([indexFile({ uri: fixture, text })]);
  const result = analyze({ uri: fixture, text }, onlyRules(ruleSet, new Set([rule.meta.id])), { now: new Date('2026-06-01T00:00:00Z'), workspace });
  assert.deepEqual(result.notices.filter((n) => n.code === 'rule-failed').map((n) => n.message), []);
  return result.findings.map((f) => f.message);
}

describePeerAgreement({
  title: 'Kubernetes rules agree with peer tools on their own fixtures',
  language: 'kubernetes',
  platform: 'kubernetes',
  disagreements: DISAGREEMENTS,
  corpusIds,
  findings,
});
