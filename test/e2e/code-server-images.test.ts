import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startImageRegistry, type ImageRegistry } from '../support/image-registry';
import { skopeoRawDigest } from '../support/oci-images';
import { skipUnlessRequired } from '../support/real-client';
import { findTools, startCodeServer, type RunningCodeServer } from './code-server/launch';
import { applyQuickFixFromProblems, editorText, openFile, openProblems, openWorkbench, waitForProblem } from './code-server/workbench';
import { waitFor } from './support/processes';
import { packageVsix, REPO_ROOT } from './support/vsix';

// Issue 6 as a developer meets it in real VS Code (code-server): the user setting names the
// organisation's approved-images list; `FROM node:22` is reported with the approved replacement; the
// lightbulb's "Replace with the approved image" writes the replacement pinned to the digest the real
// docker-registry serves for it, and the finding leaves the Problems panel.

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('VS Code extension in code-server: the approved image from the lightbulb, pinned to the registry digest', function () {
  this.timeout(300_000);
  const { tools, missing } = findTools();
  let workDir = '';
  let images: ImageRegistry | undefined;
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    if (!tools) skipUnlessRequired(this, missing ?? 'code-server tools missing');
    if (!tools) return;
    images = await startImageRegistry(this);
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-code-server-images-'));
    const vsix = packageVsix(workDir);
    const folder = path.join(workDir, 'workspace');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'Dockerfile'), 'FROM node:22\nRUN echo hi\n');
    const list = path.join(workDir, 'approved-images.yaml');
    fs.writeFileSync(list, [`registries: [${images.registry.host}]`, 'replacements:', '  - from: docker.io/library/node', `    to: ${images.node}`, ''].join('\n'));
    server = await startCodeServer(tools, { vsix, workDir, folder, userSettings: { 'bulwark.approvedImages.file': list }, env: { DOCKER_CONFIG: workDir } });
    const xdg = { XDG_CONFIG_HOME: path.join(workDir, 'chromium-config'), XDG_CACHE_HOME: path.join(workDir, 'chromium-cache') };
    browser = await chromium.launch({ executablePath: tools.chromium, args: CHROMIUM_ARGS, env: { ...process.env, ...xdg } });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultNavigationTimeout(120_000); // the first load compiles the workbench; slow on a busy CI machine
    await openWorkbench(page, server.url, folder);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page.screenshot({ path: path.join(ARTIFACTS, `code-server-images-failed-${name}.png`) }).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await images?.stop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('replaces FROM node:22 with the approved image pinned to the served digest; the finding is gone', async () => {
    const node = images!.node;
    const message = `Image "node:22" is not an approved image. Use "${node}" instead.`;
    await openFile(page, 'Dockerfile');
    await openProblems(page);
    await waitForProblem(page, message, true, 90_000);
    const pinned = `${node}@${skopeoRawDigest(node)}`;
    // VS Code resolves code actions: the first lightbulb may offer the replacement before the registry
    // answered (titled without the digest); either way, the edit applied is the pinned one.
    await applyQuickFixFromProblems(page, message, `Replace with the approved image ${node}`);
    let shown = '';
    await waitFor('the pinned FROM in the editor', async () => {
      shown = await editorText(page);
      return shown.startsWith(`FROM ${pinned}`) ? true : undefined;
    }, 30_000, () => shown);
    assert.equal(shown.trimEnd(), `FROM ${pinned}\nRUN echo hi`);
    await waitForProblem(page, 'is not an approved image', false, 60_000);
    await page.screenshot({ path: path.join(ARTIFACTS, 'code-server-images-replaced.png') });
  });
});
