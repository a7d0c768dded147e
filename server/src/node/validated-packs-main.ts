// Build step (esbuild.mjs): validates the built-in pack with the bundled loader and writes the
// snapshot that lets the CLI and the server skip re-validating it (validated-packs.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinPackRoot, loadValidatedPack } from './rule-packs';
import { VALIDATED_PACKS_FILE, writeValidatedPacks } from './validated-packs';

const outDir = process.argv[2] ?? __dirname;
const root = builtinPackRoot(outDir);
const { pack, errors } = loadValidatedPack(root);
if (errors.length > 0) {
  process.stderr.write(`the built-in pack has errors; no snapshot written:\n${errors.join('\n')}\n`);
  process.exitCode = 1;
  // An older build's snapshot would stand for the pack as it no longer is.
  fs.rmSync(path.join(outDir, VALIDATED_PACKS_FILE), { force: true });
} else {
  writeValidatedPacks(path.join(outDir, VALIDATED_PACKS_FILE), root, pack);
}
