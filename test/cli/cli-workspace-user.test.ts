import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { ensureCliBuilt, parseJson, removeDir, runCli } from './cli-harness';
import { scanInProcess, tempDir } from './in-process';

// The reverse cross-file direction in `bulwark scan`: a Dockerfile without USER is no finding when every
// workload of the scan that runs its image keeps it off root, and points at the ones that do not.
// Workload containers come from each manifest's own analysis: no manifest section is parsed twice.

const RULE = 'docker-user-missing';
const APP = (name: string) => `FROM node:20-slim\nCOPY ${name}.js /app/\nCMD ["node", "/app/${name}.js"]\n`;
const FILES: Record<string, string> = {
  'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.0\n    build: {context: ./api}\n  worker:\n    image: ghcr.io/acme/worker:1.0\n    build: ./worker\n',
  'api/Dockerfile': APP('api'),
  'worker/Dockerfile': APP('worker'),
  'deploy/api.yaml': [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      securityContext: {runAsUser: 10001}\n',
    '      containers: [{name: api, image: ghcr.io/acme/api:1.0}, {name: worker, image: ghcr.io/acme/worker:1.0, securityContext: {runAsNonRoot: true}}]\n',
  ].join(''),
  'deploy/jobs.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: reindex}\nspec:\n  template:\n    spec:\n      containers:\n        - name: reindex\n          image: ghcr.io/acme/worker:1.0\n',
};

type JsonFinding = { path: string; ruleId: string; startLine: number; startColumn: number; related?: { path: string; startLine: number; startColumn: number; message: string }[] };
const findingsOf = (stdout: string) => (parseJson(stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.ruleId === RULE);

describe('bulwark scan: pods that run a Dockerfile\'s image as non-root', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    ensureCliBuilt();
    dir = tempDir(FILES);
  });
  after(() => removeDir(dir));

  it('leaves the Dockerfile every pod runs as non-root alone and points the other at the pod that runs it as root', () => {
    const findings = findingsOf(runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: dir }).stdout);
    assert.deepEqual(findings.map((f) => [f.path, f.startLine, f.startColumn]), [['worker/Dockerfile', 1, 6]]);
    assert.deepEqual(findings[0].related?.map((r) => [r.path, r.startLine, r.startColumn, r.message]), [
      ['deploy/jobs.yaml', 9, 18, 'Job/reindex runs this image in container "reindex" with no non-root runAsUser or runAsNonRoot: true (1 of the 2 containers that run it keeps it off root).'],
    ]);
  });

  it('finds the same on two workers, which scan the Dockerfiles after the manifests with the workloads those had', () => {
    const findings = findingsOf(runCli(['scan', '.', '--jobs', '2', '--format', 'json', '--fail-on', 'none'], { cwd: dir }).stdout);
    assert.deepEqual(findings.map((f) => [f.path, f.startLine, f.startColumn, f.related?.map((r) => [r.path, r.startLine, r.startColumn])]), [
      ['worker/Dockerfile', 1, 6, [['deploy/jobs.yaml', 9, 18]]],
    ]);
  });

  it('reports both Dockerfiles when the scan covers no manifest that runs them', () => {
    const findings = findingsOf(runCli(['scan', 'api', 'worker', 'compose.yaml', '--format', 'json', '--fail-on', 'none'], { cwd: dir }).stdout);
    assert.deepEqual(findings.map((f) => [f.path, f.startLine, f.related]), [['api/Dockerfile', 1, undefined], ['worker/Dockerfile', 1, undefined]]);
  });

  it('gives every shard the workloads of the whole scan', () => {
    const whole = findingsOf(runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: dir }).stdout);
    const shards = [1, 2, 3].flatMap((i) => findingsOf(runCli(['scan', '.', '--shard', `${i}/3`, '--format', 'json', '--fail-on', 'none'], { cwd: dir }).stdout));
    assert.deepEqual(shards, whole);
  });

  it('parses each workload section once: the index takes the manifests\' workloads from their analysis', () => {
    const parsed: string[] = [];
    // The module object the engine's compiled `import { parseDocument } from 'yaml'` reads at each call.
    const exports = createRequire(__filename)('yaml') as { parseDocument: typeof Yaml.parseDocument };
    const original = exports.parseDocument;
    const counting = (source: string, options?: Parameters<typeof Yaml.parseDocument>[1]) => {
      parsed.push(source);
      return original(source, options);
    };
    exports.parseDocument = counting as typeof Yaml.parseDocument;
    try {
      const report = scanInProcess(dir, loadRuleSet([builtinPackRoot()]).ruleSet, ['.']);
      const dockerfiles = report.files.filter((f) => f.path.endsWith('Dockerfile'));
      assert.deepEqual(dockerfiles.map((f) => [f.path, f.findings.filter((x) => x.ruleId === RULE).length]), [['api/Dockerfile', 0], ['worker/Dockerfile', 1]]);
    } finally {
      exports.parseDocument = original;
    }
    for (const manifest of ['deploy/api.yaml', 'deploy/jobs.yaml']) {
      assert.equal(parsed.filter((text) => text === FILES[manifest]).length, 1, `${manifest} parsed ${parsed.filter((text) => text === FILES[manifest]).length} times`);
    }
  });
});
