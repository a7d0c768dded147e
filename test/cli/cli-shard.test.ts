import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../server/src/cli/exit-codes';
import { mergeSarif } from '../../server/src/cli/merge-sarif';
import { inShard, parseShard } from '../../server/src/cli/shard';
import { copyWorkspace, ensureCliBuilt, packArgs, removeDir, runCli } from './cli-harness';
import type { SarifLog } from './sarif-shape';

// `bulwark scan --shard i/n` and `bulwark merge-sarif`: a CI matrix scans disjoint shares of the tree
// that together are the whole tree, and the merged SARIF is the unsharded scan's.

describe('shards', () => {
  const paths = Array.from({ length: 1000 }, (_, i) => `team-${i % 13}/svc-${i}/${i % 3 === 0 ? 'Dockerfile' : 'k8s/deploy.yaml'}`);

  it('puts every path in exactly one shard, for any shard count', () => {
    for (let count = 1; count <= 7; count++) {
      for (const p of paths) {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(p, { index, count }));
        assert.equal(owners.length, 1, `${p} in ${owners.length} of ${count} shards`);
      }
    }
  });

  it('spreads paths over the shards, and a Windows path lands where its / form does', () => {
    const sizes = [1, 2, 3, 4].map((index) => paths.filter((p) => inShard(p, { index, count: 4 })).length);
    for (const size of sizes) assert.ok(size > 150 && size < 350, `uneven shards: ${sizes.join(', ')}`);
    for (const index of [1, 2, 3]) assert.equal(inShard('a\\b\\Dockerfile', { index, count: 3 }), inShard('a/b/Dockerfile', { index, count: 3 }));
  });

  it('reads i/n and refuses anything else with a usage error', () => {
    assert.deepEqual(parseShard('2/5'), { index: 2, count: 5 });
    assert.deepEqual(parseShard(' 1 / 1 '), { index: 1, count: 1 });
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '-1/2', '1/2/3', '']) assert.throws(() => parseShard(bad), UsageError, bad);
  });
});

describe('bulwark CLI: --shard and merge-sarif', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    ensureCliBuilt();
    dir = copyWorkspace();
    // Enough files that three shards all get some.
    for (let i = 0; i < 24; i++) {
      fs.mkdirSync(path.join(dir, 'svc', `s${i}`), { recursive: true });
      fs.writeFileSync(path.join(dir, 'svc', `s${i}`, 'Dockerfile'), `FROM node:${i % 2 ? 'latest' : '20'}\nRUN echo ${i}\n`);
    }
  });
  after(() => removeDir(dir));

  const scan = (extra: string[]) => {
    const run = runCli(['scan', ...packArgs(), '--fail-on', 'none', ...extra], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };
  const filesOf = (json: string) => (JSON.parse(json) as { files: { path: string }[] }).files.map((f) => f.path);

  it('splits the files into disjoint shards whose union is the whole scan, the same on every run', () => {
    const whole = filesOf(scan(['--format', 'json']));
    assert.ok(whole.length >= 28, `${whole.length} files`);
    const shards = [1, 2, 3].map((i) => filesOf(scan(['--format', 'json', '--shard', `${i}/3`])));
    for (const shard of shards) assert.ok(shard.length > 0, 'every shard has files');
    const union = shards.flat();
    assert.equal(new Set(union).size, union.length, 'no file in two shards');
    assert.deepEqual([...union].sort(), [...whole].sort());
    assert.deepEqual(filesOf(scan(['--format', 'json', '--shard', '2/3'])), shards[1], 'stable');
  });

  it('merges the shards’ SARIF into the unsharded scan’s results, rules and outcome', () => {
    const whole = JSON.parse(scan(['--format', 'sarif'])) as SarifLog;
    const shardFiles = [1, 2, 3].map((i) => {
      const file = path.join(dir, `shard-${i}.sarif`);
      scan(['--format', 'sarif', '--shard', `${i}/3`, '--output', file, 'Dockerfile', 'README.md', 'k8s', 'services', 'sub', 'svc']);
      return file;
    });
    const merge = runCli(['merge-sarif', ...shardFiles], { cwd: dir });
    assert.equal(merge.status, 0, merge.stderr);
    const merged = JSON.parse(merge.stdout) as SarifLog;
    assert.equal(merged.version, '2.1.0');
    assert.equal(merged.runs.length, 1);
    const [run] = merged.runs;
    const [expected] = whole.runs;
    assert.ok(expected.results.length >= 12, `${expected.results.length} results`);
    assert.deepEqual(run.results, expected.results);
    assert.deepEqual(run.tool, expected.tool);
    assert.deepEqual(run.originalUriBaseIds, expected.originalUriBaseIds);
    assert.equal(run.invocations[0].executionSuccessful, expected.invocations[0].executionSuccessful);
    const notes = (log: SarifLog['runs'][number]) => log.invocations[0].toolExecutionNotifications.map((n) => JSON.stringify(n)).sort();
    assert.deepEqual(notes(run), notes(expected));
    // --output writes the same log.
    const out = path.join(dir, 'all.sarif');
    assert.equal(runCli(['merge-sarif', '-o', out, ...shardFiles], { cwd: dir }).status, 0);
    assert.equal(fs.readFileSync(out, 'utf8'), merge.stdout);
  });

  it('refuses a missing file or one that is not SARIF, naming it', () => {
    fs.writeFileSync(path.join(dir, 'not.sarif'), '{"version": "1.0"}');
    const missing = runCli(['merge-sarif', 'nope.sarif'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read "nope\.sarif"/);
    const wrong = runCli(['merge-sarif', 'not.sarif'], { cwd: dir });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /not\.sarif is not a SARIF 2\.1\.0 log/);
    assert.equal(runCli(['merge-sarif'], { cwd: dir }).status, 2);
  });
});

describe('mergeSarif', () => {
  const log = (rules: string[], results: [string, string][], ok = true, automation?: string) =>
    JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'bulwark', version: '1', rules: rules.map((id) => ({ id })) } },
          ...(automation ? { automationDetails: { id: automation } } : {}),
          invocations: [{ executionSuccessful: ok, toolExecutionNotifications: [] }],
          results: results.map(([ruleId, uri]) => ({ ruleId, ruleIndex: rules.indexOf(ruleId), locations: [{ physicalLocation: { artifactLocation: { uri } } }] })),
        },
      ],
    });

  it('unites rules by id and renumbers each result’s ruleIndex, ordering results folder by folder', () => {
    const merged = JSON.parse(
      mergeSarif([
        { name: 'a', text: log(['r1', 'r2'], [['r2', 'b/x'], ['r1', 'b-c/y']]) },
        { name: 'b', text: log(['r3', 'r2'], [['r3', 'a/z'], ['r2', 'b/a']], false) },
      ]),
    ) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; invocations: { executionSuccessful: boolean }[] }[] };
    const [run] = merged.runs;
    const ids = run.tool.driver.rules.map((r) => r.id);
    assert.deepEqual(ids, ['r1', 'r2', 'r3']);
    for (const r of run.results) assert.equal(ids[r.ruleIndex], r.ruleId);
    // A scan lists folder by folder: b/ (and all of it) comes before b-c/, though "b-" < "b/" as text.
    assert.deepEqual(run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri), ['a/z', 'b/a', 'b/x', 'b-c/y']);
    assert.equal(run.invocations[0].executionSuccessful, false, 'one shard failed');
  });

  it('keeps runs of another policy as runs of their own', () => {
    const merged = JSON.parse(mergeSarif([{ name: 'a', text: log(['r1'], [], true, 'bulwark/policy/x/') }, { name: 'b', text: log(['r1'], []) }])) as { runs: unknown[] };
    assert.equal(merged.runs.length, 2);
  });
});
