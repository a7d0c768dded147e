import { ExitCode, UsageError } from '../exit-codes';
import type { PolicySubcommand } from './index';
import { onePositional, parsePolicyArgs } from './local-bundle';
import { asUsageError, policyContext, readText } from './registry-policy';
import { pullPolicy } from '../../node/policy';
import * as path from 'node:path';

// `bulwark policy pull REF --key PUB`: pull, verify and activate REF in the user's cache (what a CI
// cache step or an air-gapped machine's first online run does); later scans can use --offline.

export const pullCommand: PolicySubcommand = {
  summary: 'pull and verify a bundle into the local cache',
  help: `Usage: bulwark policy pull REF --key PUB

Fetches the bundle REF names (a tag is resolved with one HEAD request; an unchanged bundle is not
downloaded again), verifies its cosign-compatible signature with PUB, validates it, and makes it the
cached bundle for REF (BULWARK_CACHE_DIR, default ~/.cache/bulwark). A bundle that fails any check is
not cached and the previously cached one stays.

Exit codes: 0 pulled (or already current), 2 registry, signature or bundle error.
`,
  async run(argv, io) {
    const { values, positionals } = parsePolicyArgs('pull', argv, { key: { type: 'string' } });
    const ref = onePositional('pull', positionals, 'REF');
    if (!values.key) throw new UsageError('policy pull needs --key PUB (the public key the bundle is signed with)', [], true);
    const source = { ref, publicKeyPem: readText(path.resolve(io.cwd, values.key), 'public key') };
    const result = await asUsageError(() => pullPolicy(source, policyContext(io)));
    const { record } = result.active;
    io.stdout.write(`${result.changed ? 'Pulled' : 'Up to date:'} ${record.name} ${record.version} ${ref.split('@')[0]}@${record.digest} (signature verified)\n`);
    return ExitCode.Ok;
  },
};
