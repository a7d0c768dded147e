import * as assert from 'node:assert/strict';
import { analyze, DocumentParseCache, type RuleSet } from '../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { comparable } from '../../support/open-dockerfile';

// The CLI analyses each file once, with a cache dropped after it (ParseCache.shortLived): its RUN-script
// rules run on the whole model and its Kubernetes rules keep no per-section reports. Its findings must be
// those of an analysis without a cache and of the editor's, whose cache outlives the analysis.

const NOW = new Date('2026-06-01T00:00:00Z');

const DOCKERFILE = `FROM ubuntu:22.04 AS build
RUN apt-get update && apt-get install -y curl wget git
RUN curl -fsSL https://example.com/install.sh | sh
ENV APP_TOKEN=abc
RUN pip install flask requests && npm install -g yarn
RUN wget -qO- https://example.com/setup.sh | bash && chmod 777 /tmp
FROM alpine:3.19
RUN apk add curl && curl -k https://example.com/file -o /tmp/file
COPY --from=build /usr/bin/git /usr/bin/git
USER root
`;

const MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  name: apps
  labels:
    pod-security.kubernetes.io/enforce: baseline
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: apps
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: nginx:latest
          securityContext:
            privileged: true
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: apps
spec:
  type: NodePort
  ports:
    - port: 80
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: all
  namespace: apps
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
  namespace: apps
spec:
  schedule: "0 1 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          hostPID: true
          containers:
            - name: job
              image: busybox
              securityContext:
                runAsUser: 0
`;

describe('an analysis with a cache dropped after it (the CLI) finds what the others find', function () {
  this.timeout(120_000);
  let ruleSet: RuleSet;
  before(() => {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  });

  const cases = [
    { what: 'a Dockerfile of several RUN scripts', uri: 'file:///w/Dockerfile', text: DOCKERFILE, exercised: (id: string) => ruleSet.rules.some((r) => r.meta.id === id && (r.perRunScript === true || r.runScriptsApart === true)) },
    { what: 'a manifest of several kinds', uri: 'file:///w/app.yaml', text: MANIFEST, exercised: (id: string) => ruleSet.rules.some((r) => r.meta.id === id && r.perSection === true) },
  ];
  for (const { what, uri, text, exercised } of cases) {
    it(what, () => {
      const shortLived = analyze({ uri, text }, ruleSet, { now: NOW, cache: new DocumentParseCache(undefined, true) });
      const uncached = analyze({ uri, text }, ruleSet, { now: NOW });
      const longLived = analyze({ uri, text }, ruleSet, { now: NOW, cache: new DocumentParseCache() });
      // The rules whose path differs with the cache's life must have reported, or the equality says nothing.
      assert.ok(shortLived.findings.filter((f) => exercised(f.ruleId)).length >= 3, `${what}: too few findings of the rules under test`);
      assert.deepEqual(comparable(shortLived), comparable(uncached), `${what}: short-lived cache and no cache differ`);
      assert.deepEqual(comparable(shortLived), comparable(longLived), `${what}: short-lived and long-lived cache differ`);
    });
  }
});
