import * as path from 'node:path';
import { bundleConfig, FORMAT_VERSION, type OpenedBundle } from '../../node/bundle';
import { ExitCode, UsageError } from '../exit-codes';
import { jsonTerminalSafe, terminalSafe } from '../terminal-text';
import { TOOL_VERSION } from '../tool-info';
import type { PolicySubcommand } from './index';
import { onePositional, openLocalBundle, parsePolicyArgs } from './local-bundle';

/** Signatures live in the registry (p-signing); a local file carries none. */
const LOCAL_SIGNATURE = 'unsigned (local file)';

export const inspectCommand: PolicySubcommand = {
  summary: 'show a bundle: metadata, packs, rule counts, policy, signature status',
  help: `Usage: bulwark policy inspect FILE|DIR [--format text|json]

Reads a built bundle (image-layout tar, every blob's digest verified) or a source folder, and prints
its name, version, digest, format, minimum engine version, packs with rule counts, what its policy
decides and its signature status.
`,
  run(argv, io) {
    const { values, positionals } = parsePolicyArgs('inspect', argv, { format: { type: 'string', short: 'f' } });
    if (values.format !== undefined && values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json (got "${values.format}")`);
    const target = path.resolve(io.cwd, onePositional('inspect', positionals, 'bundle file or folder'));
    const opened = openLocalBundle(target);
    const summary = summarise(opened);
    // Bundle text (versions, descriptions, pack ids) is untrusted: it must not act on the terminal.
    io.stdout.write(values.format === 'json' ? jsonTerminalSafe(JSON.stringify(summary, null, 2)) + '\n' : text(summary));
    return ExitCode.Ok;
  },
};

function summarise(opened: OpenedBundle) {
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
    signature: LOCAL_SIGNATURE,
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
    `Digest       ${s.digest}`,
    `Source       ${s.source === 'layout' ? 'OCI image-layout tar' : 'source folder (digest of the artifact it builds)'}`,
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
