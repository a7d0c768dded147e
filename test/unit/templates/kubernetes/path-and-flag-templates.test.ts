import * as assert from 'node:assert/strict';
import { parsePath } from '../../../../server/src/engine/templates/kubernetes/field-paths';
import { runTemplate } from './run-template';

describe('field paths', () => {
  it('splits on dots outside brackets; * and prefix* are wildcards', () => {
    assert.deepEqual(parsePath('metadata.annotations.[container.apparmor.security.beta.kubernetes.io/*]'), [
      { key: 'metadata' },
      { key: 'annotations' },
      { prefix: 'container.apparmor.security.beta.kubernetes.io/' },
    ]);
    assert.deepEqual(parsePath('volumes.*.nfs'), [{ key: 'volumes' }, { any: true }, { key: 'nfs' }]);
  });
});

describe('k8s-pod-field-path', () => {
  const pod = (body: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${body.replace(/^/gm, '  ')}\n`;

  it('reports a map key outside allowedKeys on the key, every list item visited', () => {
    const text = pod('volumes:\n- name: a\n  emptyDir: {}\n- name: b\n  nfs: {server: s, path: /x}\n- name: c\n  iscsi:\n    lun: 0\ncontainers: []');
    const reports = runTemplate('k8s-pod-field-path', { paths: ['volumes.*.*'], allowedKeys: ['name', 'emptyDir'] }, text);
    assert.deepEqual(reports.map((r) => [r.text, r.data.field, r.data.key]), [
      ['nfs', 'volumes[1].nfs', 'nfs'],
      ['iscsi', 'volumes[2].iscsi', 'iscsi'],
    ]);
  });

  it('required: one finding per container naming every missing path, on the parent key when it exists', () => {
    const text = pod('containers:\n- name: a\n- name: b\n  resources:\n    limits: {memory: 1Gi}\n- name: c\n  resources: {requests: {memory: 1Mi}, limits: {memory: 1Gi}}');
    const reports = runTemplate('k8s-pod-field-path', { paths: ['containers.resources.requests.memory', 'containers.resources.limits.memory'], required: true }, text);
    assert.deepEqual(reports.map((r) => [r.text, r.data.container, r.data.field]), [
      ['name', 'a', 'resources.requests.memory, resources.limits.memory'],
      ['resources', 'b', 'resources.requests.memory'],
    ]);
  });

  it('delete-item removes the whole list entry of a reported field', () => {
    const text = pod('securityContext:\n  sysctls:\n  - name: kernel.msgmax\n    value: "1"\ncontainers: []');
    const [r] = runTemplate('k8s-pod-field-path', { paths: ['securityContext.sysctls.*.name'], allowed: ['kernel.shm_rmid_forced'], fixes: ['delete-item'] }, text);
    assert.equal(r.text, 'name: kernel.msgmax');
    assert.ok(!r.fixed[0].includes('kernel.msgmax') && !r.fixed[0].includes('value: "1"'));
  });
});

describe('k8s-control-plane-flags', () => {
  const apiserver = (command: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\nspec:\n  containers:\n  - name: api\n    image: registry.k8s.io/kube-apiserver:v1.31.1\n${command}`;
  const checks = [
    { cis: '1.2.1', title: 'anonymous off', flag: '--anonymous-auth', equals: 'false' },
    { cis: '1.2.18', title: 'audit age', flag: '--audit-log-maxage', atLeast: 30 },
    { cis: '1.2.10', title: 'no AlwaysAdmit', flag: '--enable-admission-plugins', excludes: 'AlwaysAdmit' },
  ];

  it('reads --flag value pairs and lets the last occurrence win, as Go flags do', () => {
    const text = apiserver('    command: [kube-apiserver, --anonymous-auth=true, --audit-log-maxage, "7", --anonymous-auth=false]\n');
    const reports = runTemplate('k8s-control-plane-flags', { component: 'kube-apiserver', checks }, text);
    assert.deepEqual(reports.map((r) => [r.data.cis, r.data.detail, r.text]), [['1.2.18', '--audit-log-maxage is 7, below 30', '--audit-log-maxage']]);
  });

  it('finds the component by image when command is the entrypoint, and reports a missing flag on the args key', () => {
    const text = apiserver('    args: ["--enable-admission-plugins=NodeRestriction,AlwaysAdmit", --audit-log-maxage=30]\n');
    const reports = runTemplate('k8s-control-plane-flags', { component: 'kube-apiserver', checks }, text);
    assert.deepEqual(reports.map((r) => [r.data.cis, r.text]), [
      ['1.2.1', 'args'],
      ['1.2.10', '"--enable-admission-plugins=NodeRestriction,AlwaysAdmit"'],
    ]);
  });

  it('leaves other programs alone', () => {
    const text = apiserver('    command: [sh, -c, "kube-apiserver --anonymous-auth=true"]\n').replace('kube-apiserver:v1.31.1', 'busybox:1.36');
    assert.deepEqual(runTemplate('k8s-control-plane-flags', { component: 'kube-apiserver', checks }, text), []);
  });
});

describe('k8s-rbac-rule', () => {
  const role = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r\nrules:\n${rules}`;

  it('a * verb grants the verbs of a resource check, a * resource is left to the wildcard rule, pods/* covers subresources', () => {
    const text = role('- apiGroups: [""]\n  resources: [pods/*, "*"]\n  verbs: ["*"]\n');
    const reports = runTemplate('k8s-rbac-rule', { verbs: ['create'], resources: ['pods/exec'], apiGroups: [''] }, text);
    assert.deepEqual(reports.map((r) => r.text), ['pods/*']);
    assert.deepEqual(runTemplate('k8s-rbac-rule', { verbs: ['escalate'], reportOn: 'verbs' }, text), []);
  });

  it('reads every rule, and a rule of another API group does not match', () => {
    const text = role('- apiGroups: [apps]\n  resources: [secrets]\n  verbs: [get]\n- apiGroups: [""]\n  resources: [secrets]\n  verbs: [list]\n');
    const reports = runTemplate('k8s-rbac-rule', { verbs: ['get', 'list'], resources: ['secrets'], apiGroups: [''] }, text);
    assert.deepEqual(reports.map((r) => r.data.rule), ['rules[1]']);
  });
});
