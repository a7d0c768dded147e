// `bulwark` (dist/cli.js): runs the CLI's bundle, dist/cli-bundle.js (built from main.ts), through the
// V8 code cache (node/code-cache.ts). Kept apart from the bundle so that the cache can hold all of it.
// No V8 flag is set here: a long scan sets its own once it has listed its files (cli/throughput-flags.ts).
import * as path from 'node:path';
import { runBundle } from '../node/code-cache';

// A scan writes a missing cache: it compiles what later scans need, where `--version` or `--help` would not.
runBundle(path.join(__dirname, 'cli-bundle.js'), { name: 'cli', parent: module, mayWrite: process.argv[2] === 'scan' });
