import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The .vsix under test: $BULWARK_VSIX when set (CI may package once), otherwise the current dist/
 * bundles packaged into `outDir` exactly as `npm run package` would, minus the production rebuild.
 */
export function packageVsix(outDir: string): string {
  const given = process.env.BULWARK_VSIX;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`BULWARK_VSIX=${given} does not exist`);
    return given;
  }
  for (const bundle of ['extension.js', 'server.js']) {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', bundle))) throw new Error(`dist/${bundle} is missing: run \`npm run build\` first`);
  }
  const out = path.join(outDir, 'bulwark.vsix');
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
  return out;
}
