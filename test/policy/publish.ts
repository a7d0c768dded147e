import * as assert from 'node:assert/strict';
import { runCli } from '../cli/cli-harness';
import type { RunningRegistry } from '../support/registry';

// What every registry-policy test starts from: a champion's example bundle (`bulwark policy init`), a
// key pair (`bulwark policy keygen`), and the bundle pushed and signed (`bulwark policy push`), all with
// the built CLI in `root`. Returns the reference and the pinned `REF@sha256:…`.

export const KEY_PASSWORD = 'test key password';

export function publishExampleBundle(root: string, registry: RunningRegistry, tag = 'stable'): { ref: string; pinned: string } {
  const env = { BULWARK_KEY_PASSWORD: KEY_PASSWORD };
  const ref = `${registry.host}/security/policy:${tag}`;
  for (const args of [['policy', 'init', 'bundle'], ['policy', 'keygen', '--out', 'keys']]) {
    const run = runCli(args, { cwd: root, env });
    assert.equal(run.status, 0, `bulwark ${args.join(' ')}: ${run.stderr}`);
  }
  const push = runCli(['policy', 'push', 'bundle', ref, '--key', 'keys/bulwark.key'], { cwd: root, env });
  assert.equal(push.status, 0, push.stderr);
  return { ref, pinned: push.stdout.trim() };
}
