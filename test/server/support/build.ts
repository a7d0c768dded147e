import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * `npm test` builds dist/ first; when a test runs on its own (npx mocha test/server/…) and the bundle
 * is missing or older than the sources, rebuild just the server bundle the way esbuild.mjs does.
 */
export function ensureServerBuilt(): string {
  const stale = !fs.existsSync(SERVER_JS) || fs.statSync(SERVER_JS).mtimeMs < newestMtime(path.join(REPO_ROOT, 'server', 'src'));
  if (stale) {
    buildSync({
      entryPoints: [path.join(REPO_ROOT, 'server/src/server.ts')],
      outfile: SERVER_JS,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      logLevel: 'warning',
      banner: { js: '#!/usr/bin/env node' },
    });
  }
  return SERVER_JS;
}
