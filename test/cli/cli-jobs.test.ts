import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCommand } from '../../server/src/cli/args';
import { UsageError } from '../../server/src/cli/exit-codes';
import { listScan, planScan, runScan, scanPhases, type ScanContext } from '../../server/src/cli/scan';
import { factsOfItem, indexItems } from '../../server/src/cli/index-items';
import { IndexedReads } from '../../server/src/cli/indexed-reads';
import { workspaceIndexOf } from '../../server/src/node/workspace-index';
import { runScanJobs, workerCount } from '../../server/src/cli/scan-jobs';
import { isDockerignoreName, type WorkspaceIndex } from '../../server/src/engine';
import { ScanWorkerError, ScanWorkerPool, scanInWorkers } from '../../server/src/cli/worker-pool';
import { ruleSetData } from '../../server/src/engine/rule-set-data';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { REPO, ensureCliBuilt, removeDir, runCli } from './cli-harness';

// `bulwark scan --jobs N`: worker threads scan the files, and the report is byte for byte the one the
// main thread alone writes, cross-file findings (which need the whole workspace index) included.

/** The pod/image user conflict needs all three files: only a worker given the whole index finds it. */
const CROSS_FILE: Record<string, string> = {
  'shop/compose.yaml': 'services:\n  api:\n    image: ghcr.io/jobs-test/shop-api:1.0\n    build: {context: ./api}\n',
  'shop/api/Dockerfile': 'FROM alpine:3.20\nRUN adduser -D app\nUSER root\nCMD ["/app"]\n',
  'shop/deploy/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers: [{name: api, image: ghcr.io/jobs-test/shop-api:1.0}]\n',
  'shop/deploy/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {pod-security.kubernetes.io/enforce: baseline}\n',
};

/** A mixed tree: the examples, every built-in rule's fixtures (Dockerfiles, manifests, sources with secrets), cross-file files, and files skipped with a notice. */
function mixedTree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-jobs-'));
  fs.cpSync(path.join(REPO, 'examples'), path.join(dir, 'examples'), { recursive: true });
  const core = path.join(REPO, 'rules', 'core');
  for (const group of fs.readdirSync(core, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const rule of fs.readdirSync(path.join(core, group.name))) {
      const tests = path.join(core, group.name, rule, 'tests');
      if (fs.existsSync(tests)) fs.cpSync(tests, path.join(dir, 'fixtures', group.name, rule), { recursive: true });
    }
  }
  for (const [rel, text] of Object.entries(CROSS_FILE)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  fs.writeFileSync(path.join(dir, 'image.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  fs.writeFileSync(path.join(dir, 'latin1.env'), Buffer.from('PASSWORD=caf\xe9-not-utf8\n', 'latin1'));
  return dir;
}

describe('bulwark scan --jobs', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    ensureCliBuilt();
    dir = mixedTree();
  });
  after(() => removeDir(dir));

  /** The report, written with -o (it is larger than a pipe's buffer here). */
  const scan = (format: string, jobs: number, extra: string[] = []) => {
    const out = path.join(os.tmpdir(), `bulwark-jobs-report-${process.pid}`);
    const run = runCli(['scan', '.', '--format', format, '--fail-on', 'none', '--jobs', String(jobs), '-o', out, ...extra], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const report = fs.readFileSync(out, 'utf8');
    fs.rmSync(out);
    return report;
  };

  it('writes the same JSON, byte for byte, on 1, 2 and 3 workers, cross-file findings included', () => {
    const one = scan('json', 1);
    const report = JSON.parse(one) as { files: unknown[]; findings: { path: string; ruleId: string; related?: { path: string }[] }[]; notices: { path: string; code: string }[] };
    assert.ok(report.files.length > 200, `a tree of many files (${report.files.length})`);
    const conflict = report.findings.filter((f) => f.ruleId === 'k8s-image-user-conflict' && f.path === 'shop/deploy/api.yaml');
    assert.deepEqual(conflict.map((f) => f.related?.map((r) => r.path)), [['shop/api/Dockerfile', 'shop/compose.yaml']]);
    assert.ok(report.notices.some((n) => n.path === 'image.bin' && n.code === 'binary-file'));
    assert.equal(scan('json', 2), one);
    assert.equal(scan('json', 3), one);
  });

  it('writes the same SARIF on 2 workers as on 1', () => {
    assert.equal(scan('sarif', 2), scan('sarif', 1));
  });

  it('reports a shard the same way on workers', () => {
    const shard = scan('json', 1, ['--shard', '2/3']);
    assert.ok((JSON.parse(shard) as { files: unknown[] }).files.length > 50);
    assert.equal(scan('json', 2, ['--shard', '2/3']), shard);
  });
});

describe('scan workers (from the TypeScript sources)', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => (dir = mixedTree()));
  after(() => removeDir(dir));

  it('return each file\'s report in the listing\'s order, as the main thread makes it', async () => {
    const command = parseCommand(['scan', '.'], {});
    assert.equal(command.kind, 'scan');
    const options = command.options;
    const { ruleSet } = loadRuleSet([builtinPackRoot()]);
    const context: ScanContext = { cwd: dir, now: new Date('2026-01-15T00:00:00Z'), ruleSet };
    const plan = planScan(options, context);
    const data = ruleSetData(ruleSet);
    assert.ok(data, 'every built-in rule can be sent to a worker');
    const facts = plan.workspace ? [...plan.workspace.files.values()] : undefined;
    assert.ok(facts && facts.length > 0, 'the built-in pack has cross-file rules: the index is built');
    // Manifests in two workers, Dockerfiles after them with the workloads the workers found.
    const inWorkers = await runScanJobs({ ...options, jobs: 2 }, context);
    assert.deepEqual(inWorkers.files, runScan(options, context).files);
    // The worker pool alone, on the files whose reports no workload can change.
    const first = scanPhases(plan, plan.workspace as WorkspaceIndex).first.map((i) => plan.tasks[i]);
    const pooled = await scanInWorkers(first, { options, cwd: dir, now: context.now, ruleSet: data, facts }, 2);
    assert.ok(pooled.some((s) => (s.workloads ?? []).length > 0), 'workers return the workloads their analyses found');
    // Three threads: this one and two workers share each phase's files.
    assert.deepEqual((await runScanJobs({ ...options, jobs: 3 }, context)).files, inWorkers.files);
  });

  it('reads the workspace index on every thread: the facts of a one-thread scan, and this thread keeps what it read of its files', async () => {
    const command = parseCommand(['scan', '.'], {});
    assert.equal(command.kind, 'scan');
    const options = command.options;
    const { ruleSet } = loadRuleSet([builtinPackRoot()]);
    const context: ScanContext = { cwd: dir, now: new Date('2026-01-15T00:00:00Z'), ruleSet };
    const data = ruleSetData(ruleSet);
    assert.ok(data);
    const listing = listScan(options, context);
    const items = indexItems(options, ruleSet.rules, listing);
    assert.ok(items && items.length > 100, 'manifests and Dockerfiles to index');
    const pool = new ScanWorkerPool({ options, cwd: dir, now: context.now, ruleSet: data }, 2);
    try {
      const kept = new IndexedReads();
      const indexed = await pool.index(items, (item) => factsOfItem(item, options.maxFileSize, kept), items.map((item) => fs.statSync(item.file).size));
      const facts = indexed.facts.filter((f) => f !== undefined);
      assert.deepEqual([...workspaceIndexOf(facts, options.maxFileSize).files.values()], [...(planScan(options, context).workspace as WorkspaceIndex).files.values()]);
      assert.deepEqual([...new Set(indexed.readBy)].sort(), [0, 1, 2], 'both workers and this thread read a share');
      // Ignore files are read as bytes, not kept (a Dockerfile's analysis reads them from the index).
      const here = items.filter((item, i) => indexed.readBy[i] === pool.workers && !isDockerignoreName(item.file));
      const missing = here.filter((item) => kept.take(item.file) === undefined).map((item) => path.relative(dir, item.file));
      assert.deepEqual(missing, [], 'this thread kept each file it read');
      assert.ok(items.every((item, i) => indexed.readBy[i] === pool.workers || kept.take(item.file) === undefined), 'and only those');
    } finally {
      await pool.close();
    }
  });

  it('stops a scan with the worker\'s error when a worker fails, and with this thread\'s when its own file throws', async () => {
    const command = parseCommand(['scan', '.'], {});
    assert.equal(command.kind, 'scan');
    const { ruleSet } = loadRuleSet([builtinPackRoot()]);
    const data = ruleSetData(ruleSet);
    assert.ok(data);
    const tasks = planScan(command.options, { cwd: dir, now: new Date(), ruleSet }).tasks.slice(0, 40);
    const init = { options: command.options, cwd: dir, now: new Date(), ruleSet: data };
    const broken = new ScanWorkerPool(init, 1);
    try {
      // Workloads without the index they complete: a defect of ours, which the worker reports rather than guessing.
      broken.updateWorkspace({ kind: 'workloads', workloads: [] });
      await assert.rejects(broken.scan(tasks), (err: Error) => err instanceof ScanWorkerError && /before the workspace index/.test(err.message));
    } finally {
      await broken.close();
    }
    const pool = new ScanWorkerPool(init, 1);
    try {
      await assert.rejects(pool.scan(tasks, false, () => {
        throw new Error('this thread failed');
      }), /this thread failed/);
    } finally {
      await pool.close();
    }
  });
});

describe('--jobs: parsing and how many workers', () => {
  const parse = (args: string[]) => {
    const command = parseCommand(['scan', ...args], {});
    assert.equal(command.kind, 'scan');
    return command.options;
  };

  it('reads a whole number from 1 to 256, and refuses anything else with a usage error', () => {
    assert.equal(parse(['--jobs', '4']).jobs, 4);
    assert.equal(parse(['-j', '1']).jobs, 1);
    assert.equal(parse([]).jobs, undefined);
    for (const bad of ['0', '-1', '1.5', 'x', '', '257', 'auto']) assert.throws(() => parse(['--jobs', bad]), UsageError, bad);
  });

  it('uses every core for a large scan, the main thread for a small one, on 2 cores or with fixes, and exactly --jobs when given', () => {
    const MiB = 1024 * 1024;
    assert.equal(workerCount({ fix: 'off' }, { files: 10_000, bytes: 200 * MiB }, 8), 8);
    assert.equal(workerCount({ fix: 'off' }, { files: 1_655, bytes: 20.6 * MiB }, 4), 4, 'the mixed bench tree on 4 cores');
    assert.equal(workerCount({ fix: 'off' }, { files: 1_655, bytes: 20.6 * MiB }, 2), 1, 'on 2 cores one worker costs more than it gives');
    assert.equal(workerCount({ fix: 'off' }, { files: 10_000, bytes: 200 * MiB }, 2), 1);
    assert.equal(workerCount({ fix: 'off', jobs: 2 }, { files: 10_000, bytes: 200 * MiB }, 2), 2, '--jobs still asks for them');
    assert.equal(workerCount({ fix: 'off' }, { files: 127, bytes: 1 * MiB }, 2), 1, 'a MiB of Dockerfiles: a worker would not pay back its start');
    assert.equal(workerCount({ fix: 'off' }, { files: 300, bytes: 7 * MiB }, 8), 2);
    assert.equal(workerCount({ fix: 'off' }, { files: 3_000, bytes: 1 * MiB }, 8), 3, 'each file has its fixed cost');
    assert.equal(workerCount({ fix: 'off' }, { files: 10, bytes: 3 * MiB }, 8), 1);
    assert.equal(workerCount({ fix: 'off', jobs: 3 }, { files: 2, bytes: 10 }, 8), 3);
    assert.equal(workerCount({ fix: 'write', jobs: 3 }, { files: 10_000, bytes: 200 * MiB }, 8), 1);
    assert.equal(workerCount({ fix: 'dry-run' }, { files: 10_000, bytes: 200 * MiB }, 8), 1);
  });
});
