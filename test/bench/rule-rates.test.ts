import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { onlyRules } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { measureRuleRates } from './rule-rates';

// The bench's firing rates are what `bulwark scan` of each corpus repository reports: a repository is one
// workspace, so a Dockerfile that the repository's own manifests run as non-root is not counted, while the
// same file read alone is.

const DOCKERFILE = 'FROM node:22-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]\n';
const DEPLOYMENT = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
      - name: api
        image: ${image}
        securityContext:
          runAsUser: 10001
`;

describe('bench rule rates (test/bench/rule-rates.ts)', () => {
  let corpus: string;
  before(() => {
    corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-rates-'));
    // The corpus layout: <corpus>/{dockerfiles,k8s}/<owner__name>/<path with / spelt __>.
    const put = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(corpus, file)), { recursive: true });
      fs.writeFileSync(path.join(corpus, file), text);
    };
    put('dockerfiles/acme__shop/api__Dockerfile', DOCKERFILE);
    put('k8s/acme__shop/deploy__api.yaml', DEPLOYMENT('ghcr.io/acme/api:1.0'));
    // Another repository whose manifest runs an image of the same name: not the shop's workspace.
    put('dockerfiles/acme__other/api__Dockerfile', DOCKERFILE);
    put('k8s/acme__tools/deploy__api.yaml', DEPLOYMENT('ghcr.io/acme/api:1.0'));
  });
  after(() => fs.rmSync(corpus, { recursive: true, force: true }));

  it('counts a cross-file rule per repository workspace, and also alone', () => {
    const { ruleSet } = loadRuleSet([builtinPackRoot()]);
    const rates = measureRuleRates(corpus, onlyRules(ruleSet, new Set(['docker-user-missing', 'k8s-run-as-root'])));
    const userMissing = rates.find((r) => r.ruleId === 'docker-user-missing');
    // Two Dockerfiles; the shop's is run as UID 10001 by the shop's Deployment, the other repository's is not.
    assert.deepEqual(userMissing && { files: userMissing.files, fired: userMissing.fired, alone: userMissing.firedAlone }, { files: 2, fired: 1, alone: 2 });
    const runAsRoot = rates.find((r) => r.ruleId === 'k8s-run-as-root');
    assert.deepEqual(runAsRoot && { files: runAsRoot.files, fired: runAsRoot.fired, alone: runAsRoot.firedAlone }, { files: 2, fired: 0, alone: 0 });
  });
});
