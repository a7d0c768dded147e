import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NOT_RUN_EXIT_CODE, NOT_RUN_PATTERN } from './electron/download-failure';

// Runs `npm run test:electron`'s runner (VS Code downloaded by @vscode/test-electron) from the default
// suite. Downloading is opt-in (BULWARK_TEST_ELECTRON=1) because tests must not reach the network by
// default; when opted in on a machine that cannot download VS Code, the test is skipped and says why.

const REPO_ROOT = path.resolve(__dirname, '..', '..');

interface RunResult {
  readonly code: number;
  readonly output: string;
}

function runRunner(): Promise<RunResult> {
  const runner = [process.execPath, '--import', 'tsx', path.join('test', 'e2e', 'electron', 'runTest.ts')];
  // Electron needs a display; on a headless Linux machine wrap it in a virtual one when available.
  const xvfb = !process.env.DISPLAY && fs.existsSync('/usr/bin/xvfb-run');
  const [command, ...args] = xvfb ? ['/usr/bin/xvfb-run', '-a', ...runner] : runner;
  return new Promise((resolve) => {
    execFile(command, args, { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 14 * 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

describe('@vscode/test-electron suite (npm run test:electron)', function () {
  this.timeout(15 * 60_000);

  it('passes in a downloaded VS Code', async function () {
    if (process.env.BULWARK_TEST_ELECTRON !== '1') {
      console.log('      skipped: VS Code download is opt-in; set BULWARK_TEST_ELECTRON=1 (or run `npm run test:electron`)');
      this.skip();
    }
    const { code, output } = await runRunner();
    const notRun = NOT_RUN_PATTERN.exec(output);
    if (code === NOT_RUN_EXIT_CODE && notRun) {
      console.log(`      skipped: @vscode/test-electron could not download VS Code (${notRun[1]}); suite not run`);
      this.skip();
    }
    assert.equal(code, 0, `the electron suite failed:\n${output}`);
  });
});
