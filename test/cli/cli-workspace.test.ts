import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { indexFilesOnDisk } from '../../server/src/node/workspace-index';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { ensureCliBuilt, parseJson, removeDir, runCli } from './cli-harness';

// Cross-file rules in `bulwark scan`: the workspace is what the scan covers, findings land on the right
// file and point at the other one (JSON related, SARIF relatedLocations, text "related" lines).

const FILES: Record<string, string> = {
  'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.0\n    build: {context: ./api}\n',
  'api/Dockerfile': 'FROM alpine:3.20\nRUN adduser -D app\nUSER root\nCMD ["/app"]\n',
  'deploy/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers: [{name: api, image: ghcr.io/acme/api:1.0}]\n',
};

describe('bulwark scan: cross-file rules', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    ensureCliBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-workspace-'));
    for (const [rel, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
  });
  after(() => removeDir(dir));

  it('reports the pod/image user conflict on the manifest, with the Dockerfile and compose file as related locations', () => {
    const run = runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    const findings = (parseJson(run.stdout) as { findings: { path: string; ruleId: string; startLine: number; startColumn: number; related?: { path: string; startLine: number; startColumn: number }[] }[] }).findings;
    const conflict = findings.filter((f) => f.ruleId === 'k8s-image-user-conflict');
    assert.deepEqual(conflict.map((f) => [f.path, f.startLine, f.startColumn]), [['deploy/api.yaml', 8, 23]]);
    assert.deepEqual(conflict[0].related?.map((r) => [r.path, r.startLine, r.startColumn]), [['api/Dockerfile', 3, 6], ['compose.yaml', 3, 12]]);
  });

  it('puts the related locations in SARIF and in the text output', () => {
    const sarif = parseJson(runCli(['scan', '.', '--format', 'sarif', '--fail-on', 'none'], { cwd: dir }).stdout) as { runs: { results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const result = sarif.runs[0].results.find((r) => r.ruleId === 'k8s-image-user-conflict');
    assert.deepEqual(result?.relatedLocations?.map((l) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine]), [['api/Dockerfile', 3], ['compose.yaml', 3]]);
    const text = runCli(['scan', '.', '--fail-on', 'none'], { cwd: dir }).stdout;
    assert.match(text, /deploy\/api\.yaml:8:23: medium k8s-image-user-conflict .*\n {2}related api\/Dockerfile:3:6: The image's final USER is root\./);
  });

  it('sees only what the scan covers: the manifest alone has no Dockerfile to contradict', () => {
    const run = runCli(['scan', 'deploy', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    const ids = (parseJson(run.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    assert.ok(ids.length > 0, 'the other rules still report');
    assert.ok(!ids.includes('k8s-image-user-conflict'));
  });

  it('reads no file for the index when no enabled rule is cross-file', () => {
    const { ruleSet } = loadRuleSet([builtinPackRoot()]);
    const files = Object.keys(FILES).map((rel) => path.join(dir, rel));
    assert.equal(indexFilesOnDisk(files, ruleSet.rules.filter((r) => !r.readsWorkspace), 1 << 20), undefined);
    // The three files, and the Dockerfile's two ignore files (api/Dockerfile.dockerignore, api/.dockerignore) known to be absent.
    assert.equal(indexFilesOnDisk(files, ruleSet.rules, 1 << 20)?.files.size, 5);
  });
});
