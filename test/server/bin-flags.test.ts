import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { constants } from 'node:perf_hooks';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/protocol/server-process';
import { startWithTestPack, tempDir } from './support/fixtures';
import type { LspTestClient } from './support/lsp-test-client';

// `bulwark-server --stdio` as Neovim, Helix and Emacs launch it: node without SERVER_NODE_FLAGS. The bin
// then runs the server in a node started with them and SERVER_ENV; a launcher that passed node flags of
// its own is followed, and the server there still exposes `gc` (node/server-flags.ts). Either way it
// collects the young generation between keystrokes (lsp/idle-collection.ts), read from
// test/bench/gc-observer.cjs's log: a collection the server asked for is logged as forced.

const URI = 'file:///tmp/bulwark-bin-flags/Dockerfile';
const LINES = ['FROM node:latest', ...Array.from({ length: 200 }, (_, i) => `RUN echo step ${i} && apt-get install -y curl`), 'CMD ["node", "server.js"]', ''];
/** Enough keystrokes to fill half of the young generation many times over (~19 collections seen in 120). */
const KEYSTROKES = 120;
const OBSERVER = path.resolve(__dirname, '../bench/gc-observer.cjs');

function forcedMinorCollections(log: string): number {
  if (!fs.existsSync(log)) return 0;
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .map((line) => line.split(' ').map(Number))
    .filter(([kind, forced]) => kind === constants.NODE_PERFORMANCE_GC_MINOR && forced === 1).length;
}

/** Types a space at line ends and deletes it, pulling diagnostics after each keystroke. */
async function type(client: LspTestClient): Promise<void> {
  client.open(URI, 'dockerfile', LINES.join('\n'));
  await client.diagnostics(URI);
  for (let i = 0; i < KEYSTROKES; i++) {
    const line = 1 + (Math.floor(i / 2) % 200);
    const end = { line, character: LINES[line].length };
    const typed = i % 2 === 0;
    client.change(URI, [{ range: { start: end, end: typed ? end : { line, character: end.character + 1 } }, text: typed ? ' ' : '' }]);
    await client.pull(URI);
  }
}

/** The processes the server process started (Linux /proc). */
function children(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

describe('bulwark-server started without the VS Code launch flags', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = tempDir('bin-flags');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs the server with SERVER_NODE_FLAGS and SERVER_ENV, collecting between keystrokes', async () => {
    const log = path.join(dir, 'relaunched.log');
    // NODE_OPTIONS, not node flags: the bin sees a node started without flags, as from a shell.
    const client = await startWithTestPack({ mode: 'pull', env: { NODE_OPTIONS: `--require ${OBSERVER}`, BULWARK_GC_LOG: log } });
    try {
      await type(client);
      const [server] = children(client.process.pid ?? 0);
      if (server !== undefined) {
        const argv = fs.readFileSync(`/proc/${server}/cmdline`, 'utf8').split('\0');
        for (const flag of SERVER_NODE_FLAGS) assert.ok(argv.includes(flag), `${flag} in ${argv.join(' ')}`);
        const env = fs.readFileSync(`/proc/${server}/environ`, 'utf8').split('\0');
        for (const [name, value] of Object.entries(SERVER_ENV)) assert.ok(env.includes(`${name}=${value}`), `${name}=${value} in the server's environment`);
      } else if (process.platform === 'linux') {
        assert.fail('the bin started no server process');
      }
    } finally {
      await client.stop();
    }
    assert.equal(client.process.exitCode, 0, 'the bin exits as its server does, after shutdown and exit');
    assert.ok(forcedMinorCollections(log) > 0, 'no collection asked for by the server');
  });

  it('follows a launcher that passed node flags of its own, and still collects between keystrokes', async () => {
    const log = path.join(dir, 'launcher.log');
    const client = await startWithTestPack({ mode: 'pull', nodeArgs: ['--require', OBSERVER], env: { BULWARK_GC_LOG: log } });
    try {
      await type(client);
      assert.deepEqual(children(client.process.pid ?? 0), [], 'the server runs in the process the launcher started');
    } finally {
      await client.stop();
    }
    assert.ok(forcedMinorCollections(log) > 0, 'no collection asked for by the server: `gc` is not exposed');
  });
});
