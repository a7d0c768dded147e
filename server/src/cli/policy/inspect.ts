import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleConfig, FORMAT_VERSION, type OpenedBundle } from '../../node/bundle';
import { inspectRemoteBundle, type SignatureStatus } from '../../node/policy';
import { parsePublicKey } from '../../node/signing';
import { ExitCode, UsageError } from '../exit-codes';
import type { CliIo } from '../run';
import { jsonTerminalSafe, terminalSafe } from '../terminal-text';
import { TOOL_VERSION } from '../tool-info';
import type { PolicySubcommand } from './index';
import { asUsageError as bundleUsageError, onePositional, openLocalBundle, parsePolicyArgs } from './local-bundle';
import { asUsageError } from './registry-policy';
import { asUsageErrors, readKeyFile, resolveTarget } from './registry-target';

/** Signatures live in the registry (p-signing); a local file carries none. */
const LOCAL_SIGNATURE = 'unsigned (local file)';

export const inspectCommand: PolicySubcommand = {
  summary: 'show a bundle: metadata, packs, rule counts, policy, signature status',
  help: `Usage: bulwark policy inspect REF|FILE|DIR [--key PUB] [--ca-file FILE] [--format text|json]

Reads a bundle in a registry (REF: registry/repository:tag or @sha256:…), a built bundle (image-layout
tar, every blob's digest verified) or a source folder, and prints its name, version, digest, format,
minimum engine version, packs with rule counts, what its policy decides, the approved-images summary
and its signature status. For REF the status comes from the registry: signed by the given key,
unsigned, or a bad signature (with the reason); without --key, whether signatures exist.
Nothing is cached or applied.

Exit codes: 0 shown, 1 --key was given and no signature of REF verifies with it, 2 usage, registry
or bundle error.
`,
  async run(argv, io) {
    const { values, positionals } = parsePolicyArgs('inspect', argv, { format: { type: 'string', short: 'f' }, key: { type: 'string' }, 'ca-file': { type: 'string' } });
    if (values.format !== undefined && values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json (got "${values.format}")`);
    const given = onePositional('inspect', positionals, 'bundle reference, file or folder');
    const target = path.resolve(io.cwd, given);
    const remote = !fs.existsSync(target) && !given.startsWith('.') && /^[^/.:]*[.:][^/]*\/|^localhost\//.test(given);
    if (!remote && values.key) throw new UsageError('--key applies to a registry reference; a local file or folder carries no signature');
    const { opened, signature, ref } = remote ? await inspectRemote(given, values.key, values['ca-file'], io) : { opened: openLocalBundle(target), signature: undefined, ref: undefined };
    const summary = summarise(opened, signature, ref);
    // Bundle text (versions, descriptions, pack ids) is untrusted: it must not act on the terminal.
    io.stdout.write(values.format === 'json' ? jsonTerminalSafe(JSON.stringify(summary, null, 2)) + '\n' : text(summary));
    return values.key && signature?.state !== 'verified' ? ExitCode.Findings : ExitCode.Ok;
  },
};

async function inspectRemote(refText: string, keyFile: string | undefined, caFile: string | undefined, io: CliIo) {
  const key = keyFile ? publicKey(readKeyFile(keyFile, io, 'public key'), keyFile) : undefined;
  return asUsageErrors(async () => {
    const target = await resolveTarget(refText, io, caFile);
    try {
      const { opened, signature } = await asUsageError(() => inspectRemoteBundle(target.client, target.ref.repository, target.digest, key, TOOL_VERSION));
      return { opened, signature, ref: refText };
    } catch (err) {
      throw bundleUsageError(err);
    }
  });
}

function publicKey(pem: string, file: string) {
  try {
    return parsePublicKey(pem);
  } catch (err) {
    throw new UsageError(`${file}: ${(err as Error).message}`);
  }
}

function signatureText(status: SignatureStatus | undefined): string {
  if (!status) return LOCAL_SIGNATURE;
  switch (status.state) {
    case 'verified':
      return `signed by the given key (signature ${status.index}, identity ${status.identity})`;
    case 'unsigned':
      return `unsigned (${status.message})`;
    case 'invalid':
      return `bad signature: ${status.message}`;
    case 'unchecked':
      return `signed (${status.count} signature${status.count === 1 ? '' : 's'}, not verified: give --key PUB)`;
  }
}

function summarise(opened: OpenedBundle, status?: SignatureStatus, ref?: string) {
  const { bundle } = opened;
  const config = opened.config ?? bundleConfig(bundle);
  const images = bundle.approvedImages;
  return {
    name: bundle.identity.name,
    version: bundle.identity.version,
    digest: bundle.identity.digest,
    source: opened.kind,
    formatVersion: config.formatVersion ?? FORMAT_VERSION,
    minEngineVersion: bundle.policy.minEngineVersion ?? null,
    engineVersion: TOOL_VERSION,
    ...(ref ? { ref } : {}),
    signature: signatureText(status),
    signatureState: status?.state ?? 'local',
    packs: bundle.packs.map((p) => ({ id: p.info.id, version: p.info.version, rules: p.rules.length })),
    rules: bundle.packs.reduce((n, p) => n + p.rules.length, 0),
    policy: {
      disabled: [...bundle.policy.disabled],
      severity: Object.fromEntries(bundle.policy.severity),
      nonWaivable: [...bundle.policy.nonWaivable],
      maxUntilDays: bundle.policy.maxUntilDays ?? null,
    },
    approvedImages: images
      ? { registries: images.registries?.length ?? 0, images: images.images?.length ?? 0, replacements: images.replacements?.length ?? 0, deprecated: images.deprecated?.length ?? 0, requireDigest: images.requireDigest ?? false }
      : null,
  };
}

function text(s: ReturnType<typeof summarise>): string {
  const lines = [
    `Bundle       ${s.name} ${s.version}`,
    ...(s.ref ? [`Reference    ${s.ref}`] : []),
    `Digest       ${s.digest}`,
    `Source       ${s.ref ? 'registry' : s.source === 'layout' ? 'OCI image-layout tar' : 'source folder (digest of the artifact it builds)'}`,
    `Format       ${s.formatVersion}`,
    `Engine       ${s.minEngineVersion ? `>= ${s.minEngineVersion}` : 'any'} (this is ${s.engineVersion})`,
    `Signature    ${s.signature}`,
    `Packs        ${s.packs.length} (${s.rules} rule${s.rules === 1 ? '' : 's'})`,
    ...s.packs.map((p) => `  ${p.id} ${p.version}: ${p.rules} rule${p.rules === 1 ? '' : 's'}`),
    `Policy       ${s.policy.disabled.length} disabled, ${Object.keys(s.policy.severity).length} severity override(s), ${s.policy.nonWaivable.length} non-waivable` +
      (s.policy.maxUntilDays !== null ? `, suppressions at most ${s.policy.maxUntilDays} days` : ''),
    ...(s.policy.disabled.length > 0 ? [`  disabled: ${s.policy.disabled.join(', ')}`] : []),
    ...Object.entries(s.policy.severity).map(([id, sev]) => `  severity: ${id} → ${sev}`),
    ...(s.policy.nonWaivable.length > 0 ? [`  non-waivable: ${s.policy.nonWaivable.join(', ')}`] : []),
    `Approved     ${s.approvedImages ? `${s.approvedImages.registries} registr${s.approvedImages.registries === 1 ? 'y' : 'ies'}, ${s.approvedImages.images} image(s), ${s.approvedImages.replacements} replacement(s), ${s.approvedImages.deprecated} deprecated` : 'no approved-images.yaml'}`,
  ];
  return lines.map(terminalSafe).join('\n') + '\n';
}
