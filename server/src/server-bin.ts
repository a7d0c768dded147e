// `bulwark-server` (dist/server.js): runs the server's bundle, dist/server-bundle.js (built from
// server.ts), through the V8 code cache (node/code-cache.ts). A server runs for hours: a missing cache
// is written once its first requests are answered, not only when it exits. Started without node flags,
// it runs the server in a node started with SERVER_NODE_FLAGS and SERVER_ENV (node/server-flags.ts).
import * as path from 'node:path';
import { runBundle } from './node/code-cache';
import { exposeGcWhenNotStartedWithIt, relaunchWithServerFlags } from './node/server-flags';

if (!relaunchWithServerFlags(process.argv.slice(2), __filename)) {
  exposeGcWhenNotStartedWithIt();
  runBundle(path.join(__dirname, 'server-bundle.js'), { name: 'server', parent: module, writeAfterMs: 20_000 });
}
