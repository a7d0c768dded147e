import * as path from 'node:path';
import { pullPolicy, writePolicyLock } from '../../node/policy';
import { ExitCode, UsageError } from '../exit-codes';
import type { PolicySubcommand } from './index';
import { onePositional, parsePolicyArgs, shownPath } from './local-bundle';
import { asUsageError, policyContext, readText } from './registry-policy';

// `bulwark policy lock REF --key PUB`: pin this repository to the bundle REF names now, verified, in
// .bulwark/policy.lock; `bulwark scan` then uses exactly that digest until the lock is updated.

export const lockCommand: PolicySubcommand = {
  summary: 'pin this repository to a verified bundle digest (.bulwark/policy.lock)',
  help: `Usage: bulwark policy lock REF --key PUB

Pulls and verifies REF (as "bulwark policy pull" does) and writes .bulwark/policy.lock in the current
folder with REF pinned to its digest and the fingerprint of PUB. Commit the file: "bulwark scan" then
applies exactly that bundle (it still needs --policy-key or BULWARK_POLICY_KEY to verify it).

Exit codes: 0 locked, 2 registry, signature or bundle error.
`,
  async run(argv, io) {
    const { values, positionals } = parsePolicyArgs('lock', argv, { key: { type: 'string' } });
    const ref = onePositional('lock', positionals, 'REF');
    if (!values.key) throw new UsageError('policy lock needs --key PUB (the public key the bundle is signed with)', [], true);
    const source = { ref, publicKeyPem: readText(path.resolve(io.cwd, values.key), 'public key') };
    const { active } = await asUsageError(() => pullPolicy(source, policyContext(io)));
    const pinned = `${ref.split('@')[0]}@${active.record.digest}`;
    const file = writePolicyLock(io.cwd, { ref: pinned, keyFingerprint: active.record.keyFingerprint });
    io.stdout.write(`Locked ${active.record.name} ${active.record.version}: ${pinned} → ${shownPath(io.cwd, file)}\n`);
    return ExitCode.Ok;
  },
};
