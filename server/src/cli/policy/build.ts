import * as path from 'node:path';
import { imageLayoutTar } from '../../node/bundle';
import { ExitCode, UsageError } from '../exit-codes';
import { terminalSafe } from '../terminal-text';
import type { PolicySubcommand } from './index';
import { onePositional, openLocalBundle, parsePolicyArgs, shownPath, writeAtomically } from './local-bundle';

export const buildCommand: PolicySubcommand = {
  summary: 'build a bundle source folder into an OCI image-layout tar',
  help: `Usage: bulwark policy build DIR -o FILE

Validates DIR and writes FILE: an OCI image layout (oci-layout, index.json, blobs/sha256/…) as a tar,
holding one artifact of type application/vnd.bulwark.policy.v1: a config blob and one deterministic
tar+gzip layer of the folder. The same sources always give the same digest, which is printed.

Options:
  -o, --output FILE   where to write the image-layout tar (required)

Exit codes: 0 built, 2 the folder is not a valid bundle or FILE cannot be written.
`,
  run(argv, io) {
    const { values, positionals } = parsePolicyArgs('build', argv, { output: { type: 'string', short: 'o' } });
    const dir = path.resolve(io.cwd, onePositional('build', positionals, 'folder'));
    if (!values.output) throw new UsageError('policy build needs -o FILE', [], true);
    const opened = openLocalBundle(dir);
    if (!opened.artifact || opened.kind !== 'folder') throw new UsageError(`"${dir}" is not a bundle source folder`);
    for (const name of opened.ignored) io.stderr.write(`note: "${terminalSafe(name)}" is not part of a bundle and is left out\n`);
    const out = path.resolve(io.cwd, values.output);
    writeAtomically(out, imageLayoutTar(opened.artifact, opened.bundle.identity.version));
    const { name, version, digest } = opened.bundle.identity;
    io.stdout.write(`Built ${name} ${version} (${opened.bundle.packs.length} pack${opened.bundle.packs.length === 1 ? '' : 's'}) → ${shownPath(io.cwd, out)}\n${digest}\n`);
    return ExitCode.Ok;
  },
};
