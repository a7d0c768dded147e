import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PolicyCache, pullPolicy, type PolicyContext, type PolicySource } from '../../server/src/node/policy';
import { LspTestClient } from '../server/support/lsp-test-client';
import { registryUnavailable, startRegistry } from '../support/registry';
import { percentile } from './latency';

// The policy bundle's costs as users feel them (issue: "Measure"), against Debian's real docker-registry
// on loopback: a cold pull + verify + activate of a 200-rule bundle, a warm refresh (one HEAD), and the
// editor's start-up to first diagnostics with a cached bundle versus none. Prints figures; asserts nothing.

const REPO_ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const RULES = 200;
const DOCKERFILE = 'FROM alpine:3.20\nRUN nc -z db 5432\nRUN cmd7 --flag\n';

export interface PolicyBenchResult {
  readonly rules: number;
  readonly coldPullMs: number[];
  readonly warmRefreshMs: number[];
  readonly startupWithoutPolicyMs: number[];
  readonly startupWithCachedPolicyMs: number[];
  readonly startupCpuWithoutPolicyMs: number[];
  readonly startupCpuWithCachedPolicyMs: number[];
}

function cli(args: string[], cwd: string, env: Record<string, string>): string {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bulwark ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

/** A bundle source folder with `count` RUN-command rules in one pack. */
function writeBundle(dir: string, count: number): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'policy.yaml'), 'name: bench-policy\nversion: 1.0.0\nminEngineVersion: 0.1.0\nrules:\n  disabled: []\n  severity: {}\n  nonWaivable: []\n');
  const pack = path.join(dir, 'packs', 'bench');
  fs.mkdirSync(pack, { recursive: true });
  fs.writeFileSync(path.join(pack, 'pack.yaml'), 'id: bench\nversion: 1.0.0\ndescription: Generated rules for the policy benchmark.\n');
  for (let i = 0; i < count; i++) {
    const id = `bench-run-cmd${i}`;
    const rule = path.join(pack, 'dockerfile', id);
    fs.mkdirSync(rule, { recursive: true });
    fs.writeFileSync(
      path.join(rule, 'rule.yaml'),
      `id: ${id}\ntitle: cmd${i} used in RUN\nseverity: low\nconfidence: high\nmessage: 'RUN uses {{command}}.'\ndescription: Generated.\nremediation: Remove it.\nmatch:\n  template: dockerfile-run-command\n  params:\n    commands: [cmd${i}]\n`,
    );
    fs.writeFileSync(path.join(rule, 'README.md'), `# ${id}\n\nGenerated for the benchmark.\n`);
  }
}

/** Wall time to the first diagnostics, and the server's CPU time by then (Linux: /proc; else NaN). */
async function timeStartup(options: Parameters<typeof LspTestClient.start>[0], file: string): Promise<{ wallMs: number; cpuMs: number }> {
  const start = process.hrtime.bigint();
  const client = await LspTestClient.start(options);
  try {
    const uri = pathToFileURL(file).href;
    client.open(uri, 'dockerfile', DOCKERFILE);
    await client.pull(uri);
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    return { wallMs, cpuMs: cpuTimeMs(client.process.pid) };
  } finally {
    await client.stop();
  }
}

/**
 * utime + stime of a process from /proc/<pid>/stat (clock ticks, 100 per second on Linux). On a machine
 * shared with other jobs, CPU time shows what start-up costs better than wall time does.
 */
function cpuTimeMs(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

export async function measurePolicy(runs = 5): Promise<PolicyBenchResult | string> {
  const missing = registryUnavailable();
  if (missing) return `policy bench skipped: ${missing}`;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-policy-bench-'));
  const registry = await startRegistry();
  try {
    const env = { BULWARK_KEY_PASSWORD: 'bench', BULWARK_CACHE_DIR: path.join(root, 'cli-cache') };
    writeBundle(path.join(root, 'bundle'), RULES);
    cli(['policy', 'keygen', '--out', 'keys'], root, env);
    const ref = `${registry.host}/security/policy:bench`;
    cli(['policy', 'push', 'bundle', ref, '--key', 'keys/bulwark.key'], root, env);
    const source: PolicySource = { ref, publicKeyPem: fs.readFileSync(path.join(root, 'keys', 'bulwark.pub'), 'utf8') };
    const context = (cacheDir: string): PolicyContext => ({ cache: new PolicyCache(cacheDir), engineVersion: '0.1.0', now: () => new Date(), registry: { env: {} } });

    const coldPullMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      await pullPolicy(source, context(path.join(root, `cold-${i}`)));
      coldPullMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const warm = context(path.join(root, 'warm'));
    const inForce = (await pullPolicy(source, warm)).active;
    const warmRefreshMs: number[] = [];
    for (let i = 0; i < runs * 4; i++) {
      const start = process.hrtime.bigint();
      // As the editor refreshes: it already applies the bundle, so an unchanged tag costs one HEAD.
      const result = await pullPolicy(source, warm, inForce);
      if (result.changed) throw new Error('a warm refresh downloaded the bundle again');
      warmRefreshMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    }

    // Start-up with the cached bundle is measured with the registry stopped: no network on that path.
    const editorCache = path.join(root, 'editor-cache');
    await pullPolicy(source, context(editorCache));
    await registry.stop();
    const file = path.join(root, 'Dockerfile');
    fs.writeFileSync(file, DOCKERFILE);
    const startupWithoutPolicyMs: number[] = [];
    const startupWithCachedPolicyMs: number[] = [];
    const startupCpuWithoutPolicyMs: number[] = [];
    const startupCpuWithCachedPolicyMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const without = await timeStartup({ mode: 'pull' }, file);
      const cached = await timeStartup(
        { mode: 'pull', initializationOptions: { policy: { ref, publicKey: source.publicKeyPem } }, env: { BULWARK_CACHE_DIR: editorCache } },
        file,
      );
      startupWithoutPolicyMs.push(without.wallMs);
      startupWithCachedPolicyMs.push(cached.wallMs);
      startupCpuWithoutPolicyMs.push(without.cpuMs);
      startupCpuWithCachedPolicyMs.push(cached.cpuMs);
    }
    return { rules: RULES, coldPullMs, warmRefreshMs, startupWithoutPolicyMs, startupWithCachedPolicyMs, startupCpuWithoutPolicyMs, startupCpuWithCachedPolicyMs };
  } finally {
    await registry.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function policyReport(result: PolicyBenchResult): string {
  const row = (label: string, samples: readonly number[], goal: string) =>
    `${label.padEnd(52)} ${[50, 100].map((p) => percentile(samples, p).toFixed(1).padStart(8)).join(' ')} ${Math.min(...samples).toFixed(1).padStart(8)}  ${goal}`;
  const added = percentile(result.startupWithCachedPolicyMs, 50) - percentile(result.startupWithoutPolicyMs, 50);
  const addedCpu = percentile(result.startupCpuWithCachedPolicyMs, 50) - percentile(result.startupCpuWithoutPolicyMs, 50);
  return [
    `Policy bundle (${result.rules} rules, Debian docker-registry on loopback)    median      max      min`,
    row('cold pull + verify + activate', result.coldPullMs, ''),
    row('warm refresh (unchanged: one HEAD)', result.warmRefreshMs, ''),
    row('editor start → first diagnostics, no policy', result.startupWithoutPolicyMs, ''),
    row('editor start → first diagnostics, cached bundle', result.startupWithCachedPolicyMs, `registry stopped: no network on this path`),
    row('server CPU by first diagnostics, no policy', result.startupCpuWithoutPolicyMs, '/proc utime+stime, 10 ms ticks'),
    row('server CPU by first diagnostics, cached bundle', result.startupCpuWithCachedPolicyMs, ''),
    `cached bundle adds ${added.toFixed(1)} ms to start-up (median wall; goal ≤ 50 ms) ${added <= 50 ? 'met' : 'MISSED'}; ${addedCpu.toFixed(1)} ms of server CPU (median)`,
  ].join('\n');
}

if (require.main === module) {
  void measurePolicy(Number(process.argv[2]) || 5).then((result) => console.log(typeof result === 'string' ? result : policyReport(result)));
}
