import type { RuleSet } from '../../engine';
import { parseCommand, type ScanOptions } from '../args';
import { ExitCode, UsageError } from '../exit-codes';
import { loadRules } from '../load-rules';
import type { ReportedFinding } from '../report';
import type { CliIo } from '../run';
import { runScan } from '../scan';
import type { PolicySubcommand } from './index';
import { parsePolicyArgs } from './local-bundle';
import { describePreview, previewDiff } from './preview-diff';
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
    const diff = previewDiff(current, candidate);
    io.stdout.write(format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : describePreview(diff));
    return ExitCode.Ok;
  },
};

async function findings(options: ScanOptions, choice: { policy?: string; policyKey?: string }, io: CliIo): Promise<ReportedFinding[]> {
  const resolved = await resolvePolicy({ ...choice, offline: false }, io);
  const ruleSet: RuleSet = resolved ? loadPolicyRules(options, io.cwd, resolved.bundle).ruleSet : loadRules(options, io.cwd);
  return runScan(options, { cwd: io.cwd, now: io.now, ruleSet }).files.flatMap((f) => f.findings);
}

