import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCliBuilt, removeDir, runCli } from '../cli/cli-harness';
import { requireRegistry, startRegistry, type RunningRegistry } from '../support/registry';

// What every registry-policy test starts from: the real docker-registry on loopback and a fresh folder
// (startPolicyRegistry), then a champion's example bundle (`bulwark policy init`), a key pair
// (`bulwark policy keygen`), and the bundle pushed and signed (`bulwark policy push`), all with the built
// CLI in that folder (publishExampleBundle).

export const KEY_PASSWORD = 'test key password';

/** The Dockerfile of the tests' workspaces: the example bundle's rule (example-run-netcat) fires on line 2. */
export const NETCAT_DOCKERFILE = 'FROM alpine:3.20\nRUN nc -z db 5432\n';

export interface PolicyRegistry {
  readonly registry: RunningRegistry;
  /** A fresh folder the CLI runs in. */
  readonly root: string;
}

/**
 * For a mocha `before`: skips without docker-registry (fails under BULWARK_REQUIRE_REAL_CLIENTS=1), builds
 * the CLI, starts the registry and makes the folder `bulwark-<name>-…` with `files` (relative path → text).
 */
export async function startPolicyRegistry(ctx: Mocha.Context, name: string, files: Readonly<Record<string, string>> = {}): Promise<PolicyRegistry> {
  ctx.timeout(180_000);
  requireRegistry(ctx);
  ensureCliBuilt();
  const registry = await startRegistry();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `bulwark-${name}-`));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return { registry, root };
}

/** For a mocha `after`: what startPolicyRegistry started, stopped and removed (either may be missing after a skip). */
export async function stopPolicyRegistry(registry: RunningRegistry | undefined, root: string | undefined): Promise<void> {
  await registry?.stop();
  if (root) removeDir(root);
}

/** Publishes the example bundle as `<registry>/security/policy:<tag>`: the reference, `REF@sha256:…` and the digest. */
export function publishExampleBundle(root: string, registry: RunningRegistry, tag = 'stable'): { ref: string; pinned: string; digest: string } {
  const env = { BULWARK_KEY_PASSWORD: KEY_PASSWORD };
  const ref = `${registry.host}/security/policy:${tag}`;
  for (const args of [['policy', 'init', 'bundle'], ['policy', 'keygen', '--out', 'keys']]) {
    const run = runCli(args, { cwd: root, env });
    assert.equal(run.status, 0, `bulwark ${args.join(' ')}: ${run.stderr}`);
  }
  const push = runCli(['policy', 'push', 'bundle', ref, '--key', 'keys/bulwark.key'], { cwd: root, env });
  assert.equal(push.status, 0, push.stderr);
  const pinned = push.stdout.trim();
  return { ref, pinned, digest: pinned.split('@')[1] };
}
