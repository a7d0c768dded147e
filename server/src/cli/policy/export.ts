import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatImageReference, parseImageReference } from '../../engine/images/reference';
import { archiveTar, collectArchive, type ArchiveParts } from '../../node/policy';
import { sha256Digest } from '../../node/registry';
import { buildPayload, buildSignatureManifest, decryptPrivateKey, signPayload, signatureLayer } from '../../node/signing';
import { processTerminal, readKeyPassword } from '../../node/signing/password';
import { ExitCode, UsageError } from '../exit-codes';
import type { CliIo } from '../run';
import { terminalSafe } from '../terminal-text';
import type { PolicySubcommand } from './index';
import { onePositional, openLocalBundle, parsePolicyArgs, shownPath, writeAtomically } from './local-bundle';
import { asUsageError } from './registry-policy';
import { asUsageErrors, readKeyFile, resolveTarget } from './registry-target';

// `bulwark policy export REF|DIR -o FILE`: a signed bundle for an air-gapped machine, as one OCI image
// layout tar that carries the cosign `.sig` manifest too, so `bulwark policy import` verifies it with the
// same key as a pull. From a registry the bytes are copied as served; from a source folder the bundle is
// built and signed here with the private key, for the reference it will be imported as.

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

export const exportCommand: PolicySubcommand = {
  summary: 'write a signed bundle and its signature to one tar, for air-gapped machines',
  help: `Usage: bulwark policy export REF -o FILE [--ca-file FILE]
       bulwark policy export DIR -o FILE --key KEY --ref REF

Writes FILE: an OCI image layout (tar) holding the bundle (manifest, config, layer) and its cosign
signature manifest with the signed payloads, byte for byte. Copy it to a machine without registry
access and run "bulwark policy import FILE --key PUB" there.

From a registry reference the signature must already exist (bulwark policy push --key / sign). From a
source folder the bundle is built and signed here with KEY (password from BULWARK_KEY_PASSWORD or
COSIGN_PASSWORD), for REF: the reference the editor or CI is configured with.

Options:
  -o, --output FILE   where to write the archive (required)
  --key KEY           the private key (source folder only)
  --ref REF           registry/repository:tag the bundle is for (source folder only)
  --ca-file FILE      extra CA certificates (PEM) for a registry with a private CA

Exit codes: 0 written, 2 unsigned bundle, usage, key or registry error.
`,
  async run(argv, io) {
    const { values, positionals } = parsePolicyArgs('export', argv, {
      output: { type: 'string', short: 'o' },
      key: { type: 'string' },
      ref: { type: 'string' },
      'ca-file': { type: 'string' },
    });
    const target = onePositional('export', positionals, 'REF or folder');
    if (!values.output) throw new UsageError('policy export needs -o FILE', [], true);
    const out = path.resolve(io.cwd, values.output);
    const local = path.resolve(io.cwd, target);
    const parts = fs.existsSync(local) ? await fromFolder(local, values, io) : await fromRegistry(target, values['ca-file'], io);
    writeAtomically(out, archiveTar(parts));
    io.stdout.write(`Exported ${terminalSafe(parts.ref)}@${parts.manifest.digest} with its signature → ${shownPath(io.cwd, out)}\n`);
    return ExitCode.Ok;
  },
};

async function fromRegistry(refText: string, caFile: string | undefined, io: CliIo): Promise<ArchiveParts> {
  return asUsageErrors(async () => {
    const target = await resolveTarget(refText, io, caFile);
    // The reference exactly as given: the cache is keyed by the text the editor or CI is configured with.
    return asUsageError(() => collectArchive(target.client, target.ref.repository, target.digest, refText, target.ref.tag ?? 'latest'));
  });
}

async function fromFolder(dir: string, values: { key?: string; ref?: string }, io: CliIo): Promise<ArchiveParts> {
  if (!values.key || !values.ref) throw new UsageError('policy export DIR needs --key KEY (to sign it) and --ref REF (the reference it will be used as)', [], true);
  const parsed = parseImageReference(values.ref);
  if (!parsed.ok) throw new UsageError(`--ref: ${parsed.error}`);
  if (parsed.ref.digest) throw new UsageError('--ref names a tag (registry/repository:tag); the digest is the one built here');
  const opened = openLocalBundle(dir);
  const artifact = opened.artifact;
  if (!artifact) throw new UsageError(`"${dir}" is not a bundle source folder`);
  const keyPem = readKeyFile(values.key, io, 'private key');
  return asUsageErrors(async () => {
    const privateKey = await decryptPrivateKey(keyPem, await readKeyPassword(io.env, processTerminal(), 'open'));
    // cosign's identity: the repository without tag or digest, as `policy push` signs it.
    const payload = buildPayload(`${parsed.ref.registry}/${parsed.ref.repository}`, artifact.digest);
    const { manifest, config } = buildSignatureManifest(undefined, signatureLayer(payload, signPayload(payload, privateKey).toString('base64')));
    const tag = parsed.ref.tag ?? 'latest';
    return {
      ref: formatImageReference({ ...parsed.ref, tag }),
      tag,
      manifest: { bytes: artifact.manifest, digest: artifact.digest, mediaType: OCI_MANIFEST },
      signatureManifest: { bytes: manifest, digest: sha256Digest(manifest), mediaType: OCI_MANIFEST },
      blobs: [artifact.config, artifact.layer, config, payload],
    };
  });
}
