import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCosignKeyPair, SigningError } from '../../node/signing';
import { processTerminal, readKeyPassword } from '../../node/signing/password';
import { ExitCode, UsageError, type ExitCodeValue } from '../exit-codes';
import type { CliIo } from '../run';
import type { PolicySubcommand } from './index';

// `bulwark policy keygen --out DIR`: a cosign-compatible key pair, so the security team can sign with
// Bulwark, cosign or skopeo interchangeably.

const HELP = `Usage: bulwark policy keygen --out DIR

Writes DIR/bulwark.key (encrypted ECDSA P-256 private key, PEM "ENCRYPTED COSIGN PRIVATE KEY",
mode 0600) and DIR/bulwark.pub (PEM public key). The same pair works with cosign and skopeo.
Existing files are never overwritten.

The password comes from BULWARK_KEY_PASSWORD, else COSIGN_PASSWORD, else it is asked for on the
terminal. Without either (e.g. in CI) keygen fails with exit code 2.

Options:
  --out DIR    Folder to write the key pair into (created if missing)
`;

const KEY_FILE = 'bulwark.key';
const PUBLIC_KEY_FILE = 'bulwark.pub';

export const keygenCommand: PolicySubcommand = {
  summary: 'create a cosign-compatible signing key pair (bulwark.key, bulwark.pub)',
  help: HELP,
  run: keygen,
};

async function keygen(argv: readonly string[], io: CliIo): Promise<ExitCodeValue> {
  const out = parseKeygenArgs(argv);
  const dir = path.resolve(io.cwd, out);
  const keyPath = path.join(dir, KEY_FILE);
  const pubPath = path.join(dir, PUBLIC_KEY_FILE);
  for (const file of [keyPath, pubPath]) {
    if (fs.existsSync(file)) throw new UsageError(`${file} already exists: refusing to overwrite a key (move it away or choose another --out)`);
  }
  let password: string;
  try {
    password = await readKeyPassword(io.env, processTerminal(), 'create');
  } catch (err) {
    if (err instanceof SigningError) throw new UsageError(err.message);
    throw err;
  }
  const pair = await generateCosignKeyPair(password);
  let wroteKey = false;
  try {
    fs.mkdirSync(dir, { recursive: true });
    // 'wx' fails if the file appeared meanwhile; the mode is applied at creation, never widened first.
    fs.writeFileSync(keyPath, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
    wroteKey = true;
    fs.chmodSync(keyPath, 0o600);
    fs.writeFileSync(pubPath, pair.publicKeyPem, { mode: 0o644, flag: 'wx' });
  } catch (err) {
    // A private key without its public half is useless and would block the next attempt.
    if (wroteKey) fs.rmSync(keyPath, { force: true });
    throw new UsageError(`cannot write the key pair into ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  io.stdout.write(`Private key written to ${keyPath}\nPublic key written to ${pubPath}\n`);
  return ExitCode.Ok;
}

function parseKeygenArgs(argv: readonly string[]): string {
  let values: { out?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options: { out: { type: 'string' } }, allowPositionals: true, strict: true }));
  } catch (err) {
    throw new UsageError((err as Error).message, [], true);
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (usage: bulwark policy keygen --out DIR)`);
  if (values.out === undefined || values.out === '') throw new UsageError('missing --out DIR (usage: bulwark policy keygen --out DIR)');
  return values.out;
}
