import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/run';

// The policy commands' usage and configuration errors, run in-process through the CLI's own entry:
// exit 2 and a message that names the problem, never a stack trace.

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    cwd,
    env: {},
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    now: new Date('2026-01-15T00:00:00Z'),
  });
  return { status, stdout, stderr };
}

describe('bulwark policy errors', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-policy-err-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('build of an invalid folder is exit 2 with every problem as file:line, and writes nothing', async () => {
    assert.equal((await cli(['policy', 'init', 'b', '--name', 'acme'], dir)).status, 0);
    fs.appendFileSync(path.join(dir, 'b', 'approved-images.yaml'), 'mirrors: [x]\n');
    const run = await cli(['policy', 'build', 'b', '-o', 'out.tar'], dir);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `bulwark: the policy bundle "${path.join(dir, 'b')}" is invalid (1 problem)\n  approved-images.yaml:12: the document has an unknown key "mirrors"\n`);
    assert.equal(fs.existsSync(path.join(dir, 'out.tar')), false);
  });

  it('build without -o, inspect of a file that is not a bundle, and test of a missing folder are exit 2', async () => {
    assert.equal((await cli(['policy', 'init', 'b'], dir)).status, 0);
    const noOut = await cli(['policy', 'build', 'b'], dir);
    assert.deepEqual([noOut.status, noOut.stderr.split('\n')[0]], [2, 'bulwark: policy build needs -o FILE']);
    fs.writeFileSync(path.join(dir, 'x.tar'), 'not a tar at all'.repeat(64));
    const inspect = await cli(['policy', 'inspect', 'x.tar'], dir);
    assert.deepEqual([inspect.status, inspect.stderr], [2, 'bulwark: entry at byte 0 has a bad header checksum (not a tar, or corrupt)\n']);
    const missing = await cli(['policy', 'test', 'nope'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^bulwark: cannot read the bundle folder ".*nope": ENOENT/);
  });

  it('inspect --key of a name without a registry host is a usage error, also for a long run of colons', async () => {
    const local = 'bulwark: --key applies to a registry reference; a local file or folder carries no signature\n';
    assert.deepEqual((await cli(['policy', 'inspect', 'a:b', '--key', 'k.pem'], dir)).stderr, local);
    // Once quadratic in the name's length (the registry-host test backtracked over the colons).
    assert.deepEqual((await cli(['policy', 'inspect', ':'.repeat(100_000), '--key', 'k.pem'], dir)).stderr, local);
  });

  it('init refuses a name that is not kebab-case; unknown flags and commands are usage errors', async () => {
    assert.deepEqual((await cli(['policy', 'init', 'x', '--name', 'Acme Policy'], dir)).stderr, 'bulwark: the bundle name "Acme Policy" must be kebab-case (use --name)\n');
    const flag = await cli(['policy', 'build', 'b', '--out', 'x'], dir);
    assert.equal(flag.status, 2);
    assert.match(flag.stderr, /^bulwark: policy build: unknown option '--out'/);
    const unknown = await cli(['policy', 'publish'], dir);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown policy command "publish" \(expected init, test, build, push, sign, verify, pull, inspect, lock/);
    const now = await cli(['policy', 'test', '.', '--now', '2026-02-30'], dir);
    assert.deepEqual([now.status, now.stderr], [2, 'bulwark: --now must be a date YYYY-MM-DD (got "2026-02-30")\n']);
  });

  it('test reports a symlink in the folder as a failed check', async () => {
    assert.equal((await cli(['policy', 'init', 'b'], dir)).status, 0);
    fs.symlinkSync('/etc/hostname', path.join(dir, 'b', 'packs', 'example', 'host.yaml'));
    const run = await cli(['policy', 'test', 'b'], dir);
    assert.deepEqual([run.status, run.stdout], [1, '✘ "packs/example/host.yaml" is a symbolic link; a bundle holds regular files only (copy the target in)\n']);
  });
});

describe('bulwark policy inspect with hostile bundle text', () => {
  it('prints a pack version and description with escapes, never raw control characters', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-policy-esc-'));
    try {
      assert.equal((await cli(['policy', 'init', 'b'], dir)).status, 0);
      fs.writeFileSync(path.join(dir, 'b', 'packs', 'example', 'pack.yaml'), 'id: example\nversion: "1.0\\u001b[2J\\u202e"\ndescription: x\n');
      const text = await cli(['policy', 'inspect', 'b'], dir);
      assert.equal(text.status, 0, text.stderr);
      assert.ok(text.stdout.includes('  example 1.0\\x1b[2J\\u202e: 1 rule\n'), text.stdout);
      const json = await cli(['policy', 'inspect', 'b', '--format', 'json'], dir);
      assert.doesNotMatch(json.stdout, /[\u001b\u202e]/);
      assert.equal((JSON.parse(json.stdout) as { packs: { version: string }[] }).packs[0].version, '1.0\u001b[2J\u202e');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
