import * as assert from 'node:assert/strict';
import { runCli } from '../../server/src/cli/run';
import { FIXTURE_WORKSPACE, TEST_PACK } from './cli-harness';

// Colour only on a terminal, and never with --no-color or NO_COLOR. A child process never has a
// terminal, so this runs the CLI in-process with a stdout that says it is one.

async function run(args: string[], env: Record<string, string> = {}, isTTY = true): Promise<string> {
  let out = '';
  await runCli(['scan', '--no-builtin', '--rules', TEST_PACK, '--fail-on', 'none', ...args], {
    cwd: FIXTURE_WORKSPACE,
    env,
    stdout: { isTTY, write: (text: string) => (out += text) },
    stderr: { write: () => undefined },
    now: new Date(),
  });
  return out;
}

const ESC = '\u001b[';

describe('bulwark CLI: colour', function () {
  it('colours severities on a terminal', async () => {
    const out = await run([]);
    assert.ok(out.includes(`${ESC}31mhigh${ESC}0m`), out);
  });

  it('never colours with --no-color, with NO_COLOR, off a terminal, or in json', async () => {
    assert.ok(!(await run(['--no-color'])).includes(ESC));
    assert.ok(!(await run([], { NO_COLOR: '1' })).includes(ESC));
    assert.ok(!(await run([], {}, false)).includes(ESC));
    assert.ok(!(await run(['--format', 'json'])).includes(ESC));
  });

  it('an empty NO_COLOR does not disable colour (no-color.org)', async () => {
    assert.ok((await run([], { NO_COLOR: '' })).includes(ESC));
  });
});
