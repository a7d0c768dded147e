import * as path from 'node:path';
import { MANIFEST_MEDIA_TYPE } from '../../node/bundle';
import { decryptPrivateKey, signArtifact } from '../../node/signing';
import { processTerminal, readKeyPassword } from '../../node/signing/password';
import { ExitCode, UsageError } from '../exit-codes';
import type { PolicySubcommand } from './index';
import { onePositional, openLocalBundle, parsePolicyArgs } from './local-bundle';
import { asUsageErrors, readKeyFile } from './registry-target';
import { createRegistryClient } from '../../node/registry';
import { parseImageReference } from '../../engine/images/reference';

// `bulwark policy push DIR REF --key KEY`: build (validating everything), push the config, the layer
// and the manifest under REF's tag, then sign the manifest digest. Prints REF@sha256:… for a lock file
// or a pinned setting. Without --key the bundle is pushed unsigned, and every editor refuses it.

export const pushCommand: PolicySubcommand = {
  summary: 'build, push and sign a bundle (prints REF@sha256:…)',
  help: `Usage: bulwark policy push DIR REF [--key KEY] [--ca-file FILE]

Builds the bundle source folder DIR exactly as "bulwark policy build" does, pushes it to REF
(registry/repository:tag) as an OCI artifact of type application/vnd.bulwark.policy.v1, and signs its
digest with KEY (cosign-compatible, stored as <repository>:sha256-<hex>.sig). Prints REF@sha256:….

The key password comes from BULWARK_KEY_PASSWORD, else COSIGN_PASSWORD, else the terminal. Registry
credentials come from Docker's config.json. Plain HTTP is used only for loopback registries.

Options:
  --key KEY       encrypted private key ("bulwark policy keygen" or "cosign generate-key-pair")
  --ca-file FILE  extra CA certificates (PEM) for a registry with a private CA

Exit codes: 0 pushed (and signed), 2 invalid bundle, key or registry error.
`,
  async run(argv, io) {
    const { values, positionals } = parsePolicyArgs('push', argv, { key: { type: 'string' }, 'ca-file': { type: 'string' } });
    if (positionals.length !== 2) throw new UsageError(`policy push needs DIR and REF (got ${positionals.length} arguments)`, [], true);
    const dir = path.resolve(io.cwd, onePositional('push', positionals.slice(0, 1), 'folder'));
    const parsed = parseImageReference(positionals[1]);
    if (!parsed.ok) throw new UsageError(parsed.error);
    if (parsed.ref.digest !== undefined) throw new UsageError('policy push needs a tag to push to (registry/repository:tag), not a digest');
    const ref = { ...parsed.ref, tag: parsed.ref.tag ?? 'latest' };
    const opened = openLocalBundle(dir);
    const artifact = opened.artifact;
    if (!artifact) throw new UsageError(`"${dir}" is not a bundle source folder`);
    const keyPem = values.key ? readKeyFile(values.key, io, 'private key') : undefined;
    const caFile = values['ca-file'] ? path.resolve(io.cwd, values['ca-file']) : undefined;
    return asUsageErrors(async () => {
      // Ask for the password before anything is pushed, so a typo does not leave an unsigned tag behind.
      const privateKey = keyPem ? await decryptPrivateKey(keyPem, await readKeyPassword(io.env, processTerminal(), 'open')) : undefined;
      const client = createRegistryClient(ref.registry, { env: { ...io.env }, ...(caFile ? { caFile } : {}) });
      await client.putBlob(ref.repository, artifact.config);
      await client.putBlob(ref.repository, artifact.layer);
      const digest = await client.putManifest(ref.repository, ref.tag, artifact.manifest, MANIFEST_MEDIA_TYPE);
      const pinned = `${ref.registry}/${ref.repository}:${ref.tag}@${digest}`;
      if (privateKey) {
        // The digest we pushed is signed, not whatever the tag names by now (another push may have moved it).
        await signArtifact(client, ref.repository, digest, privateKey, `${ref.registry}/${ref.repository}`);
      } else {
        io.stderr.write('warning: pushed without --key: the bundle is unsigned, and editors and CI will refuse it until "bulwark policy sign" signs it\n');
      }
      const { name, version } = opened.bundle.identity;
      io.stderr.write(`Pushed ${name} ${version}${privateKey ? ' and signed it' : ''}\n`);
      io.stdout.write(`${pinned}\n`);
      return ExitCode.Ok;
    });
  },
};
