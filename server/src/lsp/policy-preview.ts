import * as path from 'node:path';
import type { RuleSet } from '../engine';
import { parseCommand } from '../cli/args';
import { describePreview, previewDiff } from '../cli/policy/preview-diff';
import type { ReportedFinding } from '../cli/report';
import { runScan } from '../cli/scan';
import { BundleError, openBundle } from '../node/bundle';
import type { PreviewPolicyParams, PreviewPolicyResult } from '../protocol/custom-protocol';
import type { RuleSetService } from './rule-set-service';

// "Bulwark: Preview policy": `bulwark policy preview` inside the editor. The candidate (a source folder or
// a built tar on this machine) is composed on the same base packs as the rules in force, each workspace
// folder is scanned with both rule sets as the CLI scans it, and the difference comes back. Nothing in
// force changes. A one-off, explicit command, so the scan runs in one go rather than in time slices.

export interface PolicyPreviewDeps {
  readonly rules: RuleSetService;
  readonly folders: () => readonly { readonly fsPath: string }[];
  readonly engineVersion: string;
  readonly now: () => Date;
}

export function previewPolicy(params: PreviewPolicyParams | undefined, deps: PolicyPreviewDeps): PreviewPolicyResult {
  const candidatePath = params?.candidate;
  if (typeof candidatePath !== 'string' || !path.isAbsolute(candidatePath)) return { ok: false, message: 'choose a policy bundle folder or an image-layout tar (an absolute path)' };
  let bundle;
  try {
    bundle = openBundle(candidatePath, deps.engineVersion).bundle;
  } catch (err) {
    const details = err instanceof BundleError && err.details.length > 0 ? `: ${err.details.join('; ')}` : '';
    return { ok: false, message: `${err instanceof Error ? err.message : String(err)}${details}` };
  }
  const composed = deps.rules.withBundle({ policy: bundle.policy, packs: bundle.packs, identity: bundle.identity, approvedImages: bundle.approvedImages });
  if ('problems' in composed) return { ok: false, message: `the bundle cannot be combined with the other rule packs: ${composed.problems.join('; ')}` };
  const folders = deps.folders();
  if (folders.length === 0) return { ok: false, message: 'open a folder or workspace to preview a policy on it' };
  const inForce = deps.rules.ruleSet;
  const now = deps.now();
  const current: ReportedFinding[] = [];
  const candidate: ReportedFinding[] = [];
  for (const folder of folders) {
    const prefix = folders.length > 1 ? `${path.basename(folder.fsPath)}/` : '';
    current.push(...findings(folder.fsPath, inForce, now, prefix));
    candidate.push(...findings(folder.fsPath, composed.ruleSet, now, prefix));
  }
  const diff = previewDiff(current, candidate);
  const { name, version, digest } = bundle.identity;
  return {
    ok: true,
    candidate: { name, version, digest },
    against: inForce.bundle ? `policy ${inForce.bundle.name} ${inForce.bundle.version} (${inForce.bundle.digest})` : 'the built-in rules',
    ...diff,
    text: describePreview(diff),
  };
}

function findings(folder: string, ruleSet: RuleSet, now: Date, prefix: string): ReportedFinding[] {
  const command = parseCommand(['scan', folder, '--fail-on', 'none', '--allow-incomplete'], {});
  if (command.kind !== 'scan') throw new Error('unreachable: a scan command');
  return runScan(command.options, { cwd: folder, now, ruleSet })
    .files.flatMap((f) => f.findings)
    .map((f) => (prefix ? { ...f, path: prefix + f.path } : f));
}
