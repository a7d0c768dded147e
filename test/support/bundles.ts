import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// `npm test` builds dist/ first. A test run on its own (npx mocha test/server/…) rebuilds the bundles
// the way esbuild.mjs does when the one it needs is missing or older than the sources.

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The path of dist/<bundle>, built first when stale: the built-in pack is part of the build (dist/validated-packs.json). */
export function ensureBundle(bundle: 'server.js' | 'cli.js'): string {
  const out = path.join(REPO_ROOT, 'dist', bundle);
  const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'server', 'src')), newestMtime(path.join(REPO_ROOT, 'rules')));
  if (fs.existsSync(out) && fs.statSync(out).mtimeMs >= sources) return out;
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0 || !fs.existsSync(out)) throw new Error(`node esbuild.mjs failed (${String(build.status)}):\n${build.stderr}`);
  return out;
}
