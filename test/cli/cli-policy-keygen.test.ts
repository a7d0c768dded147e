import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COSIGN_PRIVATE_KEY_LABEL, decryptPrivateKey, parsePublicKey, publicKeyPem } from '../../server/src/node/signing';
import { skipUnlessRequired } from '../support/real-client';
import { CLI, ensureCliBuilt, removeDir, runCli } from './cli-harness';

// `bulwark policy keygen` as a real process: files, modes, refusal to overwrite, where the password
// comes from, and the no-echo prompt on a real pseudo-terminal (util-linux `script`).

const NO_PASSWORD = { BULWARK_KEY_PASSWORD: undefined, COSIGN_PASSWORD: undefined };

describe('cli: bulwark policy keygen', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => ensureCliBuilt());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-keygen-'));
  });
  afterEach(() => removeDir(dir));

  it('writes bulwark.key (0600, cosign label) and bulwark.pub that belong together', async () => {
    const out = path.join(dir, 'keys');
    const run = runCli(['policy', 'keygen', '--out', out], { env: { ...NO_PASSWORD, BULWARK_KEY_PASSWORD: 'pw-one' } });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `Private key written to ${out}/bulwark.key\nPublic key written to ${out}/bulwark.pub\n`);
    assert.equal(fs.statSync(path.join(out, 'bulwark.key')).mode & 0o777, 0o600);
    const keyPem = fs.readFileSync(path.join(out, 'bulwark.key'), 'utf8');
    assert.ok(keyPem.startsWith(`-----BEGIN ${COSIGN_PRIVATE_KEY_LABEL}-----\n`));
    const pubPem = fs.readFileSync(path.join(out, 'bulwark.pub'), 'utf8');
    assert.equal(publicKeyPem(await decryptPrivateKey(keyPem, 'pw-one')), publicKeyPem(parsePublicKey(pubPem)));
    assert.ok(!run.stdout.includes('pw-one') && !run.stderr.includes('pw-one'));
  });

  it('takes COSIGN_PASSWORD when BULWARK_KEY_PASSWORD is not set, and BULWARK_KEY_PASSWORD first', async () => {
    assert.equal(runCli(['policy', 'keygen', '--out', path.join(dir, 'a')], { env: { ...NO_PASSWORD, COSIGN_PASSWORD: 'from-cosign' } }).status, 0);
    await decryptPrivateKey(fs.readFileSync(path.join(dir, 'a', 'bulwark.key'), 'utf8'), 'from-cosign');
    assert.equal(runCli(['policy', 'keygen', '--out', path.join(dir, 'b')], { env: { BULWARK_KEY_PASSWORD: 'ours', COSIGN_PASSWORD: 'theirs' } }).status, 0);
    await decryptPrivateKey(fs.readFileSync(path.join(dir, 'b', 'bulwark.key'), 'utf8'), 'ours');
  });

  it('refuses to overwrite an existing key, leaving it as it was', () => {
    fs.writeFileSync(path.join(dir, 'bulwark.key'), 'precious');
    const run = runCli(['policy', 'keygen', '--out', dir], { env: { ...NO_PASSWORD, BULWARK_KEY_PASSWORD: 'x' } });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `bulwark: ${path.join(dir, 'bulwark.key')} already exists: refusing to overwrite a key (move it away or choose another --out)\n`);
    assert.equal(fs.readFileSync(path.join(dir, 'bulwark.key'), 'utf8'), 'precious');
    assert.ok(!fs.existsSync(path.join(dir, 'bulwark.pub')));
  });

  it('exits 2 without a password source, with an empty password, and on bad usage', () => {
    const none = spawnSync(process.execPath, [CLI, 'policy', 'keygen', '--out', dir], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    assert.equal(none.status, 2);
    assert.equal(none.stderr, 'bulwark: no key password: set BULWARK_KEY_PASSWORD or COSIGN_PASSWORD, or run in a terminal to be asked for it\n');
    assert.deepEqual(fs.readdirSync(dir), []);
    const empty = runCli(['policy', 'keygen', '--out', dir], { env: { ...NO_PASSWORD, BULWARK_KEY_PASSWORD: '' } });
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /BULWARK_KEY_PASSWORD is empty: a new key needs a password/);
    const noOut = runCli(['policy', 'keygen'], { env: { BULWARK_KEY_PASSWORD: 'x' } });
    assert.equal(noOut.status, 2);
    assert.match(noOut.stderr, /missing --out DIR/);
    const unknown = runCli(['policy', 'keygen', '--out', dir, '--force'], { env: { BULWARK_KEY_PASSWORD: 'x' } });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown option '--force'/);
  });

  it('asks twice on a terminal without echoing the password', async function () {
    if (spawnSync('sh', ['-c', 'command -v script'], { stdio: 'ignore' }).status !== 0) skipUnlessRequired(this, 'util-linux script (a pseudo-terminal) is not installed');
    const out = path.join(dir, 'tty');
    const secret = 'tty-Secret-42';
    const command = [process.execPath, CLI, 'policy', 'keygen', '--out', out].map((a) => `'${a}'`).join(' ');
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.BULWARK_KEY_PASSWORD;
    delete env.COSIGN_PASSWORD;
    const child = spawn('script', ['-qefc', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let seen = '';
    const answered = new Set<string>();
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      // Answer each prompt once it is shown, so the terminal is already in raw (no-echo) mode.
      for (const prompt of ['Enter password for new private key: ', 'Enter password again: ']) {
        if (seen.includes(prompt) && !answered.has(prompt)) {
          answered.add(prompt);
          child.stdin.write(`${secret}\r`);
        }
      }
    });
    const status = await exit;
    assert.equal(status, 0, seen);
    assert.ok(seen.includes('Enter password again: '), seen);
    assert.ok(!seen.includes(secret), `the password was echoed:\n${seen}`);
    await decryptPrivateKey(fs.readFileSync(path.join(out, 'bulwark.key'), 'utf8'), secret);
  });
});
