import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { normaliseHostPath } from '../../../../server/src/engine/templates/kubernetes/host-path-volume';
import { splitImage } from '../../../../server/src/engine/templates/kubernetes/container-image';
import { deployment, runTemplate } from './run-template';

const BASELINE_CAPS = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];

describe('k8s-pod-spec-field', () => {
  const params = { fields: ['hostNetwork', 'hostPID', 'hostIPC'], forbidden: [true], fixes: ['delete', 'replace'], replaceWith: false };
  it('reports each forbidden field on its pair, with delete and replace suggestions', () => {
    const text = deployment('hostNetwork: true\nhostPID: false\nhostIPC: Yes\ncontainers:\n- name: a\n');
    const reports = runTemplate('k8s-pod-spec-field', params, text);
    assert.deepEqual(reports.map((r) => r.text), ['hostNetwork: true', 'hostIPC: Yes']);
    assert.deepEqual(reports[0].fixKinds, ['suggestion', 'suggestion']);
    assert.ok(!reports[0].fixed[0].includes('hostNetwork'));
    assert.ok(reports[0].fixed[1].includes('hostNetwork: false'));
  });
  it('reports a missing required field on the pod spec and inserts it', () => {
    const text = deployment('containers:\n- name: a\n');
    const [r] = runTemplate('k8s-pod-spec-field', { fields: ['automountServiceAccountToken'], allowed: [false], required: true, insertValue: false }, text);
    assert.equal(r.data.value, 'unset');
    assert.ok(r.fixed[0].endsWith('      automountServiceAccountToken: false\n'));
  });
});

describe('k8s-capabilities-add', () => {
  it('reports items outside the allowed list exactly, on the item', () => {
    const text = deployment('containers:\n- name: a\n  securityContext:\n    capabilities:\n      add:\n      - NET_BIND_SERVICE\n      - SYS_ADMIN\n      - CAP_CHOWN\n');
    const reports = runTemplate('k8s-capabilities-add', { allowed: BASELINE_CAPS }, text);
    assert.deepEqual(reports.map((r) => r.text), ['SYS_ADMIN', 'CAP_CHOWN']);
    assert.ok(!reports[0].fixed[0].includes('SYS_ADMIN') && reports[0].fixed[0].includes('NET_BIND_SERVICE'));
  });
  it('compares forbidden names without case or CAP_ prefix, and removes the whole add when all items go', () => {
    const text = deployment('containers:\n- name: a\n  securityContext:\n    capabilities:\n      add: [cap_sys_admin]\n      drop: [ALL]\n');
    const [r] = runTemplate('k8s-capabilities-add', { forbidden: ['SYS_ADMIN'] }, text);
    assert.equal(r.text, 'cap_sys_admin');
    assert.ok(!r.fixed[0].includes('add:') && r.fixed[0].includes('drop: [ALL]'));
  });
});

describe('k8s-capabilities-drop', () => {
  const params = { anyOf: ['ALL'], insert: 'ALL' };
  it('reports on the deepest existing key and fixes by appending or creating', () => {
    const text = deployment('containers:\n- name: a\n- name: b\n  securityContext:\n    capabilities:\n      drop: [NET_RAW]\n- name: c\n  securityContext:\n    capabilities:\n      drop: [ALL]\n');
    const reports = runTemplate('k8s-capabilities-drop', params, text);
    assert.deepEqual(reports.map((r) => r.text), ['name', 'drop']);
    assert.ok(reports[0].fixed[0].includes('- name: a\n        securityContext:\n          capabilities:\n            drop:\n            - ALL\n'));
    assert.ok(reports[1].fixed[0].includes('drop: [NET_RAW, ALL]'));
  });
});

describe('k8s-host-path-volume', () => {
  const text = deployment('containers:\n- name: a\nvolumes:\n- name: sock\n  hostPath:\n    path: /var/run//docker.sock/\n- name: logs\n  hostPath: {path: /var/log}\n- name: tmp\n  emptyDir: {}\n');
  it('reports every hostPath volume on its key', () => {
    assert.deepEqual(runTemplate('k8s-host-path-volume', {}, text).map((r) => [r.text, r.data.volume, r.data.path]), [
      ['hostPath', 'sock', '/var/run//docker.sock/'],
      ['hostPath', 'logs', '/var/log'],
    ]);
  });
  it('with paths, reports only matching paths on the path value', () => {
    assert.deepEqual(runTemplate('k8s-host-path-volume', { paths: ['/run/docker.sock'] }, text).map((r) => r.text), ['/var/run//docker.sock/']);
  });
  it('normalises paths', () => {
    assert.equal(normaliseHostPath('/var/run//docker.sock/'), '/run/docker.sock');
    assert.equal(normaliseHostPath('/var/run'), '/run');
    assert.equal(normaliseHostPath('/var/runner'), '/var/runner');
    assert.equal(normaliseHostPath('/'), '/');
  });
});

describe('k8s-container-image', () => {
  it('underlines a literal latest tag, else the image', () => {
    const text = deployment('containers:\n- name: a\n  image: "nginx:latest"\n- name: b\n  image: busybox\n- name: c\n  image: nginx:latest@sha256:abc\n- name: d\n  image: nginx:1.27\n');
    assert.deepEqual(runTemplate('k8s-container-image', { require: 'tag' }, text).map((r) => r.text), ['latest', 'busybox']);
    assert.deepEqual(runTemplate('k8s-container-image', { require: 'digest' }, text).map((r) => r.text), ['"nginx:latest"', 'busybox', 'nginx:1.27']);
  });
  it('does not mistake a registry port for a tag', () => {
    assert.deepEqual(splitImage('registry:5000/app'), { name: 'registry:5000/app', digest: undefined });
    assert.equal(splitImage('registry:5000/app:1.0').tag, '1.0');
  });
});

describe('k8s-env-secret-literal', () => {
  const params = { names: '(password|token)', exclude: '_FILE$' };
  it('reports literal values of secret-looking names, masked, with a valueFrom suggestion', () => {
    const text = deployment('containers:\n- name: a\n  env:\n  - name: DB_PASSWORD\n    value: "correct-horse-battery"\n  - name: TOKEN_FILE\n    value: /run/token\n  - name: API_TOKEN\n    value: $(OTHER)\n');
    const [r, ...rest] = runTemplate('k8s-env-secret-literal', params, text);
    assert.equal(rest.length, 0);
    assert.equal(r.text, '"correct-horse-battery"');
    assert.equal(r.data.value, '…(21 chars)', 'a password shows no characters, only its length');
    assert.ok(!JSON.stringify(r.data).includes('correct-horse-battery'), 'the value never appears in report data');
    assert.ok(r.fixed[0].includes('\n          valueFrom:\n            secretKeyRef:\n              name: web-secrets\n              key: db_password\n'));
  });
  it('a block scalar value (`|`, `>-`) is reported on its content, not on the key line', () => {
    const secretValue = 'Vb7nQ2xLm9KpT4wZ';
    for (const header of ['|', '>-']) {
      const text = deployment(`containers:\n- name: a\n  env:\n  - name: API_TOKEN\n    value: ${header}\n      ${secretValue}\n`);
      const start = text.indexOf(secretValue);
      assert.deepEqual(runTemplate('k8s-env-secret-literal', params, text).map((r) => r.span), [[start, start + secretValue.length]], header);
    }
  });
  it('shows a published type prefix, and skips documentation stand-ins', () => {
    const env = (value: string) => deployment(`containers:\n- name: a\n  env:\n  - name: API_TOKEN\n    value: "${value}"\n`);
    assert.equal(runTemplate('k8s-env-secret-literal', params, env('ghp_Zq7R2mKx9TfW4bLc8NvY3pHs6Dj1Ge5aFAKE'))[0].data.value, 'ghp_…(40 chars)');
    for (const standIn of ['changeme', 'API_TOKEN', 'xxxxxxxxxxxx', 'your-token-here', 'AKIAIOSFODNN7EXAMPLE']) {
      assert.equal(runTemplate('k8s-env-secret-literal', params, env(standIn)).length, 0, standIn);
    }
  });
  it('rejects a pattern that is not valid RE2 when the rule loads', () => {
    assert.throws(() => runTemplate('k8s-env-secret-literal', { names: '(?<=x)' }, ''));
  });
  it('the core rule: keys named by their use (encryption, signing) in flow-style and folded entries', () => {
    const core = (parse(fs.readFileSync(path.join(__dirname, '../../../../rules/core/kubernetes/k8s-env-literal-secret/rule.yaml'), 'utf8')) as { match: { params: Record<string, unknown> } }).match.params;
    const [flow, folded] = ['Zr8Kq2mWx4Nc7LpT5vB9', 'Hs3Jd6Fk9Lq2Wm5Xn8Pc'];
    const text = deployment(
      `containers:\n- name: a\n  env:\n  - { name: ENCRYPTION_KEY, value: "${flow}" }\n  - name: EXPORT_SIGNING_KEY\n    value: >-\n      ${folded}\n  - { name: SIGNING_KEY_ID, value: "export-2024-q3" }\n`,
    );
    const start = (v: string) => text.indexOf(v);
    assert.deepEqual(
      runTemplate('k8s-env-secret-literal', core, text).map((r) => r.span),
      [[start(flow) - 1, start(flow) + flow.length + 1], [start(folded), start(folded) + folded.length]],
    );
  });
});
