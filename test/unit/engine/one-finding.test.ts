import * as assert from 'node:assert/strict';
import { analyze, type Finding } from '../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// One problem, one finding, on the real core pack: rule meta `supersedes` (overlapping ranges, also by
// `tag:`) and `implies` (the same container) decide which finding stays; the hidden rule still reports
// when the stronger one is off.

const { ruleSet } = loadRuleSet([builtinPackRoot()]);
const NOW = new Date('2026-06-01T00:00:00Z');

function findings(uri: string, text: string, off: readonly string[] = []): Finding[] {
  return [...analyze({ uri, text }, ruleSet, { now: NOW, severityOverrides: new Map(off.map((id) => [id, 'off' as const])) }).findings];
}
const at = (text: string, f: Finding) => `${f.ruleId}@${text.slice(f.span.start, f.span.end)}`;

function deployment(containers: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n      securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }\n      containers:\n${containers}`;
}

describe('one problem, one finding (core pack)', () => {
  it('a capability beyond Baseline is reported once, by k8s-capabilities-added; a Baseline one only by the restricted rule', () => {
    const text = deployment('        - name: app\n          image: app:1.0\n          securityContext:\n            capabilities: { add: [SYS_ADMIN, CHOWN], drop: [ALL] }\n');
    const caps = findings('d.yaml', text).filter((f) => f.ruleId.startsWith('k8s-capabilities-added'));
    assert.deepEqual(caps.map((f) => at(text, f)), ['k8s-capabilities-added@SYS_ADMIN', 'k8s-capabilities-added-restricted@CHOWN']);
    const restrictedOnly = findings('d.yaml', text, ['k8s-capabilities-added']).filter((f) => f.ruleId.startsWith('k8s-capabilities-added'));
    assert.deepEqual(restrictedOnly.map((f) => at(text, f)), ['k8s-capabilities-added-restricted@SYS_ADMIN', 'k8s-capabilities-added-restricted@CHOWN']);
  });

  it('FROM with the latest tag is reported once, by docker-image-latest-tag; a plain tag by the digest rule', () => {
    const text = 'FROM node:latest AS build\nFROM node:20.11-slim\nUSER node\n';
    const images = findings('Dockerfile', text).filter((f) => f.ruleId.startsWith('docker-image-'));
    assert.deepEqual(images.map((f) => `${f.ruleId}:${text.slice(0, f.span.start).split('\n').length}`), ['docker-image-latest-tag:1', 'docker-image-not-digest-pinned:2']);
    const pinOnly = findings('Dockerfile', text, ['docker-image-latest-tag']).filter((f) => f.ruleId.startsWith('docker-image-'));
    assert.deepEqual(pinOnly.map((f) => f.ruleId), ['docker-image-not-digest-pinned', 'docker-image-not-digest-pinned']);
  });

  it('curl … | sh is reported once, by docker-remote-script-piped-to-shell; the pipefail rule reports it when that rule is off', () => {
    const text = 'FROM debian:12\nRUN curl -fsSL https://get.example.com/install.sh | sh\nRUN curl -fsSL https://example.com/a.tgz | tar -xz\nUSER 10001\n';
    const pipes = (off: readonly string[] = []) => findings('Dockerfile', text, off).filter((f) => f.ruleId === 'docker-remote-script-piped-to-shell' || f.ruleId === 'docker-pipe-without-pipefail');
    const line = (f: Finding) => text.slice(0, f.span.start).split('\n').length;
    assert.deepEqual(pipes().map((f) => `${f.ruleId}:${line(f)}`), ['docker-remote-script-piped-to-shell:2', 'docker-pipe-without-pipefail:3']);
    assert.deepEqual(pipes(['docker-remote-script-piped-to-shell']).map((f) => `${f.ruleId}:${line(f)}`), ['docker-pipe-without-pipefail:2', 'docker-pipe-without-pipefail:3']);
  });

  it('a GitHub token in ENV is reported once, by docker-secret-in-env; secret-github-token reports it when that rule is off', () => {
    const token = 'ghp_' + 'BulwarkFakeTokenQ7mZr3xW9kLp2V1sHUIE';
    const text = `FROM alpine:3.20\nENV GITHUB_TOKEN=${token}\nUSER 10001\n`;
    const line2 = (fs: Finding[]) => fs.filter((f) => text.slice(0, f.span.start).split('\n').length === 2).map((f) => f.ruleId);
    assert.deepEqual(line2(findings('Dockerfile', text)), ['docker-secret-in-env']);
    const severityOf = (id: string) => ruleSet.rules.find((r) => r.meta.id === id)?.meta.severity;
    assert.deepEqual([severityOf('docker-secret-in-env'), severityOf('secret-github-token')], ['high', 'critical']);
    assert.equal(findings('Dockerfile', text).find((f) => f.ruleId === 'docker-secret-in-env')?.severity, 'critical', 'the one finding keeps the highest severity of the problem');
    assert.deepEqual(line2(findings('Dockerfile', text, ['docker-secret-in-env'])), ['secret-github-token']);
    // In a plain file nothing supersedes the detector.
    assert.deepEqual(findings('notes.txt', `token: ${token}\n`).map((f) => f.ruleId), ['secret-github-token']);
  });

  it('a privileged container gets one finding, not the weaker ones it implies; its unprivileged sibling still gets them', () => {
    const text = deployment(
      '        - name: agent\n          image: agent:1.0\n          securityContext:\n            privileged: true\n            capabilities: { add: [NET_ADMIN] }\n' +
        '        - name: sidecar\n          image: sidecar:1.0\n          securityContext:\n            capabilities: { add: [NET_ADMIN] }\n',
    );
    const implied = ['k8s-allow-privilege-escalation', 'k8s-capabilities-added', 'k8s-capabilities-drop-all-missing'];
    const of = (name: string, fs: Finding[]) => fs.filter((f) => f.message.includes(`"${name}"`)).map((f) => f.ruleId).sort();
    const all = findings('d.yaml', text);
    const privilegeRules = [...implied, 'k8s-capabilities-added-restricted', 'k8s-seccomp-profile', 'k8s-privileged-container'];
    assert.deepEqual(of('agent', all).filter((id) => privilegeRules.includes(id)), ['k8s-privileged-container']);
    assert.deepEqual(of('sidecar', all).filter((id) => implied.includes(id)), implied);
    const withoutPrivileged = findings('d.yaml', text, ['k8s-privileged-container']);
    assert.deepEqual(of('agent', withoutPrivileged).filter((id) => implied.includes(id)), implied, 'implied rules report when the privileged rule is off');
  });

  it('what a privileged container implies is attached to its finding as related information, at each hidden finding\'s place', () => {
    const text = deployment('        - name: agent\n          image: agent:1.0\n          securityContext:\n            privileged: true\n            capabilities: { add: [NET_ADMIN] }\n');
    const uri = '/repo/d.yaml';
    const privileged = findings(uri, text).filter((f) => f.ruleId === 'k8s-privileged-container');
    assert.equal(privileged.length, 1);
    const hidden = findings(uri, text, ['k8s-privileged-container']).filter((f) => ['k8s-allow-privilege-escalation', 'k8s-capabilities-added', 'k8s-capabilities-drop-all-missing'].includes(f.ruleId));
    assert.equal(hidden.length, 3);
    const line = (offset: number) => text.slice(0, offset).split('\n').length - 1;
    const expected = [...hidden]
      .sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId))
      .map((f) => [uri, line(f.span.start), `Implied as well (${f.ruleId}): ${f.message}`]);
    assert.deepEqual(privileged[0].related?.map((r) => [r.uri, r.range.start.line, r.message]), expected);
    assert.deepEqual(privileged[0].related?.map((r) => r.range.start.line), [10, 12, 12], "securityContext, capabilities, NET_ADMIN");
    // A weaker finding the privileged one does not imply (another container) is never attached.
    const twoContainers = deployment('        - name: agent\n          image: agent:1.0\n          securityContext: { privileged: true }\n        - name: web\n          image: web:1.0\n          securityContext: { capabilities: { add: [NET_ADMIN] } }\n');
    const related = findings(uri, twoContainers).find((f) => f.ruleId === 'k8s-privileged-container')?.related ?? [];
    assert.ok(related.length > 0 && related.every((r) => !r.message.includes('"web"')), JSON.stringify(related.map((r) => r.message)));
  });

  it('suppressing the stronger finding brings back the one it hid: a bulwark-ignore never hides more than it names', () => {
    const text = '# bulwark-ignore docker-image-latest-tag reason="pinned by the release job"\nFROM node:latest\nUSER 10001\nCMD ["node"]\n';
    const result = analyze({ uri: 'Dockerfile', text }, ruleSet, { now: NOW });
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['docker-image-not-digest-pinned']);
    assert.deepEqual(result.suppressed.map((s) => s.finding.ruleId), ['docker-image-latest-tag']);
  });
});
