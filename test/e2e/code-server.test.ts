import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyze, applyFixes, autofixesOf, fixUntilStable, type Finding, type RuleSet } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { findTools, startCodeServer, type RunningCodeServer } from './code-server/launch';
import { applyQuickFixFromProblems, editorText, languageStatusText, openFile, openProblems, openWorkbench, problemsText, revealProblem, runCommand, waitForProblem } from './code-server/workbench';
import { commandLineOf, descendantsOf, waitFor } from './support/processes';
import { packageVsix, REPO_ROOT } from './support/vsix';
import { skipUnlessRequired } from '../support/real-client';

// The extension as a person meets it: the packaged .vsix installed into real VS Code (code-server),
// a folder opened in Restricted Mode, a Dockerfile with `FROM node:latest`, the finding in Problems,
// a quick fix applied from the lightbulb menu. Needs test/e2e/code-server/setup.sh; skips without it.

// The latest tag is the finding that matters; ADD of a local file is there for its autofix (ADD → COPY).
const DOCKERFILE = ['FROM node:latest', 'WORKDIR /app', 'ADD server.js /app/server.js', 'USER 10001', 'CMD ["node", "server.js"]', ''].join('\n');
// A file nobody opens: only "Bulwark: Scan workspace" can bring its finding into Problems.
const CLOSED_FILE = { path: 'services/api/Dockerfile', text: 'FROM python AS runtime\nUSER 10001\n' };
// Two safe fixes (ADD → COPY) for "Fix all", and a suggestion (remove sudo) that "Fix all" must leave alone.
const FIX_ALL_FILE = { path: 'fixall.dockerfile', text: 'FROM node:22.11.0\nUSER 10001\nADD a.js /app/a.js\nADD b.js /app/b.js\nRUN sudo make install\n' };
// An untrusted repository's attempt to hide findings: Restricted Mode must ignore every one of these.
const SILENCING_SETTINGS = {
  'bulwark.enable': false,
  'bulwark.severityOverrides': { 'docker-image-latest-tag': 'off' },
  'bulwark.exclude': ['**/Dockerfile'],
  'bulwark.maxFileSize': 1,
};
const LATEST_TAG_RULE = 'docker-image-latest-tag';
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('VS Code extension in code-server (real editor)', function () {
  this.timeout(240_000);
  const { tools, missing } = findTools();
  let workDir = '';
  let folder = '';
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let expected: Finding;
  let ruleSet: RuleSet;

  before(async function () {
    if (!tools) {
      skipUnlessRequired(this, missing ?? "code-server tools missing");
    }
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-code-server-'));
    // Rules are read right after packaging, so expectations match the rules inside the .vsix.
    const vsix = packageVsix(workDir);
    ruleSet = loadRuleSet([builtinPackRoot(REPO_ROOT)]).ruleSet;
    const finding = analyze({ uri: 'file:///w/Dockerfile', text: DOCKERFILE }, ruleSet).findings.find((f) => f.ruleId === LATEST_TAG_RULE);
    assert.ok(finding, `the core pack does not report ${LATEST_TAG_RULE} on FROM node:latest`);
    expected = finding;
    folder = path.join(workDir, 'workspace');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'Dockerfile'), DOCKERFILE);
    fs.mkdirSync(path.dirname(path.join(folder, CLOSED_FILE.path)), { recursive: true });
    fs.writeFileSync(path.join(folder, CLOSED_FILE.path), CLOSED_FILE.text);
    // Present from the start: quick open may not list a file created after the workbench indexed the folder.
    fs.writeFileSync(path.join(folder, FIX_ALL_FILE.path), FIX_ALL_FILE.text);
    fs.mkdirSync(path.join(folder, '.vscode'));
    fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify(SILENCING_SETTINGS, null, 2));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startCodeServer(tools, { vsix, workDir, folder });
    // Chromium writes crash reports and caches under XDG folders: keep them in the test's folder.
    const xdg = { XDG_CONFIG_HOME: path.join(workDir, 'chromium-config'), XDG_CACHE_HOME: path.join(workDir, 'chromium-cache') };
    browser = await chromium.launch({ executablePath: tools.chromium, args: CHROMIUM_ARGS, env: { ...process.env, ...xdg } });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openWorkbench(page, server.url, folder);
  });

  afterEach(async function () {
    // What a person would have seen when a step failed.
    if (this.currentTest?.state === 'failed' && page) {
      const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page.screenshot({ path: path.join(ARTIFACTS, `code-server-failed-${name}.png`) }).catch(() => undefined);
    }
  });

  after(async function () {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('shows the Bulwark finding for FROM node:latest in Problems, ignoring silencing workspace settings (Restricted Mode)', async () => {
    await openFile(page, 'Dockerfile');
    await openProblems(page);
    await waitForProblem(page, expected.message, true, 90_000);
    await page.screenshot({ path: path.join(ARTIFACTS, 'code-server-problems.png') });
  });

  it('shows the rule set in use in the language status item', async () => {
    const core = ruleSet.packs.find((p) => p.id === 'core');
    assert.ok(core, 'no core pack');
    const count = ruleSet.rules.filter((r) => r.meta.packId === 'core').length;
    const expectedText = `Bulwark: core ${core.version} · ${count} ${count === 1 ? 'rule' : 'rules'}`;
    let shown = '';
    await waitFor('the language status item', async () => ((shown = await languageStatusText(page)).includes(expectedText) ? true : undefined), 30_000, () => shown);
    await page.screenshot({ path: path.join(ARTIFACTS, 'code-server-status.png') });
    await page.keyboard.press('Escape');
  });

  it('"Bulwark: Show rule documentation" opens the docs of the rule under the cursor', async () => {
    await revealProblem(page, expected.message);
    await runCommand(page, 'Bulwark: Show rule documentation');
    await page.locator(`.tab[aria-label*="${LATEST_TAG_RULE}"]`).first().waitFor({ state: 'visible', timeout: 30_000 });
    // The rule's README when the pack ships one, else a page headed by its title: expect that heading.
    const meta = ruleSet.rules.find((r) => r.meta.id === LATEST_TAG_RULE)?.meta;
    const title = /^#+\s*(.+)$/m.exec(meta?.docs ?? '')?.[1]?.trim() ?? meta?.title ?? LATEST_TAG_RULE;
    await waitFor(`"${title}" in the preview`, async () => {
      for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
        const text = await frame.locator('body').textContent({ timeout: 1000 }).catch(() => '');
        if (text?.includes(title)) return true;
      }
      return undefined;
    }, 30_000);
    await page.screenshot({ path: path.join(ARTIFACTS, 'code-server-rule-docs.png') });
    await page.keyboard.press('Control+W');
    await page.locator('.tab.active[aria-label*="Dockerfile"]').waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('"Suppress with a reason" from the lightbulb menu puts the cursor in reason="", and the finding leaves Problems', async () => {
    await applyQuickFixFromProblems(page, expected.message, `Suppress ${LATEST_TAG_RULE} with a reason`);
    await page.keyboard.type('base image chosen by the platform team');
    await page.keyboard.press('Escape');
    await waitForProblem(page, expected.message, false, 60_000);
    const directive = `bulwark-ignore ${LATEST_TAG_RULE} reason="base image chosen by the platform team" until=`;
    const shown = await editorText(page);
    assert.ok(shown.split('\n')[0].startsWith(`# ${directive}`), `first line is not the directive:\n${shown}`);
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+S');
    await waitFor('the file to be saved', () => (fs.readFileSync(path.join(folder, 'Dockerfile'), 'utf8').includes(directive) ? true : undefined), 30_000);
    await page.screenshot({ path: path.join(ARTIFACTS, 'code-server-fixed.png') });
  });

  it('"Bulwark: Scan workspace" reports progress and brings findings of closed files into Problems', async () => {
    const closed = analyze({ uri: `file:///w/${CLOSED_FILE.path}`, text: CLOSED_FILE.text }, ruleSet).findings;
    assert.ok(closed.length > 0, `the core pack reports nothing on ${CLOSED_FILE.path}`);
    assert.ok(!(await problemsText(page)).includes(closed[0].message), 'the closed file has findings in Problems before the scan');
    const files = fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const findings = files.reduce((sum, e) => {
      const file = path.join(e.parentPath, e.name);
      return sum + analyze({ uri: `file://${file}`, text: fs.readFileSync(file, 'utf8') }, ruleSet).findings.length;
    }, 0);
    await runCommand(page, 'Bulwark: Scan workspace');
    await waitForProblem(page, closed[0].message, true, 60_000);
    const summary = `Bulwark scanned ${files.length} files: ${findings} ${findings === 1 ? 'finding' : 'findings'}.`;
    await page.locator('.notifications-toasts', { hasText: summary }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'Bulwark: scanning workspace' }).waitFor({ state: 'hidden', timeout: 30_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'code-server-scan.png') });
  });

  it('applies a preferred autofix from the lightbulb menu, and its finding leaves Problems', async function () {
    const file = path.join(folder, 'Dockerfile');
    const before = fs.readFileSync(file, 'utf8');
    const target = analyze({ uri: 'file:///w/Dockerfile', text: before }, ruleSet).findings.find((f) => f.fixes.filter((x) => x.kind === 'autofix').length === 1);
    assert.ok(target, 'a core rule offers exactly one autofix on this Dockerfile (ADD → COPY)');
    const fix = target.fixes.find((x) => x.kind === 'autofix');
    assert.ok(fix);
    const after = applyFixes(before, [fix]).text;
    await applyQuickFixFromProblems(page, target.message, fix.title);
    await waitForProblem(page, target.message, false, 60_000);
    assert.equal((await editorText(page)).trimEnd(), after.trimEnd());
    await page.keyboard.press('Control+S');
    await waitFor('the fixed file to be saved', () => (fs.readFileSync(file, 'utf8') === after ? true : undefined), 30_000);
    await page.screenshot({ path: path.join(ARTIFACTS, 'code-server-autofixed.png') });
  });

  it('"Bulwark: Restart server" replaces the server process, and findings come back', async () => {
    const serverPids = (): number[] => descendantsOf(server?.process.child.pid ?? -1).filter((pid) => /bulwark\.bulwark-[^/]+\/dist\/server\.js/.test(commandLineOf(pid)));
    const before = serverPids();
    assert.equal(before.length, 1, `expected one Bulwark server process, found ${before.length}`);
    const remaining = analyze({ uri: 'file:///w/Dockerfile', text: fs.readFileSync(path.join(folder, 'Dockerfile'), 'utf8') }, ruleSet).findings;
    assert.ok(remaining.length > 0, 'the open Dockerfile has no finding left to come back');
    await runCommand(page, 'Bulwark: Restart server');
    await waitFor('a new server process', () => {
      const now = serverPids();
      return now.length === 1 && now[0] !== before[0] ? true : undefined;
    }, 60_000, () => `server processes: ${serverPids().join(', ')}`);
    await waitForProblem(page, remaining[0].message, true, 60_000);
  });

  it('"Fix all safe problems in this file" from the lightbulb menu applies every autofix and no suggestion', async () => {
    const file = path.join(folder, FIX_ALL_FILE.path);
    fs.writeFileSync(file, FIX_ALL_FILE.text);
    const findings = analyze({ uri: `file:///w/${FIX_ALL_FILE.path}`, text: FIX_ALL_FILE.text }, ruleSet).findings;
    const safe = findings.filter((f) => f.fixes.some((x) => x.kind === 'autofix'));
    const suggested = findings.filter((f) => f.fixes.length > 0 && f.fixes.every((x) => x.kind === 'suggestion'));
    assert.equal(safe.length, 2, 'two ADD → COPY autofixes');
    assert.equal(suggested.length, 1, 'one suggestion-only finding (sudo)');
    const after = fixUntilStable(FIX_ALL_FILE.text, (text) => analyze({ uri: `file:///w/${FIX_ALL_FILE.path}`, text }, ruleSet), autofixesOf).text;
    assert.ok(after.includes('COPY a.js') && after.includes('COPY b.js') && after.includes('RUN sudo make install'), after);
    await openFile(page, FIX_ALL_FILE.path);
    await openProblems(page);
    await waitForProblem(page, safe[0].message, true, 60_000);
    await applyQuickFixFromProblems(page, safe[0].message, 'Fix all safe problems in this file');
    for (const f of safe) await waitForProblem(page, f.message, false, 60_000);
    assert.equal((await editorText(page)).trimEnd(), after.trimEnd());
    assert.ok((await problemsText(page)).includes(suggested[0].message), 'the suggestion-only finding stays');
    await page.keyboard.press('Control+S');
    await waitFor('the fixed file to be saved', () => (fs.readFileSync(file, 'utf8') === after ? true : undefined), 30_000);
    await page.screenshot({ path: path.join(ARTIFACTS, 'code-server-fix-all.png') });
  });

  it('applies a suggestion, which "Fix all" left alone, when a person picks it from the lightbulb menu', async () => {
    const file = path.join(folder, FIX_ALL_FILE.path);
    const before = fs.readFileSync(file, 'utf8');
    const target = analyze({ uri: `file:///w/${FIX_ALL_FILE.path}`, text: before }, ruleSet).findings.find((f) => f.fixes.length === 1 && f.fixes[0].kind === 'suggestion');
    assert.ok(target, 'the sudo finding and its suggestion');
    const after = applyFixes(before, [target.fixes[0]]).text;
    await applyQuickFixFromProblems(page, target.message, target.fixes[0].title);
    await waitForProblem(page, target.message, false, 60_000);
    assert.equal((await editorText(page)).trimEnd(), after.trimEnd());
    assert.ok(after.includes('RUN make install'), after);
    await page.keyboard.press('Control+S');
    await waitFor('the file to be saved', () => (fs.readFileSync(file, 'utf8') === after ? true : undefined), 30_000);
  });
});
