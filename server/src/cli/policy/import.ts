import * as fs from 'node:fs';
import * as path from 'node:path';
import { importPolicy, MAX_POLICY_ARCHIVE_BYTES } from '../../node/policy';
import { ExitCode, UsageError } from '../exit-codes';
import { terminalSafe } from '../terminal-text';
import type { PolicySubcommand } from './index';
import { onePositional, parsePolicyArgs } from './local-bundle';
import { asUsageError, policyContext, readText } from './registry-policy';

// `bulwark policy import FILE --key PUB`: the air-gapped half of a pull. The archive from `policy export`
// is verified exactly as a pull verifies the registry's bytes (signature first, then artifact type, blob
// digests, safe tar, schemas) and becomes the cached bundle for its reference; any failure leaves the
// bundle cached before untouched.

/** An archive is a few bundles' worth of YAML; anything larger is refused before it is read. */

export const importCommand: PolicySubcommand = {
  summary: 'verify a bundle archive from "policy export" and cache it, as a pull would',
  help: `Usage: bulwark policy import FILE --key PUB [--ref REF]

Reads FILE (from "bulwark policy export"), verifies the bundle's cosign-compatible signature with PUB
and validates the bundle exactly as "bulwark policy pull" does, then makes it the cached bundle for REF
(default: the reference recorded in FILE), in BULWARK_CACHE_DIR (default ~/.cache/bulwark). The editor
configured with that bulwark.policy.ref, and "bulwark scan --policy REF --offline", then apply it.
A file that fails any check changes nothing: the bundle cached before stays.

Exit codes: 0 imported, 2 the archive, signature or bundle is refused, or a usage error.
`,
  async run(argv, io) {
    const { values, positionals } = parsePolicyArgs('import', argv, { key: { type: 'string' }, ref: { type: 'string' } });
    const file = path.resolve(io.cwd, onePositional('import', positionals, 'FILE'));
    if (!values.key) throw new UsageError('policy import needs --key PUB (the public key the bundle is signed with)', [], true);
    const publicKeyPem = readText(path.resolve(io.cwd, values.key), 'public key');
    const tar = readArchive(file);
    const active = await asUsageError(() => importPolicy(tar, { publicKeyPem, ...(values.ref ? { ref: values.ref } : {}) }, policyContext(io)));
    const { record } = active;
    io.stdout.write(`Imported ${terminalSafe(`${record.name} ${record.version} ${record.ref.split('@')[0]}`)}@${record.digest} (signature verified)\n`);
    return ExitCode.Ok;
  },
};

function readArchive(file: string): Buffer {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new UsageError(`"${file}" is not a file`);
    if (stat.size > MAX_POLICY_ARCHIVE_BYTES) throw new UsageError(`"${file}" is ${stat.size} bytes; a bundle archive is at most ${MAX_POLICY_ARCHIVE_BYTES}`);
    return fs.readFileSync(file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read "${file}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
