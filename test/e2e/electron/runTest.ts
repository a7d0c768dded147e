import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { describeDownloadFailure, NOT_RUN_EXIT_CODE } from './download-failure';

// `npm run test:electron`: the extension inside a downloaded VS Code (Electron), driven through the
// vscode API. Exit codes: 0 the suite passed; 1 it failed; NOT_RUN_EXIT_CODE (2) VS Code could not be
// downloaded because the network is unreachable. `--allow-offline` (or BULWARK_ELECTRON_ALLOW_OFFLINE=1)
// turns that last case into 0, for machines that are known to be offline. Needs a display on Linux:
// run it under `xvfb-run -a`. VSCODE_EXECUTABLE_PATH skips the download; VSCODE_VERSION picks one.

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CACHE = path.join(REPO_ROOT, '.vscode-test');

async function main(): Promise<number> {
  const allowOffline = process.argv.includes('--allow-offline') || process.env.BULWARK_ELECTRON_ALLOW_OFFLINE === '1';
  let executable = process.env.VSCODE_EXECUTABLE_PATH;
  if (!executable) {
    try {
      executable = await downloadAndUnzipVSCode({ version: process.env.VSCODE_VERSION ?? 'stable', cachePath: CACHE, timeout: 30_000 });
    } catch (err) {
      const reason = describeDownloadFailure(err);
      if (!reason) throw err;
      console.log(`@vscode/test-electron: VS Code download not possible here (${reason}); suite not run`);
      return allowOffline ? 0 : NOT_RUN_EXIT_CODE;
    }
  }
  const suite = await bundleSuite();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-electron-'));
  try {
    const workspace = path.join(workDir, 'workspace');
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM node:latest\nWORKDIR /app\nUSER 10001\nCMD ["node", "server.js"]\n');
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: suite,
      extensionTestsEnv: { BULWARK_E2E_WORKSPACE: workspace },
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes', '--user-data-dir', path.join(workDir, 'user-data')],
    });
    return 0;
  } catch (err) {
    console.error(`@vscode/test-electron: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** The suite runs inside VS Code's extension host, which loads JavaScript: bundle it next to the cache. */
async function bundleSuite(): Promise<string> {
  const outfile = path.join(CACHE, 'electron-suite', 'index.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // mocha is bundled too: its package entry is ESM, which the extension host's require may not load.
    // (Its parallel-mode files, which esbuild warns about, are never used here.)
    external: ['vscode'],
    logLevel: 'error',
  });
  return outfile;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
