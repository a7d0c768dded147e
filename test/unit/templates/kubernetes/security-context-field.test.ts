import * as assert from 'node:assert/strict';
import { deployment, runTemplate } from './run-template';

const ID = 'k8s-security-context-field';
const APE = { field: ['allowPrivilegeEscalation'], levels: ['container'], allowed: [false], required: true, replaceWith: false, insert: { at: 'container', value: false }, exempt: { windows: true } };
const NON_ROOT = { field: ['runAsNonRoot'], levels: ['pod', 'container'], allowed: [true], required: true, replaceWith: true, replaceFix: 'suggestion', insert: { at: 'pod', value: true }, exempt: { userNamespace: true } };
const SECCOMP = { field: ['seccompProfile', 'type'], levels: ['pod', 'container'], allowed: ['RuntimeDefault', 'Localhost'], required: true, replaceWith: 'RuntimeDefault', insert: { at: 'pod', value: 'RuntimeDefault' } };

describe('k8s-security-context-field', () => {
  it('reports an explicit bad value on its pair, with a suggestion (a securityContext edit changes what the process may do)', () => {
    const text = deployment('containers:\n- name: app\n  securityContext:\n    allowPrivilegeEscalation: true\n');
    const [r, ...rest] = runTemplate(ID, APE, text);
    assert.equal(rest.length, 0);
    assert.equal(r.text, 'allowPrivilegeEscalation: true');
    assert.deepEqual(r.data, { object: 'Deployment/web', subject: 'container "app"', container: 'app', field: 'securityContext.allowPrivilegeEscalation', value: 'true' });
    assert.deepEqual(r.fixKinds, ['suggestion']);
    assert.ok(r.fixed[0].includes('allowPrivilegeEscalation: false'));
  });

  it('reports a missing value on the container, init and ephemeral containers included', () => {
    const text = deployment('initContainers:\n- name: init\ncontainers:\n- name: app\n  securityContext:\n    runAsUser: 1\nephemeralContainers:\n- name: dbg\n');
    const reports = runTemplate(ID, APE, text);
    assert.deepEqual(reports.map((r) => [r.text, r.data.subject]), [
      ['securityContext', 'container "app"'],
      ['name', 'init container "init"'],
      ['name', 'ephemeral container "dbg"'],
    ]);
    assert.ok(reports.every((r) => r.fixKinds[0] === 'suggestion'));
    assert.equal(new Set(reports.map((r) => r.key)).size, 3, 'each container has its own fingerprint key');
  });

  it('inherits a good pod-level value and reports a bad pod-level one only once', () => {
    const good = deployment('securityContext:\n  runAsNonRoot: true\ncontainers:\n- name: app\n');
    assert.deepEqual(runTemplate(ID, NON_ROOT, good), []);
    const bad = deployment('securityContext:\n  runAsNonRoot: false\ncontainers:\n- name: app\n- name: b\n');
    assert.deepEqual(runTemplate(ID, NON_ROOT, bad).map((r) => [r.text, r.data.subject]), [['runAsNonRoot: false', 'the pod']]);
  });

  it('inserts a missing inherited field at the pod level', () => {
    const text = deployment('containers:\n- name: app\n');
    const [r] = runTemplate(ID, NON_ROOT, text);
    assert.equal(r.fixed[0], text + '      securityContext:\n        runAsNonRoot: true\n');
  });

  it('honours the Windows and user-namespace exemptions', () => {
    assert.deepEqual(runTemplate(ID, APE, deployment('os:\n  name: windows\ncontainers:\n- name: app\n')), []);
    assert.deepEqual(runTemplate(ID, NON_ROOT, deployment('hostUsers: false\ncontainers:\n- name: app\n')), []);
    assert.equal(runTemplate(ID, NON_ROOT, deployment('hostUsers: true\ncontainers:\n- name: app\n')).length, 1);
  });

  it('reads nested fields and flags a profile without a type', () => {
    const text = deployment('containers:\n- name: app\n  securityContext:\n    seccompProfile: {}\n- name: b\n  securityContext:\n    seccompProfile:\n      type: Unconfined\n');
    const reports = runTemplate(ID, SECCOMP, text);
    assert.deepEqual(reports.map((r) => [r.text, r.data.value]), [['seccompProfile: {}', 'unset'], ['type: Unconfined', 'Unconfined']]);
    assert.ok(reports[1].fixed[0].includes('type: RuntimeDefault'));
  });

  it('reads YAML 1.1 booleans as Kubernetes does', () => {
    const params = { field: ['privileged'], levels: ['container'], allowed: [false] };
    const text = deployment('containers:\n- name: a\n  securityContext: {privileged: on}\n- name: b\n  securityContext: {privileged: "on"}\n- name: c\n  securityContext: {privileged: off}\n');
    assert.deepEqual(runTemplate(ID, params, text).map((r) => r.data.value), ['true', 'on']);
  });

  it('ignores objects that are not workloads and survives aliases', () => {
    assert.deepEqual(runTemplate(ID, APE, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n'), []);
    const aliased = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - &c\n    name: a\n    securityContext: &sc\n      allowPrivilegeEscalation: true\n  - name: b\n    securityContext: *sc\n';
    const reports = runTemplate(ID, APE, aliased);
    assert.equal(reports.length, 2);
    assert.equal(reports[1].fixed.length, 1, 'the shared node is edited once, where it is written');
  });
});
