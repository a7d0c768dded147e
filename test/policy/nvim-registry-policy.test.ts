import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCliBuilt, removeDir } from '../cli/cli-harness';
import { ensureServerBuilt } from '../server/support/build';
import { skipUnlessRequired } from '../support/real-client';
import { registryUnavailable, startRegistry, type RunningRegistry } from '../support/registry';
import { publishExampleBundle } from './publish';

// Neovim's own LSP client (nobody here wrote it) with the organisation's policy in its init_options:
// the server pulls the signed bundle from Debian's real docker-registry and Neovim shows the bundle's
// rule on the Dockerfile it opened.

interface NvimResult {
  ok: boolean;
  error: string | null;
  initial_arrived?: boolean;
  initial?: { code: string | null; lnum: number; col: number }[];
}

describe('Neovim with a registry policy bundle', function () {
  this.timeout(120_000);
  let registry: RunningRegistry;
  let root: string;

  before(async function () {
    this.timeout(180_000);
    if (spawnSync('nvim', ['--version'], { encoding: 'utf8' }).error) skipUnlessRequired(this, 'nvim is not installed; run test/nvim/setup.sh');
    const missing = registryUnavailable();
    if (missing) skipUnlessRequired(this, missing);
    ensureCliBuilt();
    registry = await startRegistry();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-nvim-policy-'));
    publishExampleBundle(root, registry);
  });
  after(async () => {
    await registry?.stop();
    if (root) removeDir(root);
  });

  it("shows the bundle's rule, pulled and verified through the policy in init_options", async () => {
    const dockerfile = path.join(root, 'Dockerfile');
    fs.writeFileSync(dockerfile, 'FROM alpine:3.20\nRUN nc -z db 5432\n');
    const out = path.join(root, 'result.json');
    const env = {
      ...process.env,
      BULWARK_NODE: process.execPath,
      BULWARK_SERVER: ensureServerBuilt(),
      BULWARK_DOCKERFILE: dockerfile,
      BULWARK_OUT: out,
      BULWARK_RULE: 'example-run-netcat',
      BULWARK_EDIT: '0',
      BULWARK_POLICY_REF: `${registry.host}/security/policy:stable`,
      BULWARK_POLICY_KEY: path.join(root, 'keys', 'bulwark.pub'),
      BULWARK_CACHE_DIR: path.join(root, 'cache'),
    };
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${path.join(__dirname, '..', 'nvim', 'check.lua')}`], { env, stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    assert.ok(fs.existsSync(out), `nvim wrote no result (exit ${String(code)})`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
    assert.equal(result.error, null, String(result.error));
    assert.equal(result.initial_arrived, true, `the bundle rule arrived: ${JSON.stringify(result.initial)}`);
    const finding = result.initial?.find((d) => d.code === 'example-run-netcat');
    assert.deepEqual(finding && [finding.lnum, finding.col], [1, 4]);
  });
});
