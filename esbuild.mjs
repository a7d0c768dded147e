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
// The bins' bundles are read, hashed (code-cache.ts) and decoded as text at every start: without the
// whitespace and with shorter syntax they are a third smaller, and keep their names for stack traces.
const compact = production ? {} : { minifyWhitespace: true, minifySyntax: true };
// esbuild gives every module that imports a CommonJS module (node's built-ins, yaml, the language server
// library) its own ES namespace copy of it, one getter per export: 28 copies of node:fs' ~100 exports, 20
// of yaml's, 17 of vscode-languageserver/node's 320 in the server, evaluated at each start (~0.5 MB
// kept). Importing them through one shared ES module each makes one copy per module.
const sharedNamespaces = {
  name: 'shared-namespaces',
  setup(build) {
    build.onResolve({ filter: /^(node:[a-z_/]+|yaml|vscode-languageserver\/node)$/ }, (args) => (args.namespace === 'shared-namespace' || args.kind !== 'import-statement' ? undefined : { path: args.path, namespace: 'shared-namespace' }));
    build.onLoad({ filter: /.*/, namespace: 'shared-namespace' }, (args) => ({ contents: `export * from ${JSON.stringify(args.path)};`, resolveDir: process.cwd(), loader: 'js' }));
  },
};
// Only a scan run from the TypeScript sources (tests) starts its workers through tsx (cli/worker-pool.ts).
const sourceOnly = ['tsx/cjs'];

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The bins (dist/server.js, dist/cli.js) are small launchers that run these bundles through a V8 code
  // cache (server/src/node/code-cache.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server-bundle.js', external: sourceOnly, plugins: [sharedNamespaces], ...compact }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-bundle.js', external: sourceOnly, plugins: [sharedNamespaces], ...compact }),
  esbuild.build({ ...common, entryPoints: ['server/src/server-bin.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // `bulwark scan --jobs`: the worker threads' code, loaded from beside dist/cli.js (cli/worker-pool.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/cli/scan-worker.ts'], outfile: 'dist/scan-worker.js', plugins: [sharedNamespaces], ...compact }),
]);

// V8 keeps a script's source in memory for as long as the process lives, as one byte per character only
// when every character is Latin-1: a single `…` left in a comment or a regex literal (esbuild escapes
// strings, not those) doubles the language server's 2 MB bundle source to 4 MB of resident memory.
for (const bundle of ['dist/server-bundle.js', 'dist/cli-bundle.js']) {
  const lines = fs.readFileSync(bundle, 'utf8').split('\n');
  const wide = lines.findIndex((line) => /[^\u0000-\u00ff]/.test(line));
  if (wide >= 0) throw new Error(`${bundle}:${wide + 1} has a character beyond Latin-1 (write it as \\uXXXX in a regex, in ASCII in a comment): ${lines[wide].trim().slice(0, 120)}`);
}

// The built-in pack, validated once here, ships as dist/validated-packs.json: startup then skips parsing
// and schema-checking the files that are byte-for-byte the ones validated (server/src/node/validated-packs.ts).
const snapshotBuilder = 'dist/validated-packs-build.js';
await esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: ['server/src/node/validated-packs-main.ts'], outfile: snapshotBuilder });
try {
  execFileSync(process.execPath, [snapshotBuilder, 'dist'], { stdio: 'inherit' });
} finally {
  fs.rmSync(snapshotBuilder, { force: true });
}
