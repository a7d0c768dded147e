import * as assert from 'node:assert/strict';
import { analyze, canHoldFacts, indexFile, WorkspaceIndex, type RuleSet } from '../../../server/src/engine';
import { emptyFacts } from '../../../server/src/engine/workspace/facts';
import { selects } from '../../../server/src/engine/workspace/workspace-index';
import { sameExceptLocations } from '../../../server/src/engine/workspace/facts';
import { resolveRelative, sameFile } from '../../../server/src/engine/workspace/paths';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { onlyRules } from '../../../server/src/engine';

// The workspace index (engine/workspace): facts per file, and the queries cross-file rules make.

const { ruleSet: core } = loadRuleSet([builtinPackRoot()]);
const rules = (...ids: string[]): RuleSet => onlyRules(core, new Set(ids));

const DEPLOYMENT = (image: string, namespace = 'shop') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: ${namespace}}
spec:
  template:
    metadata: {labels: {app: api}}
    spec:
      securityContext: {runAsNonRoot: true}
      containers: [{name: api, image: "${image}"}]
`;
const ROOT_DOCKERFILE = 'FROM alpine:3.20\nUSER root\n';
const POLICY = (namespace: string, labels: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: ${namespace}}
spec:
  podSelector: {matchLabels: ${labels}}
`;

const index = (files: Record<string, string>) => new WorkspaceIndex(Object.entries(files).map(([uri, text]) => indexFile({ uri, text })));
const idsOf = (uri: string, text: string, ruleSet: RuleSet, workspace?: WorkspaceIndex) => analyze({ uri, text }, ruleSet, { now: new Date('2026-06-01'), workspace }).findings.map((f) => f.ruleId);

describe('workspace index', () => {
  it('matches label selectors as Kubernetes does', () => {
    const labels = new Map([['app', 'api'], ['tier', 'web']]);
    const sel = (matchLabels: [string, string][], matchExpressions: { key: string; operator: string; values: string[] }[] = []) => ({ matchLabels, matchExpressions });
    assert.equal(selects(sel([]), labels), true, 'an empty selector selects every pod');
    assert.equal(selects(sel([['app', 'api']]), labels), true);
    assert.equal(selects(sel([['app', 'db']]), labels), false);
    assert.equal(selects(sel([], [{ key: 'tier', operator: 'In', values: ['web', 'edge'] }]), labels), true);
    assert.equal(selects(sel([], [{ key: 'tier', operator: 'NotIn', values: ['web'] }]), labels), false);
    assert.equal(selects(sel([], [{ key: 'zone', operator: 'NotIn', values: ['a'] }]), labels), true, 'NotIn holds for an absent label');
    assert.equal(selects(sel([], [{ key: 'zone', operator: 'Exists', values: [] }]), labels), false);
    assert.equal(selects(sel([], [{ key: 'zone', operator: 'DoesNotExist', values: [] }]), labels), true);
  });

  it('places facts of later sections by whole-file lines, CRLF, blank lines and comments included', () => {
    const text = ['# head', '', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', '---', '', 'apiVersion: v1', 'kind: Namespace', 'metadata: {name: shop}', '---', POLICY('shop', '{app: web}')].join('\r\n');
    const facts = indexFile({ uri: '/r/all.yaml', text });
    assert.deepEqual(facts.namespaces.map((n) => n.location.range), [{ start: { line: 9, character: 0 }, end: { line: 9, character: 4 } }]);
    assert.deepEqual(facts.networkPolicies.map((n) => n.location.range), [{ start: { line: 13, character: 0 }, end: { line: 13, character: 4 } }]);
  });

  it('resolves build-file paths against URIs and paths alike', () => {
    assert.equal(resolveRelative('file:///repo/deploy/compose.yaml', '../api/Dockerfile'), 'file:///repo/api/Dockerfile');
    assert.equal(resolveRelative('/repo/compose.yaml', './svc/my app/Dockerfile'), '/repo/svc/my app/Dockerfile');
    assert.equal(resolveRelative('compose.yaml', 'api.Dockerfile'), 'api.Dockerfile');
    assert.ok(sameFile('file:///repo/svc/my%20app/Dockerfile', 'file:///repo/svc/my app/Dockerfile'));
  });

  it('links an image to its Dockerfile through compose, skaffold, or a uniquely named folder', () => {
    const compose = 'services:\n  api:\n    image: ghcr.io/acme/api:1\n    build: {context: ./src, dockerfile: Dockerfile.prod}\n';
    const viaCompose = index({ '/r/compose.yaml': compose, '/r/src/Dockerfile.prod': ROOT_DOCKERFILE });
    assert.equal(viaCompose.imageSource('ghcr.io/acme/api:2@sha256:' + 'a'.repeat(64))?.dockerfile, '/r/src/Dockerfile.prod');
    const skaffold = 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: acme/worker\n      context: worker\n';
    const viaSkaffold = index({ '/r/skaffold.yaml': skaffold, '/r/worker/Dockerfile': ROOT_DOCKERFILE });
    assert.equal(viaSkaffold.imageSource('docker.io/acme/worker:3')?.dockerfile, '/r/worker/Dockerfile', 'Docker Hub names are one repository');
    assert.equal(index({ '/r/services/api/Dockerfile': ROOT_DOCKERFILE }).imageSource('ghcr.io/acme/api:1')?.user?.user, 'root');
    const ambiguous = index({ '/r/a/api/Dockerfile': ROOT_DOCKERFILE, '/r/b/api/Dockerfile': 'FROM x\n' });
    assert.equal(ambiguous.imageSource('ghcr.io/acme/api:1'), undefined, 'two folders named api: no link');
    assert.equal(index({ '/r/services/api/Dockerfile': ROOT_DOCKERFILE }).imageSource('ghcr.io/acme/web:1'), undefined);
  });

  it('ignores templated build files and keeps hostile YAML to no facts', () => {
    const templated = 'services:\n  api:\n    image: ${REGISTRY}/api\n    build: .\n';
    assert.deepEqual(indexFile({ uri: '/r/compose.yaml', text: templated }).imageBuilds, []);
    const bomb = 'a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nservices: [*c, *c, *c, *c]\n';
    assert.deepEqual(indexFile({ uri: '/r/compose.yaml', text: bomb }).imageBuilds, []);
  });

  it('returns the same index when a file\'s facts did not change (typing inside a workload)', () => {
    const before = index({ '/r/a.yaml': DEPLOYMENT('nginx:1'), '/r/p.yaml': POLICY('shop', '{app: api}') });
    assert.equal(before.with(indexFile({ uri: '/r/a.yaml', text: DEPLOYMENT('nginx:1').replace('{app: api}', '{app: apx}') })), before);
    assert.notEqual(before.with(indexFile({ uri: '/r/p.yaml', text: POLICY('shop', '{app: web}') })), before);
    // The image a container runs, and its user, are facts (docker-user-missing reads them).
    assert.notEqual(before.with(indexFile({ uri: '/r/a.yaml', text: DEPLOYMENT('nginx:2') })), before);
    assert.notEqual(before.with(indexFile({ uri: '/r/a.yaml', text: DEPLOYMENT('nginx:1').replace('runAsNonRoot: true', 'runAsNonRoot: false') })), before);
    // A line typed above the workload moves its facts but changes nothing they say (the editor then re-delivers nothing).
    const moved = indexFile({ uri: '/r/a.yaml', text: `# a comment\n${DEPLOYMENT('nginx:1')}` });
    const original = before.files.get('/r/a.yaml');
    assert.ok(original && before.with(moved) !== before && sameExceptLocations(original, moved));
    assert.ok(!sameExceptLocations(original, indexFile({ uri: '/r/a.yaml', text: DEPLOYMENT('nginx:2') })));
  });

  it('reads workload containers with the user the pod spec guarantees, the container\'s setting over the pod\'s', () => {
    const text = `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {runAsNonRoot: true}
          initContainers: [{name: init, image: busybox:1, securityContext: {runAsUser: 0}}]
          containers:
            - {name: a, image: ghcr.io/acme/a:1}
            - {name: b, image: ghcr.io/acme/b:1, securityContext: {runAsUser: 1000, runAsNonRoot: false}}
            - {name: c, image: "\${IMAGE}"}
            - {name: d, image: ghcr.io/acme/d:1, securityContext: {runAsUser: "$(UID)"}}
`;
    const facts = indexFile({ uri: '/r/cron.yaml', text }).workloads;
    assert.deepEqual(facts.map((f) => [f.object, f.container, f.image, f.nonRoot, f.location.range.start.line]), [
      ['CronJob/nightly', 'a', 'ghcr.io/acme/a:1', true, 11],
      ['CronJob/nightly', 'b', 'ghcr.io/acme/b:1', true, 12],
      ['CronJob/nightly', 'd', 'ghcr.io/acme/d:1', false, 14],
      ['CronJob/nightly', 'init', 'busybox:1', false, 9],
    ]);
    assert.deepEqual(indexFile({ uri: '/r/cron.yaml', text }, undefined, { workloads: false }).workloads, []);
  });
});

describe('cross-file rules', () => {
  it('k8s-image-user-conflict needs both files: silent alone, a finding with related locations together', () => {
    const ruleSet = rules('k8s-image-user-conflict');
    const text = DEPLOYMENT('ghcr.io/acme/api:1');
    assert.deepEqual(idsOf('/r/k8s/api.yaml', text, ruleSet), [], 'no index: no guess');
    const workspace = index({ '/r/k8s/api.yaml': text, '/r/api/Dockerfile': ROOT_DOCKERFILE });
    const [finding] = analyze({ uri: '/r/k8s/api.yaml', text }, ruleSet, { workspace }).findings;
    assert.equal(finding.ruleId, 'k8s-image-user-conflict');
    assert.equal(text.slice(finding.span.start, finding.span.end), 'true');
    assert.deepEqual(finding.related?.map((r) => [r.uri, r.range.start.line, r.range.start.character]), [['/r/api/Dockerfile', 1, 5]]);
    const nonRoot = index({ '/r/k8s/api.yaml': text, '/r/api/Dockerfile': 'FROM alpine:3.20\nUSER 10001\n' });
    assert.deepEqual(idsOf('/r/k8s/api.yaml', text, ruleSet, nonRoot), []);
  });

  it('k8s-network-policy-missing is silent in a workspace without any NetworkPolicy, and follows namespaces', () => {
    const ruleSet = rules('k8s-network-policy-missing');
    const text = DEPLOYMENT('nginx:1');
    assert.deepEqual(idsOf('/r/a.yaml', text, ruleSet, index({ '/r/a.yaml': text })), []);
    assert.deepEqual(idsOf('/r/a.yaml', text, ruleSet, index({ '/r/a.yaml': text, '/r/p.yaml': POLICY('other', '{app: api}') })), ['k8s-network-policy-missing']);
    assert.deepEqual(idsOf('/r/a.yaml', text, ruleSet, index({ '/r/a.yaml': text, '/r/p.yaml': POLICY('shop', '{app: api}') })), []);
    assert.deepEqual(idsOf('/r/a.yaml', text, ruleSet, index({ '/r/a.yaml': text, '/r/p.yaml': POLICY('shop', '{app: web}') })), ['k8s-network-policy-missing']);
  });

  it('canHoldFacts, judged by name and language id alone, is true for every file that has facts; the files it rules out have none', () => {
    const compose = 'services:\n  api:\n    build: ./api\n    image: ghcr.io/acme/api:1\n';
    const jsonPolicy = JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'shop' }, spec: { podSelector: {} } });
    const holding = [
      { uri: 'file:///r/api/Dockerfile', text: ROOT_DOCKERFILE },
      { uri: 'file:///r/api/Containerfile.prod', text: ROOT_DOCKERFILE },
      { uri: 'file:///r/api/build.dockerfile', text: ROOT_DOCKERFILE },
      { uri: 'untitled:Untitled-1', languageId: 'dockerfile', text: ROOT_DOCKERFILE },
      { uri: 'file:///r/compose.yaml', text: compose },
      { uri: 'file:///r/skaffold.yml', text: 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: ghcr.io/acme/api\n      context: api\n' },
      { uri: 'file:///r/k8s/policy.yaml', text: POLICY('shop', '{app: api}') },
      { uri: 'file:///r/k8s/policy.json', text: jsonPolicy },
      { uri: 'file:///r/k8s/policy', languageId: 'yaml', text: POLICY('shop', '{app: api}') },
      { uri: 'file:///r/chart/templates/policy.tpl', languageId: 'helm', text: POLICY('shop', '{app: api}') },
      { uri: 'file:///r/k8s/policy.txt', languageId: 'json', text: jsonPolicy },
    ];
    for (const file of holding) {
      assert.equal(canHoldFacts(file), true, file.uri);
      assert.notDeepEqual(indexFile(file), emptyFacts(file.uri), `${file.uri} has facts`);
    }
    const none = [
      { uri: 'file:///r/app.py', languageId: 'python', text: ROOT_DOCKERFILE },
      { uri: 'file:///r/policy.txt', languageId: 'plaintext', text: POLICY('shop', '{app: api}') },
      { uri: 'file:///r/README.md', languageId: 'markdown', text: compose },
      { uri: 'file:///r/Dockerfile.d/notes', text: ROOT_DOCKERFILE },
    ];
    for (const file of none) {
      assert.equal(canHoldFacts(file), false, file.uri);
      assert.deepEqual(indexFile(file), emptyFacts(file.uri), `${file.uri}: skipping it loses nothing`);
    }
  });
});
