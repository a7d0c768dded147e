import * as assert from 'node:assert/strict';
import { analyze, onlyRules } from '../../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../../server/src/node/rule-packs';
import { parseSettings } from '../../../../server/src/protocol/settings';
import { indexFile } from '../../../../server/src/engine/workspace/index-file';
import { WorkspaceIndex } from '../../../../server/src/engine/workspace/workspace-index';

// Which pods the pod-security rules judge, and at which level: the setting, a Namespace's enforce label
// in the same file, and the CRDs whose pod template path is known.

const { ruleSet } = loadRuleSet([builtinPackRoot()]);

function ruleIds(text: string, ids: string[], profile?: 'baseline' | 'restricted'): string[] {
  const result = analyze({ uri: 'x.yaml', text }, onlyRules(ruleSet, new Set(ids)), { now: new Date('2026-06-01T00:00:00Z'), podSecurityProfile: profile });
  return result.findings.map((f) => `${f.ruleId}@${text.slice(0, f.span.start).split('\n').length}`);
}

const POD = (namespace: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: ${namespace}
spec:
  hostNetwork: true
  containers:
  - name: c
    image: example/c:1.0
`;

const NAMESPACE = (name: string, level: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
    pod-security.kubernetes.io/enforce: ${level}
---
`;

describe('Pod Security Standards levels', () => {
  const ids = ['k8s-host-namespaces', 'k8s-run-as-non-root-missing'];

  it('restricted by default: Baseline and Restricted rules both judge the pod', () => {
    assert.deepEqual(ruleIds(POD('app'), ids), ['k8s-host-namespaces@7', 'k8s-run-as-non-root-missing@9']);
  });

  it('the baseline setting silences Restricted-only rules and keeps Baseline ones', () => {
    assert.deepEqual(ruleIds(POD('app'), ids, 'baseline'), ['k8s-host-namespaces@7']);
  });

  it("a Namespace's enforce label in the same file wins over the setting, both ways", () => {
    assert.deepEqual(ruleIds(NAMESPACE('app', 'privileged') + POD('app'), ids), []);
    assert.deepEqual(ruleIds(NAMESPACE('app', 'baseline') + POD('app'), ids), ['k8s-host-namespaces@14']);
    assert.equal(ruleIds(NAMESPACE('app', 'restricted') + POD('app'), ids, 'baseline').length, 2);
  });

  it('a Namespace labelled in another file of the workspace counts too; this file wins over it', () => {
    const workspace = new WorkspaceIndex([indexFile({ uri: 'ns.yaml', text: NAMESPACE('app', 'privileged').replace(/---\n$/, '') })]);
    const run = (text: string) =>
      analyze({ uri: 'x.yaml', text }, onlyRules(ruleSet, new Set(ids)), { now: new Date('2026-06-01T00:00:00Z'), workspace }).findings.map((f) => f.ruleId);
    assert.deepEqual(run(POD('app')), []);
    assert.deepEqual(run(NAMESPACE('app', 'baseline') + POD('app')), ['k8s-host-namespaces']);
    assert.equal(run(POD('other')).length, 2);
  });

  it('a label for another namespace, or an unknown level, changes nothing', () => {
    assert.equal(ruleIds(NAMESPACE('other', 'privileged') + POD('app'), ids).length, 2);
    assert.equal(ruleIds(NAMESPACE('app', 'strict') + POD('app'), ids).length, 2);
  });

  it('rules outside PSS ignore the levels', () => {
    assert.equal(ruleIds(NAMESPACE('app', 'privileged') + POD('app'), ['k8s-read-only-root-filesystem-missing']).length, 1);
  });

  it('a rule mapping to both levels keeps its Baseline half at baseline: seccomp Unconfined yes, unset no', () => {
    const unset = POD('app');
    const unconfined = unset.replace('  hostNetwork: true\n', '  securityContext:\n    seccompProfile: {type: Unconfined}\n');
    assert.deepEqual(ruleIds(unset, ['k8s-seccomp-profile'], 'baseline'), []);
    assert.deepEqual(ruleIds(unset, ['k8s-seccomp-profile']), ['k8s-seccomp-profile@9']);
    assert.deepEqual(ruleIds(unconfined, ['k8s-seccomp-profile'], 'baseline'), ['k8s-seccomp-profile@8']);
  });
});

describe('pod specs of every workload kind and known CRD', () => {
  const wrap = (apiVersion: string, kind: string, path: string[]) => {
    let body = 'hostNetwork: true\ncontainers:\n- name: c\n  image: example/c:1.0\n';
    for (const key of [...path].reverse()) body = `${key}:\n${body.replace(/^/gm, '  ')}`;
    return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: w\n${body}`;
  };
  const cases: [string, string, string[]][] = [
    ['v1', 'PodTemplate', ['template', 'spec']],
    ['batch/v1', 'CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
    ['serving.knative.dev/v1', 'Service', ['spec', 'template', 'spec']],
    ['serving.knative.dev/v1', 'Configuration', ['spec', 'template', 'spec']],
    ['serving.knative.dev/v1', 'Revision', ['spec']],
    ['argoproj.io/v1alpha1', 'Rollout', ['spec', 'template', 'spec']],
    ['apps.kruise.io/v1alpha1', 'CloneSet', ['spec', 'template', 'spec']],
    ['apps.kruise.io/v1beta1', 'StatefulSet', ['spec', 'template', 'spec']],
    ['apps.kruise.io/v1alpha1', 'DaemonSet', ['spec', 'template', 'spec']],
    ['apps.kruise.io/v1alpha1', 'BroadcastJob', ['spec', 'template', 'spec']],
    ['apps.kruise.io/v1alpha1', 'AdvancedCronJob', ['spec', 'template', 'jobTemplate', 'spec', 'template', 'spec']],
    ['apps.kruise.io/v1alpha1', 'AdvancedCronJob', ['spec', 'template', 'broadcastJobTemplate', 'spec', 'template', 'spec']],
  ];
  for (const [apiVersion, kind, path] of cases) {
    it(`${kind} (${apiVersion}) at ${path.join('.')}`, () => {
      assert.equal(ruleIds(wrap(apiVersion, kind, path), ['k8s-host-namespaces']).length, 1);
    });
  }

  it('a core Service, a Rollout that points at a Deployment, and an unknown CRD are not workloads', () => {
    assert.deepEqual(ruleIds(wrap('v1', 'Service', ['spec', 'template', 'spec']), ['k8s-host-namespaces']), []);
    assert.deepEqual(ruleIds('apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\nspec:\n  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n', ['k8s-host-namespaces']), []);
    assert.deepEqual(ruleIds(wrap('example.com/v1', 'Widget', ['spec', 'template', 'spec']), ['k8s-host-namespaces']), []);
  });
});

describe('the pod security profile setting', () => {
  it('is restricted unless a client asks for baseline; any other value falls back', () => {
    assert.equal(parseSettings({}).podSecurityProfile, 'restricted');
    assert.equal(parseSettings({ podSecurityProfile: 'baseline' }).podSecurityProfile, 'baseline');
    assert.equal(parseSettings({ podSecurityProfile: 'privileged' }).podSecurityProfile, 'restricted');
  });
});
