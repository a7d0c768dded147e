import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBundle } from '../support/bundles';

// Runs the built CLI (dist/cli.js) as CI does: a real process, real exit code, real stdout/stderr.

export const REPO = path.join(__dirname, '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli.js');
export const FIXTURE_WORKSPACE = path.join(REPO, 'test', 'fixtures', 'workspace');
export const TEST_PACK = path.join(REPO, 'test', 'fixtures', 'packs', 'cli-test');
/** The literal in test/fixtures/workspace/k8s/deployment.yaml that cli-test-env-secret flags. */
export const FIXTURE_LITERAL = 'fixture-Pa55w0rd-not-real-9';
export const BROKEN_PACK = path.join(REPO, 'test', 'fixtures', 'packs', 'broken');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Builds dist/ when dist/cli.js is missing or older than the sources it bundles. */
export function ensureCliBuilt(): void {
  ensureBundle('cli.js');
}

export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  // SARIF of a scan carries every rule's documentation: past 1 MiB (spawnSync's default buffer) as the pack grows.
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? FIXTURE_WORKSPACE, env, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The test pack only, so these tests do not depend on which core rules exist. */
export function packArgs(): string[] {
  return ['--no-builtin', '--rules', TEST_PACK];
}

/** A private copy of the fixture workspace, for tests that write files or add ignored ones. */
export function copyWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cli-'));
  fs.cpSync(FIXTURE_WORKSPACE, dir, { recursive: true });
  return dir;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON (${err instanceof Error ? err.message : String(err)}):\n${text.slice(0, 2000)}`, { cause: err });
  }
}

