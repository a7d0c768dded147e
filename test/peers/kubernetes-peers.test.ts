import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Report, Rule } from '../../server/src/engine';
import { parseKubernetes } from '../../server/src/engine/parsers/kubernetes';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';

// Peer agreement: each Kubernetes rule that names a peer check found in the labeled corpus must
// report on that peer's positive fixtures and stay quiet on its negative ones, except where the
// table below says why we deliberately differ (also explained in the rule's README).

const LABELED = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpora', 'labeled');
const INDEX = path.join(LABELED, 'INDEX.json');

interface IndexRecord {
  readonly tool: string;
  readonly platform: string;
  readonly check_id: string;
  readonly expected: string;
}

/** fixture path (relative to labeled/) → rule id → why our answer differs from the peer's label. */
const DISAGREEMENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
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
  'checkov/k8s/CKV_K8S_31_Seccomp/pod-seccomp-PASSED.yaml': {
    'k8s-seccomp-profile': 'only the alpha seccomp annotation, which PSS Restricted ignores since 1.19: the field must be set',
  },
  'checkov/k8s/CKV_K8S_31_Seccomp/pod-seccomp-PASSED2.yaml': {
    'k8s-seccomp-profile': 'only the alpha seccomp annotation, which PSS Restricted ignores since 1.19: the field must be set',
  },
  'checkov/k8s/CKV_K8S_31_Seccomp/pod-seccomp-PASSED6.yaml': {
    'k8s-seccomp-profile': 'only the alpha seccomp annotation, which PSS Restricted ignores since 1.19: the field must be set',
  },
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

function findingsOf(rule: Rule, text: string): Report[] {
  const reports: Report[] = [];
  (rule.check as (m: unknown, ctx: { report(r: Report): void; now: Date }) => void)(parseKubernetes(text), { report: (r) => reports.push(r), now: new Date('2026-06-01T00:00:00Z') });
  return reports;
}

describe('Kubernetes rules agree with peer tools on their own fixtures', function () {
  if (!fs.existsSync(INDEX)) {
    it('skipped: the labeled corpus is absent', function () {
      console.log(`    (skipped: ${INDEX} not found; the peer corpus lives in ../shared beside the repository)`);
      this.skip();
    });
    return;
  }
  const index = JSON.parse(fs.readFileSync(INDEX, 'utf8')) as Record<string, IndexRecord>;
  const rules = loadRuleSet([builtinPackRoot()]).ruleSet.rules.filter((r) => r.meta.language === 'kubernetes');

  for (const rule of rules) {
    const cases: { fixture: string; expected: 'positive' | 'negative'; peer: string }[] = [];
    for (const [tool, ids] of Object.entries(rule.meta.peers)) {
      for (const id of ids) {
        const mapped = corpusIds(tool, id);
        if (!mapped) continue;
        for (const [fixture, record] of Object.entries(index)) {
          if (record.tool !== mapped.tool || !mapped.checkIds.includes(record.check_id)) continue;
          if (record.expected === 'positive' || record.expected === 'negative') cases.push({ fixture, expected: record.expected, peer: `${tool} ${id}` });
        }
      }
    }
    if (cases.length === 0) continue;
    describe(rule.meta.id, () => {
      for (const c of cases) {
        const differs = DISAGREEMENTS[c.fixture]?.[rule.meta.id];
        it(`${c.expected} for ${c.peer}: ${c.fixture}${differs ? ' (we differ)' : ''}`, () => {
          const found = findingsOf(rule, fs.readFileSync(path.join(LABELED, c.fixture), 'utf8')).length;
          const agrees = c.expected === 'positive' ? found > 0 : found === 0;
          if (differs) assert.ok(!agrees, `listed as a deliberate difference (${differs}) but we now agree with the peer: remove it from DISAGREEMENTS`);
          else assert.ok(agrees, `${c.peer} labels this ${c.expected}; ${rule.meta.id} reported ${found} finding(s)`);
        });
      }
    });
  }
});
