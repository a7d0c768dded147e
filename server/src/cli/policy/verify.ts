import { parseArgs } from 'node:util';
import { parsePublicKey, verifyArtifact } from '../../node/signing';
import { ExitCode, UsageError, type ExitCodeValue } from '../exit-codes';
import type { CliIo } from '../run';
import type { PolicySubcommand } from './index';
import { asUsageErrors, readKeyFile, resolveTarget } from './registry-target';

// `bulwark policy verify REF --key PUB`: exit 0 when one signature of REF's manifest verifies under one of
// the keys, 1 when none does (the message names each signature's cause), 2 for usage, key or registry errors.

const HELP = `Usage: bulwark policy verify REF --key PUB [--key PUB2 ...] [--match-repository] [--ca-file FILE]

Verifies the cosign-compatible signatures of the manifest REF points to (a tag is resolved to its
digest first): one simple-signing payload signed with ECDSA P-256 by one of the public keys, naming
exactly the digest of the manifest as the registry serves it.

Options:
  --key PUB           Public key (PEM "PUBLIC KEY"), from "bulwark policy keygen" or cosign; repeatable
  --match-repository  Also require the signature to name REF's repository (containers/image
                      matchRepository; cosign does not check it, so a copied bundle verifies without it)
  --ca-file FILE      Extra CA certificates (PEM) for a registry with a private CA

Exit codes: 0 verified, 1 verification failed, 2 usage, key or registry error.
`;

export const verifyCommand: PolicySubcommand = {
  summary: "verify a bundle's signature in the registry against a public key",
  help: HELP,
  run: verify,
};

async function verify(argv: readonly string[], io: CliIo): Promise<ExitCodeValue> {
  const { refText, keys, caFile, matchRepository } = parseVerifyArgs(argv);
  const publicKeys = keys.map((file) => {
    const pem = readKeyFile(file, io, 'public key');
    try {
      return parsePublicKey(pem);
    } catch (err) {
      throw new UsageError(`${file}: ${(err as Error).message}`);
    }
  });
  return asUsageErrors(async () => {
    const target = await resolveTarget(refText, io, caFile);
    const expectedRepository = matchRepository ? `${target.ref.registry}/${target.ref.repository}` : undefined;
    const result = await verifyArtifact(target.client, target.ref.repository, target.digest, publicKeys, { expectedRepository });
    if (!result.verified) {
      io.stderr.write(`bulwark: verification failed: ${result.message}\n`);
      return ExitCode.Findings;
    }
    const by = keys.length > 1 ? ` by ${keys[result.signature.keyIndex]}` : '';
    io.stdout.write(`Verified ${target.pinned}\nSignature ${result.signature.index}${by}, for ${result.signature.payload.dockerReference}\n`);
    return ExitCode.Ok;
  });
}

interface VerifyArgs {
  readonly refText: string;
  readonly keys: string[];
  readonly caFile?: string;
  readonly matchRepository: boolean;
}

function parseVerifyArgs(argv: readonly string[]): VerifyArgs {
  let values: { key?: string[]; 'ca-file'?: string; 'match-repository'?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options: { key: { type: 'string', multiple: true }, 'ca-file': { type: 'string' }, 'match-repository': { type: 'boolean' } }, allowPositionals: true, strict: true }));
  } catch (err) {
    throw new UsageError((err as Error).message, [], true);
  }
  if (positionals.length !== 1) throw new UsageError(`expected one REF, got ${positionals.length} (usage: bulwark policy verify REF --key PUB)`);
  if (!values.key || values.key.length === 0) throw new UsageError('missing --key PUB (usage: bulwark policy verify REF --key PUB)');
  return { refText: positionals[0], keys: values.key, matchRepository: values['match-repository'] === true, ...(values['ca-file'] ? { caFile: values['ca-file'] } : {}) };
}
