import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseCommand } from '../../server/src/cli/args';
import { IndexedReads } from '../../server/src/cli/indexed-reads';
import { renderReport } from '../../server/src/cli/run';
import { planScan, runScan, scanPlanned, type ScanContext } from '../../server/src/cli/scan';
import { DocumentParseCache } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { removeDir } from './cli-harness';
import { tempDir } from './in-process';

// A one-thread scan keeps what the workspace index read of each file (its text and the parse cache its
// facts filled) for that file's analysis. The report must be the one a scan that reads and parses every
// file again writes, whatever the budget keeps.

const FILES: Record<string, string> = {
  'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.0\n    build: {context: ./api}\n',
  'api/Dockerfile': 'FROM alpine:3.20\nRUN apk add curl && adduser -D app\nUSER root\nCMD ["/app"]\n',
  'web/Dockerfile': '\ufeffFROM node:latest\nRUN npm install\nCMD ["node", "server.js"]\n',
  'deploy/api.yaml':
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: baseline}}\n---\n' +
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers: [{name: api, image: ghcr.io/acme/api:1.0}]\n---\n' +
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {password: hunter2hunter2}\n',
  'deploy/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: node:latest\n    securityContext: {privileged: true}\n',
  'src/config.ts': 'export const token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";\n',
};

describe('bulwark scan: the index read of a file serves its analysis', function () {
  this.timeout(60_000);
  let dir: string;
  let ruleSet: ReturnType<typeof loadRuleSet>['ruleSet'];
  before(() => {
    dir = tempDir(FILES);
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  });
  after(() => removeDir(dir));

  const options = () => {
    const command = parseCommand(['scan', '.'], {});
    if (command.kind !== 'scan') throw new Error('not a scan');
    return command.options;
  };
  const context = (): ScanContext => ({ cwd: dir, now: new Date('2026-01-15T00:00:00Z'), ruleSet });
  const json = (report: ReturnType<typeof runScan>) => renderReport(report, 'json', false);

  it('writes the report of a scan that reads and parses every file again, with any budget', () => {
    const fresh = scanPlanned(options(), context(), planScan(options(), context()));
    const findings = (JSON.parse(json(fresh)) as { findings: { ruleId: string; path: string }[] }).findings;
    // The cross-file finding rests on the Dockerfile's parse, which the index made and the analysis reused.
    assert.ok(findings.some((f) => f.ruleId === 'k8s-image-user-conflict' && f.path === 'deploy/api.yaml'));
    assert.ok(findings.some((f) => f.path === 'api/Dockerfile') && findings.some((f) => f.path === 'web/Dockerfile'));
    assert.equal(json(runScan(options(), context())), json(fresh));
    for (const budget of [0, 200, 1 << 30]) {
      const kept = { ...context(), indexedReads: new IndexedReads(budget) };
      assert.equal(json(scanPlanned(options(), kept, planScan(options(), kept))), json(fresh), `budget ${budget}`);
    }
  });

  it('keeps a file within the budget only, and hands its entry out once', () => {
    const reads = new IndexedReads(4 * 100);
    const file = path.join(dir, 'deploy/pod.yaml');
    const read = { kind: 'text' as const, text: 'x'.repeat(100), encoding: 'utf-8' as const, lossless: true };
    reads.hookFor(file)?.(file, read, new DocumentParseCache());
    reads.hookFor('other.yaml')?.('other.yaml', read, new DocumentParseCache());
    assert.equal(reads.hookFor('third.yaml'), undefined, 'the budget is spent');
    assert.equal(reads.take(file)?.read, read);
    assert.equal(reads.take(file), undefined);
    assert.equal(reads.take('other.yaml'), undefined, 'over the budget: not kept');
  });
});
