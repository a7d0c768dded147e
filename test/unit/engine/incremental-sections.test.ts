import * as assert from 'node:assert/strict';
import { analyze, indexFile, WorkspaceIndex, type RuleSet } from '../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { SectionParseCache } from '../../../server/src/lsp/section-parse-cache';
import { comparable } from '../../support/open-dockerfile';

// Kubernetes rules are memoised per `---` section in the editor (engine/kubernetes-sections.ts), keyed by
// what a section's reports may depend on besides its text: the Pod Security profile, the Namespace enforce
// labels of this file and of the workspace, and the line breaks. Each step below changes one of those
// inputs, or moves sections, and the cached analysis must equal a fresh one (with a fresh workspace).

const NOW = new Date('2026-06-01T00:00:00Z');
const URI = 'file:///workspace/app.yaml';
const OTHER = 'file:///workspace/namespaces.yaml';

const pod = (name: string, namespace: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
            capabilities:
              add: [NET_ADMIN]
`;

const namespace = (name: string, level: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
    pod-security.kubernetes.io/enforce: ${level}
`;

describe('per-section Kubernetes results follow the inputs they depend on', function () {
  this.timeout(300_000);
  let ruleSet: RuleSet;
  before(() => {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  });

  it('equals a fresh analysis as labels, the profile, other files and line breaks change', () => {
    const cache = new SectionParseCache();
    let workspace = new WorkspaceIndex([]);
    const cached = (text: string, other: string, profile: 'restricted' | 'baseline') => {
      workspace = workspace.with(indexFile({ uri: OTHER, text: other, languageId: 'yaml' })).with(indexFile({ uri: URI, text, languageId: 'yaml' }, cache));
      const result = analyze({ uri: URI, text, languageId: 'yaml' }, ruleSet, { cache, now: NOW, workspace, podSecurityProfile: profile, textWindows: true });
      cache.endAnalysis();
      return result;
    };
    const fresh = (text: string, other: string, profile: 'restricted' | 'baseline') => {
      const index = new WorkspaceIndex([indexFile({ uri: OTHER, text: other, languageId: 'yaml' }), indexFile({ uri: URI, text, languageId: 'yaml' })]);
      return analyze({ uri: URI, text, languageId: 'yaml' }, ruleSet, { now: NOW, workspace: index, podSecurityProfile: profile });
    };
    const steps: { what: string; text: string; other: string; profile: 'restricted' | 'baseline' }[] = [];
    const base = [namespace('apps', 'baseline'), pod('web', 'apps'), pod('api', 'tools'), pod('db', 'apps')].join('---\n');
    steps.push({ what: 'as opened', text: base, other: namespace('tools', 'restricted'), profile: 'restricted' });
    steps.push({ what: "this file's label", text: base.replace('enforce: baseline', 'enforce: privileged'), other: namespace('tools', 'restricted'), profile: 'restricted' });
    steps.push({ what: "another file's label", text: base.replace('enforce: baseline', 'enforce: privileged'), other: namespace('tools', 'privileged'), profile: 'restricted' });
    steps.push({ what: 'the profile', text: base.replace('enforce: baseline', 'enforce: privileged'), other: namespace('tools', 'privileged'), profile: 'baseline' });
    steps.push({ what: 'typing above every workload', text: `# a comment\n${base}`, other: namespace('tools', 'privileged'), profile: 'baseline' });
    steps.push({ what: 'a Namespace removed', text: base.split('---\n').slice(1).join('---\n'), other: namespace('tools', 'privileged'), profile: 'baseline' });
    steps.push({ what: 'CRLF line breaks', text: base.replace(/\n/g, '\r\n'), other: namespace('tools', 'baseline'), profile: 'restricted' });
    // A suppression comment typed into one workload, then a section added above it: the file's
    // directives are looked for per section (each section's answer memoised), and must be found again.
    const suppressed = base.replace('          securityContext:\n            privileged: true', '          securityContext:\n            # bulwark-ignore k8s-privileged-container reason="lab"\n            privileged: true');
    steps.push({ what: 'a suppression typed', text: suppressed, other: namespace('tools', 'restricted'), profile: 'restricted' });
    steps.push({ what: 'a section added above', text: `${namespace('extra', 'restricted')}---\n${suppressed}`, other: namespace('tools', 'restricted'), profile: 'restricted' });
    steps.push({ what: 'back to the start', text: base, other: namespace('tools', 'restricted'), profile: 'restricted' });
    const findings = new Set<number>();
    const suppressedCounts: number[] = [];
    for (const step of steps) {
      const expected = fresh(step.text, step.other, step.profile);
      assert.deepEqual(comparable(cached(step.text, step.other, step.profile)), comparable(expected), `after ${step.what}`);
      findings.add(expected.findings.length);
      suppressedCounts.push(expected.suppressed.length);
    }
    assert.deepEqual(suppressedCounts.slice(-4), [0, 1, 1, 0], 'suppressed findings: none, the typed directive works, still below a new section, none again');
    // The inputs must matter here, or the test would prove nothing about the memo's key.
    assert.ok(findings.size >= 3, `finding counts across steps: ${[...findings].join(', ')}`);
  });
});

describe('a space typed and deleted at line ends reuses the section parse (yaml-trailing-space.ts)', function () {
  this.timeout(300_000);
  let ruleSet: RuleSet;
  before(() => {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  });

  it('equals a fresh analysis at every line end, where the parse is reused and where it must not be', () => {
    // Plain lines (reused) beside a block scalar, quoted and plain scalars over lines, comments, flow
    // collections and an empty value (declined): every keystroke's result must be a fresh analysis's.
    const workload = pod('web', 'apps')
      .replace('          image: nginx:1.27\n', '          image: nginx:1.27\n          command: ["sh", "-c"]\n          args:\n            - |\n              echo start\n              exec nginx\n          env:\n            - name: NOTE # a comment\n              value: "one\n                two"\n            - name: EMPTY\n              value:\n            - name: PLAIN\n              value: first\n                second\n')
      .replace('      hostNetwork: true\n', '      hostNetwork: true\n      hostPID: false\n');
    const text = [namespace('apps', 'baseline'), workload, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  password: "hunter2-hunter2-hunter2"\n'].join('---\n');
    const cache = new SectionParseCache();
    const cachedRun = (version: string) => {
      indexFile({ uri: URI, text: version, languageId: 'yaml' }, cache);
      const result = analyze({ uri: URI, text: version, languageId: 'yaml' }, ruleSet, { cache, now: NOW, textWindows: true });
      cache.endAnalysis();
      return result;
    };
    const fresh = (version: string) => analyze({ uri: URI, text: version, languageId: 'yaml' }, ruleSet, { now: NOW });
    cachedRun(text);
    let lines = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
      const typed = text.slice(0, at) + ' ' + text.slice(at);
      assert.deepEqual(comparable(cachedRun(typed)), comparable(fresh(typed)), `a space typed at line ${++lines}`);
      assert.deepEqual(comparable(cachedRun(text)), comparable(fresh(text)), `and deleted at line ${lines}`);
    }
    assert.ok(lines > 40, `${lines} lines`);
    // After a reused parse, an edit that changes the YAML's meaning must change the findings.
    const at = text.indexOf('\n', text.indexOf('privileged: true'));
    const typed = text.slice(0, at) + ' ' + text.slice(at);
    const before = cachedRun(typed);
    const changed = typed.replace('privileged: true ', 'privileged: false ');
    const after = cachedRun(changed);
    assert.deepEqual(comparable(after), comparable(fresh(changed)));
    assert.equal(before.findings.filter((f) => f.ruleId === 'k8s-privileged-container').length, 1);
    assert.equal(after.findings.filter((f) => f.ruleId === 'k8s-privileged-container').length, 0);
  });
});

/** A ConfigMap of `lines` data lines: a section large enough to be checked in windows (over 64 KiB). */
const largeConfigMap = (name: string, lines: number) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${Array.from({ length: lines }, (_, i) => `  setting-${name}-${i}: "plain text value of ${name}, number ${(i * 7919) % 10007}"\n`).join('')}`;

describe('windows of large sections while typing in several of them', function () {
  this.timeout(300_000);
  let ruleSet: RuleSet;
  before(() => {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  });

  it('equals a fresh analysis, and re-checks only the windows an edit touched when typing moves between sections', () => {
    // Characters the windowed text rules were run on: a section checked whole counts its whole length.
    let checked = 0;
    const counting: RuleSet = {
      ...ruleSet,
      rules: ruleSet.rules.map((rule) =>
        rule.lookaround?.('app.yaml')
          ? {
              ...rule,
              check: (model: { text: string }, ctx: unknown) => {
                checked += model.text.length;
                (rule.check as unknown as (m: unknown, c: unknown) => void)(model, ctx);
              },
            }
          : rule,
      ),
    };
    const cache = new SectionParseCache();
    const first = largeConfigMap('alpha', 2000);
    const second = largeConfigMap('beta', 2000);
    assert.ok(first.length > 96 * 1024 && second.length > 96 * 1024);
    const parts = [pod('web', 'apps'), first, pod('api', 'apps'), second];
    const secret = '  newrelic-key: NRAK-464BALJKQLAUSF7R0MPHT61XODL\n';
    // Alternating between the two large sections, a secret typed into each and removed again, and a
    // keystroke in a small section between them: every step must change what a stale cache would say.
    const versions = [
      { what: 'as opened', parts },
      { what: 'a secret in the first', parts: [parts[0], first.replace('  setting-alpha-700:', secret + '  setting-alpha-700:'), parts[2], second] },
      { what: 'a secret in the second too', parts: [parts[0], first.replace('  setting-alpha-700:', secret + '  setting-alpha-700:'), parts[2], second.replace('  setting-beta-1200:', secret + '  setting-beta-1200:')] },
      { what: 'a small section typed into', parts: [parts[0].replace('hostNetwork: true', 'hostNetwork: true '), first.replace('  setting-alpha-700:', secret + '  setting-alpha-700:'), parts[2], second.replace('  setting-beta-1200:', secret + '  setting-beta-1200:')] },
      { what: 'the first secret removed', parts: [parts[0].replace('hostNetwork: true', 'hostNetwork: true '), first, parts[2], second.replace('  setting-beta-1200:', secret + '  setting-beta-1200:')] },
      { what: 'the second secret removed', parts },
      { what: 'a section added above both, the first secret back', parts: [namespace('apps', 'baseline'), parts[0], first.replace('  setting-alpha-700:', secret + '  setting-alpha-700:'), parts[2], second] },
    ];
    const counts: number[] = [];
    const checkedPerStep: number[] = [];
    for (const version of versions) {
      const text = version.parts.join('---\n');
      checked = 0;
      const cached = analyze({ uri: URI, text, languageId: 'yaml' }, counting, { cache, now: NOW, textWindows: true });
      cache.endAnalysis();
      checkedPerStep.push(checked);
      const fresh = analyze({ uri: URI, text, languageId: 'yaml' }, ruleSet, { now: NOW });
      assert.deepEqual(comparable(cached), comparable(fresh), `after ${version.what}`);
      counts.push(fresh.findings.filter((f) => f.ruleId.startsWith('secret-')).length);
    }
    assert.deepEqual(counts.slice(0, 6), [0, 1, 2, 2, 1, 0], 'secrets found per step');
    // Back in a section edited two analyses before, only the windows around the edit are checked again
    // (a store shared by all sections had aged the other section's windows out: all of it was re-checked).
    for (const step of [1, 2, 4, 5]) assert.ok(checkedPerStep[step] < checkedPerStep[0] / 8, `step ${step} checked ${checkedPerStep[step]} characters, opening ${checkedPerStep[0]}`);
  });
  it('equals the whole-file run where rules pass over sections of kinds they do not read, and as containers change', () => {
    // A List's items are objects of their own; the ConfigMap and the Service are kinds the pod rules do
    // not read (they pass over those sections), and the secret and Service rules do.
    const list = (privileged: boolean) => `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec:\n    containers: [{name: a, image: "nginx:latest", securityContext: {privileged: ${privileged}}}]\n- metadata: {name: b}\n  spec:\n    hostPID: true\n`;
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  password: "hunter2-hunter2-hunter2"\n';
    const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: NodePort\n  ports: [{port: 80}]\n';
    const sidecar = pod('web', 'shop').replace('      containers:\n', '      containers:\n        - name: sidecar\n          image: busybox:latest\n          securityContext: {privileged: true}\n');
    const cache = new SectionParseCache();
    const steps: { text: string; privileged: number }[] = [
      { text: [list(true), configMap, service, pod('web', 'shop')].join('---\n'), privileged: 2 },
      // A container added to the workload: the section's pods and containers are read again.
      { text: [list(true), configMap, service, sidecar].join('---\n'), privileged: 3 },
      // The List's Pod no longer runs privileged.
      { text: [list(false), configMap, service, sidecar].join('---\n'), privileged: 2 },
    ];
    for (const { text, privileged } of steps) {
      const cached = analyze({ uri: URI, text, languageId: 'yaml' }, ruleSet, { cache, now: NOW });
      cache.endAnalysis();
      const whole = analyze({ uri: URI, text, languageId: 'yaml' }, ruleSet, { now: NOW });
      assert.deepEqual(comparable(cached), comparable(whole));
      assert.equal(cached.findings.filter((f) => f.ruleId === 'k8s-privileged-container').length, privileged);
      assert.ok(cached.findings.some((f) => f.ruleId === 'k8s-service-node-port'));
    }
  });
});
