import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureCliBuilt } from '../cli/cli-harness';
import { publishExampleBundle } from '../policy/publish';
import { registryUnavailable, startRegistry, type RunningRegistry } from '../support/registry';
import { skipUnlessRequired } from '../support/real-client';
import { findTools, startCodeServer, type RunningCodeServer } from './code-server/launch';
import { languageStatusText, openFile, openProblems, openWorkbench, waitForProblem } from './code-server/workbench';
import { waitFor } from './support/processes';
import { packageVsix, REPO_ROOT } from './support/vsix';

// The organisation's policy as a developer meets it in real VS Code (code-server): the security team's
// signed bundle sits in a real docker-registry; the user settings name it and its public key; the
// workspace's own settings try to point at another registry (and must be ignored). The bundle's rule
// shows in Problems and the language status names the bundle, its ref@digest and its verification.

const DOCKERFILE = 'FROM alpine:3.20\nRUN nc -z db 5432\n';
const BUNDLE_MESSAGE = 'RUN uses nc: raw network tools do not belong in build steps.';
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('VS Code extension in code-server: the organisation policy from a registry', function () {
  this.timeout(240_000);
  const { tools, missing } = findTools();
  let workDir = '';
  let registry: RunningRegistry | undefined;
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let pinned = '';

  before(async function () {
    if (!tools) skipUnlessRequired(this, missing ?? 'code-server tools missing');
    const noRegistry = registryUnavailable();
    if (noRegistry) skipUnlessRequired(this, noRegistry);
    if (!tools) return;
    ensureCliBuilt();
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-code-server-policy-'));
    registry = await startRegistry();
    pinned = publishExampleBundle(workDir, registry).pinned;
    const vsix = packageVsix(workDir);
    const folder = path.join(workDir, 'workspace');
    fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'Dockerfile'), DOCKERFILE);
    // A repository trying to choose its own policy: ignored, since only user settings count.
    fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'bulwark.policy.ref': `${registry.host}/evil/policy:stable`, 'bulwark.policy.publicKey': '' }, null, 2));
    server = await startCodeServer(tools, {
      vsix,
      workDir,
      folder,
      userSettings: { 'bulwark.policy.ref': `${registry.host}/security/policy:stable`, 'bulwark.policy.publicKey': path.join(workDir, 'keys', 'bulwark.pub') },
      env: { BULWARK_CACHE_DIR: path.join(workDir, 'policy-cache') },
    });
    const xdg = { XDG_CONFIG_HOME: path.join(workDir, 'chromium-config'), XDG_CACHE_HOME: path.join(workDir, 'chromium-cache') };
    browser = await chromium.launch({ executablePath: tools.chromium, args: CHROMIUM_ARGS, env: { ...process.env, ...xdg } });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openWorkbench(page, server.url, folder);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page.screenshot({ path: path.join(ARTIFACTS, `code-server-policy-failed-${name}.png`) }).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await registry?.stop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("shows the bundle's finding in Problems", async () => {
    await openFile(page, 'Dockerfile');
    await openProblems(page);
    await waitForProblem(page, BUNDLE_MESSAGE, true, 90_000);
    await page.screenshot({ path: path.join(ARTIFACTS, 'code-server-policy-problems.png') });
  });

  it('names the verified bundle and its ref@digest in the language status item; the workspace could not redirect it', async () => {
    const digestStart = pinned.split('@')[1].slice(0, 15);
    let shown = '';
    await waitFor('the policy in the language status item', async () => {
      shown = await languageStatusText(page);
      return shown.includes(digestStart) && shown.includes('signature verified') ? true : undefined;
    }, 60_000, () => shown);
    assert.ok(shown.includes(`security/policy:stable@${digestStart}`), shown);
    assert.ok(shown.includes('Bulwark: bundle 0.1.0'), shown);
    assert.ok(shown.includes('signature verified'), shown);
    assert.ok(!registry?.log().includes('/v2/evil/'), 'the workspace settings reached the registry');
    await page.screenshot({ path: path.join(ARTIFACTS, 'code-server-policy-status.png') });
    await page.keyboard.press('Escape');
  });
});
