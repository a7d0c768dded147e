import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { constants } from 'node:perf_hooks';
import { startWithTestPack, tempDir } from './support/fixtures';

// `bulwark-server --stdio` as Neovim, Helix and Emacs launch it: node without SERVER_NODE_FLAGS. The
// server then exposes `gc` itself (node/server-flags.ts), so it collects the young generation between
// keystrokes (lsp/idle-collection.ts) as it does when VS Code starts it with --expose-gc. The collections
// are read from test/bench/gc-observer.cjs's log: one the server asked for is logged as forced.

const URI = 'file:///tmp/bulwark-bin-flags/Dockerfile';
const DOCKERFILE = ['FROM node:latest', ...Array.from({ length: 200 }, (_, i) => `RUN echo step ${i} && apt-get install -y curl`), 'CMD ["node", "server.js"]', ''].join('\n');
/** Enough keystrokes to fill half of any young generation V8 starts with, many times over. */
const KEYSTROKES = 120;

function forcedMinorCollections(log: string): number {
  if (!fs.existsSync(log)) return 0;
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .map((line) => line.split(' ').map(Number))
    .filter(([kind, forced]) => kind === constants.NODE_PERFORMANCE_GC_MINOR && forced === 1).length;
}

describe('bulwark-server started without the VS Code launch flags', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = tempDir('bin-flags');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('collects the young generation between keystrokes, as when started with --expose-gc', async () => {
    const log = path.join(dir, 'gc.log');
    const client = await startWithTestPack({ mode: 'pull', nodeArgs: ['--require', path.resolve(__dirname, '../bench/gc-observer.cjs')], env: { BULWARK_GC_LOG: log } });
    try {
      client.open(URI, 'dockerfile', DOCKERFILE);
      await client.diagnostics(URI);
      const lines = DOCKERFILE.split('\n');
      for (let i = 0; i < KEYSTROKES; i++) {
        // A space typed at a line's end, then deleted.
        const line = 1 + (Math.floor(i / 2) % 200);
        const end = { line, character: lines[line].length };
        const typed = i % 2 === 0;
        client.change(URI, [{ range: { start: end, end: typed ? end : { line, character: end.character + 1 } }, text: typed ? ' ' : '' }]);
        await client.pull(URI);
      }
    } finally {
      await client.stop();
    }
    assert.ok(forcedMinorCollections(log) > 0, 'no collection asked for by the server: `gc` is not exposed');
  });
});
