import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBundle } from '../support/bundles';

// What a CI pipeline gets from `npm pack`: one self-contained tarball (bundled dist, the built-in rules,
// the docs; no dependencies to fetch, no install scripts) that installs and runs in a fresh folder, the
// way docs/ci.md tells pipelines to use it. Installing it offline proves nothing is fetched.

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackedFile {
  readonly path: string;
}

describe('npm pack: the CLI tarball', function () {
  this.timeout(180_000);
  let work: string;
  let tarball: string;
  let files: string[];

  before(() => {
    ensureBundle('cli.js');
    ensureBundle('server.js');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-pack-'));
    // --ignore-scripts: pack the bundles this test run built instead of rebuilding them (prepack).
    const out = execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: REPO_ROOT, encoding: 'utf8' });
    const [packed] = JSON.parse(out) as { filename: string; files: PackedFile[] }[];
    tarball = path.join(work, packed.filename);
    files = packed.files.map((f) => f.path);
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('holds the bundles, every built-in rule and the docs, and nothing else', () => {
    for (const f of ['dist/cli.js', 'dist/cli-bundle.js', 'dist/scan-worker.js', 'dist/server.js', 'dist/server-bundle.js', 'dist/validated-packs.json', 'rules/core/pack.yaml', 'README.md', 'LICENSE', 'docs/cli.md', 'package.json']) {
      assert.ok(files.includes(f), `${f} is missing from the tarball`);
    }
    const ruleFiles = files.filter((f) => f.endsWith('/rule.yaml'));
    const ruleDirs = fs.readdirSync(path.join(REPO_ROOT, 'rules', 'core'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => fs.readdirSync(path.join(REPO_ROOT, 'rules', 'core', d.name)));
    assert.equal(ruleFiles.length, ruleDirs.length, 'one rule.yaml per built-in rule');
    assert.deepEqual(files.filter((f) => /(^|\/)(tests|node_modules|src)\//.test(f) || /\.(ts|map)$/.test(f)), []);
  });

  it('declares no dependencies and no install scripts', () => {
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as {
      dependencies?: object;
      scripts?: Record<string, string>;
    };
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
    const installScripts = ['preinstall', 'install', 'postinstall', 'prepare'].filter((s) => manifest.scripts?.[s] !== undefined);
    assert.deepEqual(installScripts, []);
  });

  it('installs globally offline and scans with the built-in rules', () => {
    const prefix = path.join(work, 'prefix');
    execFileSync(NPM, ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], { cwd: work, encoding: 'utf8' });
    const workspace = path.join(work, 'repo');
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM node:latest\nRUN curl -k https://example.com/install.sh | sh\n');
    const scan = spawnSync(path.join(prefix, 'bin', 'bulwark'), ['scan', '.', '--format', 'json', '--fail-on', 'high'], { cwd: workspace, encoding: 'utf8' });
    assert.equal(scan.status, 1, scan.stderr);
    const ruleIds = (JSON.parse(scan.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    assert.ok(ruleIds.includes('docker-image-latest-tag'), ruleIds.join(', '));
    assert.ok(ruleIds.includes('docker-tls-verify-disabled'), ruleIds.join(', '));
    // The worker threads' code ships beside the bundle: --jobs 2 finds it and reports the same bytes.
    const jobs = spawnSync(path.join(prefix, 'bin', 'bulwark'), ['scan', '.', '--format', 'json', '--fail-on', 'high', '--jobs', '2'], { cwd: workspace, encoding: 'utf8' });
    assert.equal(jobs.status, 1, jobs.stderr);
    assert.equal(jobs.stdout, scan.stdout);
    const server = spawnSync(path.join(prefix, 'bin', 'bulwark-server'), ['--version'], { encoding: 'utf8' });
    assert.equal(server.status, 0, server.stderr);
  });

  it('runs through npx --package from the tarball', () => {
    const run = spawnSync(NPM, ['exec', '--offline', '--yes', '--package', tarball, '--', 'bulwark', 'rules', '--format', 'json'], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, npm_config_cache: path.join(work, 'npm-cache') },
    });
    assert.equal(run.status, 0, run.stderr);
    const rules = (JSON.parse(run.stdout) as { rules: { id: string }[] }).rules;
    assert.ok(rules.some((r) => r.id === 'docker-image-latest-tag'));
  });
});
