import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt } from '../server/support/build';
import { PIN_RULE, TEST_PACK, tempDir } from '../server/support/fixtures';
import { skipUnlessRequired } from '../support/real-client';

// A real LSP client nobody here wrote: Neovim's built-in client (push diagnostics only in 0.7).
// test/nvim/setup.sh installs it; without nvim the test is skipped with the reason printed.

interface NvimDiagnostic {
  code: string | null;
  source: string | null;
  message: string;
  severity: number;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  related: { uri: string; line: number; message: string }[];
}

interface NvimResult {
  ok: boolean;
  error: string | null;
  nvim: string;
  initial_arrived?: boolean;
  initial?: NvimDiagnostic[];
  cleared?: boolean;
  after_edit?: NvimDiagnostic[];
}

function runNvim(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${path.join(__dirname, 'check.lua')}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('Neovim as the LSP client', function () {
  this.timeout(60_000);
  let dir: string;

  before(function () {
    if (spawnSync('nvim', ['--version'], { encoding: 'utf8' }).error) {
      skipUnlessRequired(this, 'nvim is not installed; run test/nvim/setup.sh');
    }
    dir = tempDir('nvim');
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the pushed diagnostic on FROM node:latest and clears it after an edit', async () => {
    const dockerfile = path.join(dir, 'Dockerfile');
    fs.writeFileSync(dockerfile, 'FROM node:latest\nCMD ["node", "index.js"]\n');
    const out = path.join(dir, 'result.json');
    const env = { ...process.env, BULWARK_NODE: process.execPath, BULWARK_SERVER: ensureServerBuilt(), BULWARK_DOCKERFILE: dockerfile, BULWARK_OUT: out, BULWARK_PACK: TEST_PACK, BULWARK_RULE: PIN_RULE };
    const run = await runNvim(env, 50_000);
    assert.ok(fs.existsSync(out), `nvim wrote no result (exit ${String(run.code)}): ${run.stderr}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
    assert.equal(result.error, null, `check.lua failed: ${String(result.error)}`);
    assert.equal(result.initial_arrived, true, 'diagnostics arrived');
    const pin = result.initial?.find((d) => d.code === PIN_RULE);
    assert.ok(pin, `Neovim shows ${PIN_RULE}: ${JSON.stringify(result.initial)}`);
    assert.deepEqual([pin.lnum, pin.col, pin.end_lnum, pin.end_col], [0, 10, 0, 16]);
    assert.equal(pin.source, 'bulwark');
    assert.equal(pin.severity, 1, 'vim.diagnostic.severity.ERROR');
    assert.equal(result.cleared, true, 'the finding went away after the incremental edit');
    assert.equal(result.after_edit?.some((d) => d.code === PIN_RULE), false);
  });

  it('shows a cross-file finding on a manifest, pointing at the Dockerfile of the workspace that builds its image', async () => {
    const root = path.join(dir, 'workspace');
    fs.mkdirSync(path.join(root, 'api'), { recursive: true });
    fs.mkdirSync(path.join(root, 'deploy'), { recursive: true });
    const dockerfile = path.join(root, 'api', 'Dockerfile');
    fs.writeFileSync(dockerfile, 'FROM alpine:3.20\nUSER root\n');
    const manifest = path.join(root, 'deploy', 'api.yaml');
    fs.writeFileSync(manifest, 'apiVersion: v1\nkind: Pod\nmetadata: {name: api}\nspec:\n  securityContext: {runAsNonRoot: true}\n  containers: [{name: api, image: ghcr.io/acme/api:1.0}]\n');
    const out = path.join(dir, 'cross-file.json');
    const rule = 'k8s-image-user-conflict';
    const env = { ...process.env, BULWARK_NODE: process.execPath, BULWARK_SERVER: ensureServerBuilt(), BULWARK_DOCKERFILE: manifest, BULWARK_FILETYPE: 'yaml', BULWARK_ROOT: root, BULWARK_OUT: out, BULWARK_RULE: rule, BULWARK_EDIT: '0' };
    const run = await runNvim(env, 50_000);
    assert.ok(fs.existsSync(out), `nvim wrote no result (exit ${String(run.code)}): ${run.stderr}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
    assert.equal(result.error, null, `check.lua failed: ${String(result.error)}`);
    const finding = result.initial?.find((d) => d.code === rule);
    assert.ok(finding, `Neovim shows ${rule}: ${JSON.stringify(result.initial)}`);
    assert.deepEqual([finding.lnum, finding.col], [4, 34]);
    assert.deepEqual(finding.related.map((r) => [r.uri, r.line]), [[pathToFileURL(dockerfile).href, 1]]);
  });
});
