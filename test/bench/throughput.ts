import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { reapedChildrenCpu } from './proc';
import { median } from './stats';

// Whole-command throughput: each tool scans the same tree in the same run, in turn (A B C A B C…),
// timed from outside (wall clock, and the kernel's user + system CPU of the reaped process tree).

const REPO_ROOT = path.resolve(__dirname, '../..');

export interface Tree {
  readonly name: string;
  readonly dir: string;
  readonly files: number;
  readonly bytes: number;
}

export interface ToolRun {
  readonly tool: string;
  readonly tree: string;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  /** All runs' figures, in order; the medians above are what is quoted. */
  readonly walls: number[];
  readonly cpus: number[];
  readonly exitCodes: (number | null)[];
}

export interface Command {
  readonly tool: string;
  readonly argv: (dir: string) => string[];
}

/** Counts and reads every file once, so no tool pays for a cold page cache the others do not. */
export function sizeTree(name: string, dir: string): Tree {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        files++;
        bytes += fs.readFileSync(full).length;
      }
    }
  };
  walk(dir);
  return { name, dir, files, bytes };
}

async function runOnce(argv: readonly string[], cwd: string): Promise<{ wall: number; cpu: number; code: number | null }> {
  const before = reapedChildrenCpu();
  const start = process.hrtime.bigint();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('exit', (c) => resolve(c));
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const after = reapedChildrenCpu();
  return { wall, cpu: after.user - before.user + (after.system - before.system), code };
}

export async function measureTools(tree: Tree, commands: readonly Command[], runs: number): Promise<ToolRun[]> {
  const results = commands.map((c) => ({ tool: c.tool, tree: tree.name, walls: [] as number[], cpus: [] as number[], exitCodes: [] as (number | null)[] }));
  for (let r = 0; r < runs; r++) {
    for (const [i, c] of commands.entries()) {
      const once = await runOnce(c.argv(tree.dir), REPO_ROOT);
      results[i].walls.push(once.wall);
      results[i].cpus.push(once.cpu);
      results[i].exitCodes.push(once.code);
    }
  }
  return results.map((r) => ({ ...r, wallSeconds: median(r.walls), cpuSeconds: median(r.cpus) }));
}

/** Rule ids of the built-in pack, from the CLI itself (`bulwark rules --format json`). */
async function ruleIds(cliJs: string): Promise<string[]> {
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [cliJs, 'rules', '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(text));
  });
  return (JSON.parse(out) as { rules: { id: string }[] }).rules.map((r) => r.id);
}

/**
 * Bulwark with every rule and with the secret rules only, each on one core (`--jobs 1`) and on every
 * core (`--jobs N`, worker threads), and secretlint's recommended preset.
 */
export async function throughputCommands(cliJs: string): Promise<Command[]> {
  const off = (await ruleIds(cliJs)).filter((id) => !id.startsWith('secret-')).flatMap((id) => ['--severity-override', `${id}=off`]);
  const scratch = path.join(os.tmpdir(), 'bulwark-bench', 'cli');
  fs.mkdirSync(scratch, { recursive: true });
  const rc = path.join(scratch, 'secretlintrc.json');
  fs.writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const report = path.join(scratch, 'report');
  const secretlint = path.join(REPO_ROOT, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  const cores = os.availableParallelism();
  const bulwark = (what: string, extra: readonly string[]): Command[] =>
    [1, cores].map((jobs) => ({
      tool: `Bulwark (${what}, ${jobs === 1 ? '1 core' : `${jobs} cores`})`,
      argv: (dir: string) => [process.execPath, cliJs, 'scan', dir, '--format', 'json', '--fail-on', 'none', '-o', report, '--jobs', String(jobs), ...extra],
    }));
  return [
    ...bulwark('every rule', []),
    ...bulwark('secrets only', off),
    { tool: 'secretlint (preset-recommend)', argv: (dir) => [process.execPath, secretlint, `${dir}/**/*`, '--secretlintrc', rc, '--format', 'compact', '--maskSecrets', '--output', report] },
  ];
}

/** CLI startup: a scan of one one-line Dockerfile, beside node's own start (`node -e 0`). */
export async function measureStartup(cliJs: string, runs: number): Promise<{ cliWallMs: number; cliCpuMs: number; nodeWallMs: number; nodeCpuMs: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bench-startup-'));
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM debian:12\n');
  const cli: { wall: number; cpu: number }[] = [];
  const bare: { wall: number; cpu: number }[] = [];
  for (let r = 0; r < runs; r++) {
    cli.push(await runOnce([process.execPath, cliJs, 'scan', path.join(dir, 'Dockerfile'), '--format', 'json', '--fail-on', 'none'], REPO_ROOT));
    bare.push(await runOnce([process.execPath, '-e', '0'], REPO_ROOT));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    cliWallMs: median(cli.map((x) => x.wall * 1000)),
    cliCpuMs: median(cli.map((x) => x.cpu * 1000)),
    nodeWallMs: median(bare.map((x) => x.wall * 1000)),
    nodeCpuMs: median(bare.map((x) => x.cpu * 1000)),
  };
}
