// Bundles the three entry points. Rule packs are not bundled: they ship as data under rules/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};
// Only a scan run from the TypeScript sources (tests) starts its workers through tsx (cli/worker-pool.ts).
const sourceOnly = ['tsx/cjs'];

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', external: sourceOnly, banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', external: sourceOnly, banner: { js: '#!/usr/bin/env node' } }),
  // `bulwark scan --jobs`: the worker threads' code, loaded from beside dist/cli.js (cli/worker-pool.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/cli/scan-worker.ts'], outfile: 'dist/scan-worker.js' }),
]);

// The built-in pack, validated once here, ships as dist/validated-packs.json: startup then skips parsing
// and schema-checking the files that are byte-for-byte the ones validated (server/src/node/validated-packs.ts).
const snapshotBuilder = 'dist/validated-packs-build.js';
await esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: ['server/src/node/validated-packs-main.ts'], outfile: snapshotBuilder });
try {
  execFileSync(process.execPath, [snapshotBuilder, 'dist'], { stdio: 'inherit' });
} finally {
  fs.rmSync(snapshotBuilder, { force: true });
}
