import { parseArgs } from 'node:util';
import { decryptPrivateKey, signArtifact } from '../../node/signing';
import { processTerminal, readKeyPassword } from '../../node/signing/password';
import { ExitCode, UsageError, type ExitCodeValue } from '../exit-codes';
import type { CliIo } from '../run';
import type { PolicySubcommand } from './index';
import { asUsageErrors, readKeyFile, resolveTarget } from './registry-target';

// `bulwark policy sign REF --key KEY`: a cosign-compatible signature of what REF points to, stored as
// `<repo>:sha256-<hex>.sig` beside it (existing signatures are kept).

const HELP = `Usage: bulwark policy sign REF --key KEY [--ca-file FILE]

Signs the manifest REF points to (a tag is resolved to its digest first) with the cosign-compatible
private key KEY (from "bulwark policy keygen" or "cosign generate-key-pair"), and pushes the signature
as <repository>:sha256-<hex>.sig, as cosign does. Signatures already there are kept.

The key password comes from BULWARK_KEY_PASSWORD, else COSIGN_PASSWORD, else it is asked for on the
terminal. Registry credentials come from Docker's config.json. Plain HTTP is used only for loopback.

Options:
  --key KEY       Encrypted private key (PEM "ENCRYPTED COSIGN PRIVATE KEY" or "... SIGSTORE ...")
  --ca-file FILE  Extra CA certificates (PEM) for a registry with a private CA

Exit codes: 0 signed, 2 usage, key or registry error.
`;

export const signCommand: PolicySubcommand = {
  summary: 'sign a bundle in the registry with a cosign-compatible key',
  help: HELP,
  run: sign,
};

async function sign(argv: readonly string[], io: CliIo): Promise<ExitCodeValue> {
  const { refText, key, caFile } = parseSignArgs(argv);
  const keyPem = readKeyFile(key, io, 'private key');
  return asUsageErrors(async () => {
    const password = await readKeyPassword(io.env, processTerminal(), 'open');
    const privateKey = await decryptPrivateKey(keyPem, password);
    const target = await resolveTarget(refText, io, caFile);
    // cosign's identity: the repository without tag or digest.
    const identity = `${target.ref.registry}/${target.ref.repository}`;
    const signed = await signArtifact(target.client, target.ref.repository, target.digest, privateKey, identity);
    io.stdout.write(`Signed ${target.pinned}\nSignature ${identity}:${signed.signatureTag} (${signed.signatureCount} signature${signed.signatureCount === 1 ? '' : 's'})\n`);
    return ExitCode.Ok;
  });
}

function parseSignArgs(argv: readonly string[]): { refText: string; key: string; caFile?: string } {
  let values: { key?: string; 'ca-file'?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options: { key: { type: 'string' }, 'ca-file': { type: 'string' } }, allowPositionals: true, strict: true }));
  } catch (err) {
    throw new UsageError((err as Error).message, [], true);
  }
  if (positionals.length !== 1) throw new UsageError(`expected one REF, got ${positionals.length} (usage: bulwark policy sign REF --key KEY)`);
  if (!values.key) throw new UsageError('missing --key KEY (usage: bulwark policy sign REF --key KEY)');
  return { refText: positionals[0], key: values.key, ...(values['ca-file'] ? { caFile: values['ca-file'] } : {}) };
}
