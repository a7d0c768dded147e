// `bulwark` (dist/cli.js): runs the CLI's bundle, dist/cli-bundle.js (built from main.ts), through the
// V8 code cache (node/code-cache.ts). Kept apart from the bundle so that the cache can hold all of it.
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { runBundle } from '../node/code-cache';

// A scan is short-lived and cold: about 40% of its CPU is V8's optimising compiler on background threads.
// Without inlining that compiler has less to do; measured on the 20 MiB mixed bench tree, every rule, one
// thread, 5 runs each on the idle machine: 6.91 -> 6.07 CPU-s median, the same findings. Set before the
// bundle is compiled, so the code cache is made and checked under the same flags; workers share them.
v8.setFlagsFromString('--no-turbo-inlining');

// A scan writes a missing cache: it compiles what later scans need, where `--version` or `--help` would not.
runBundle(path.join(__dirname, 'cli-bundle.js'), { name: 'cli', parent: module, mayWrite: process.argv[2] === 'scan' });
