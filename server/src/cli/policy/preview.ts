import type { RuleSet } from '../../engine';
import { parseCommand, type ScanOptions } from '../args';
import { ExitCode, UsageError } from '../exit-codes';
import { loadRules } from '../load-rules';
import type { ReportedFinding } from '../report';
import type { CliIo } from '../run';
import { runScan } from '../scan';
import { terminalSafe } from '../terminal-text';
import type { PolicySubcommand } from './index';
import { parsePolicyArgs } from './local-bundle';
import { resolvePolicy } from './registry-policy';
import { loadPolicyRules } from './scan-policy';

// `bulwark policy preview CANDIDATE [PATH]`: what a candidate bundle would change on a workspace before
// it is published, as a diff against the policy in use (BULWARK_POLICY / .bulwark/policy.lock, else the
// built-in rules): findings that would appear, disappear, or change severity.

export const previewCommand: PolicySubcommand = {
  summary: 'show what a candidate bundle changes on a workspace, against the policy in use',
  help: `Usage: bulwark policy preview CANDIDATE [PATH] [--policy-key PUB] [--against REF|FILE|DIR] [--format text|json]

Scans PATH (default: the current folder) twice, with the policy in use and with CANDIDATE (a source
folder, an image-layout tar, or a signed registry reference verified with --policy-key), and prints the
difference: + new findings, - findings that go away, ~ findings whose severity changes.

The policy in use is --against, else BULWARK_POLICY, else .bulwark/policy.lock, else the built-in rules.

Exit codes: 0 the preview was made (whatever it shows), 2 a bundle cannot be read or verified.
`,
  async run(argv, io) {
    const { values, positionals } = parsePolicyArgs('preview', argv, {
      'policy-key': { type: 'string' },
      against: { type: 'string' },
      format: { type: 'string' },
    });
    if (positionals.length < 1 || positionals.length > 2) throw new UsageError('policy preview needs CANDIDATE and at most one PATH', [], true);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got "${format}")`);
    const key = values['policy-key'] ?? (io.env.BULWARK_POLICY_KEY || undefined);
    const scanArgs = ['scan', positionals[1] ?? '.', '--fail-on', 'none', '--allow-incomplete'];
    const base = parseCommand(scanArgs, {});
    if (base.kind !== 'scan') throw new Error('unreachable: a scan command');
    const current = await findings(base.options, { policy: values.against ?? (io.env.BULWARK_POLICY || undefined), policyKey: key }, io);
    const candidate = await findings(base.options, { policy: positionals[0], policyKey: key }, io);
    const diff = compare(current, candidate);
    io.stdout.write(format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : describe(diff));
    return ExitCode.Ok;
  },
};

interface Change {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  /** For severity changes: the severity under the policy in use. */
  readonly from?: string;
}

interface PreviewDiff {
  readonly added: Change[];
  readonly removed: Change[];
  readonly changed: Change[];
}

async function findings(options: ScanOptions, choice: { policy?: string; policyKey?: string }, io: CliIo): Promise<ReportedFinding[]> {
  const resolved = await resolvePolicy({ ...choice, offline: false }, io);
  const ruleSet: RuleSet = resolved ? loadPolicyRules(options, io.cwd, resolved.bundle).ruleSet : loadRules(options, io.cwd);
  return runScan(options, { cwd: io.cwd, now: io.now, ruleSet }).files.flatMap((f) => f.findings);
}

/** Findings are the same finding when path, rule and fingerprint agree (fingerprints survive moved lines). */
function compare(current: readonly ReportedFinding[], candidate: readonly ReportedFinding[]): PreviewDiff {
  const key = (f: ReportedFinding) => `${f.path}\u0000${f.ruleId}\u0000${f.fingerprint}`;
  const before = new Map(current.map((f) => [key(f), f]));
  const after = new Map(candidate.map((f) => [key(f), f]));
  const change = (f: ReportedFinding, from?: string): Change => ({
    path: f.path,
    line: f.region.startLine,
    column: f.region.startColumn,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...(from !== undefined ? { from } : {}),
  });
  return {
    added: candidate.filter((f) => !before.has(key(f))).map((f) => change(f)),
    removed: current.filter((f) => !after.has(key(f))).map((f) => change(f)),
    changed: candidate.filter((f) => before.has(key(f)) && before.get(key(f))?.severity !== f.severity).map((f) => change(f, before.get(key(f))?.severity)),
  };
}

function describe(diff: PreviewDiff): string {
  const at = (c: Change) => `${terminalSafe(c.path)}:${c.line}:${c.column}: ${c.ruleId}`;
  const lines = [
    ...diff.added.map((c) => `+ ${at(c)} ${c.severity} ${terminalSafe(c.message)}`),
    ...diff.removed.map((c) => `- ${at(c)} ${c.severity} ${terminalSafe(c.message)}`),
    ...diff.changed.map((c) => `~ ${at(c)} ${c.from} → ${c.severity}`),
  ];
  const summary = `${diff.added.length} new, ${diff.removed.length} gone, ${diff.changed.length} with another severity.`;
  return `${lines.join('\n')}${lines.length > 0 ? '\n\n' : ''}${summary}\n`;
}
