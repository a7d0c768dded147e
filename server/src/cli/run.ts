import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCommand, type ScanFormat, type ScanOptions } from './args';
import { ExitCode, UsageError, type ExitCodeValue } from './exit-codes';
import { formatCodeQuality } from './format-codequality';
import { formatJson } from './format-json';
import { formatRules } from './format-rules';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { MAIN_HELP, MERGE_SARIF_HELP, RULES_HELP, SCAN_HELP, TEST_HELP } from './help';
import { mergeSarif } from './merge-sarif';
import { checkOverrides, loadRules } from './load-rules';
import { scanFails, unreadNotices, type ScanReport } from './report';
import { runScanJobs } from './scan-jobs';
import { terminalSafe } from './terminal-text';
import { TOOL_VERSION } from './tool-info';
import { withApprovedImagesFile } from './approved-images';
import { resolveScanDigests } from './pin-digests';
import { loadPolicyRules } from './policy/scan-policy';
import { POLICY_LOCK_FILE } from '../node/policy/policy-lock';

/** Everything the CLI touches from its process, passed in so a test can run it in-process too. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly now: Date;
  /** Called when a scan has listed many files (the bin sets V8's throughput flags, cli/throughput-flags.ts). */
  readonly onLongScan?: () => void;
}

/**
 * Modules a scan without a policy never needs (signatures, registries, HTTP, fixtures), loaded when a
 * command uses them: they are a large part of the bundle's start-up. A require() inside a function stays
 * lazy in the esbuild bundle, where an import would be evaluated at start.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const onDemand = {
  testPack: () => require('./test-pack') as typeof import('./test-pack'),
  policy: () => require('./policy') as typeof import('./policy'),
  registryPolicy: () => require('./policy/registry-policy') as typeof import('./policy/registry-policy'),
} as const;
/* eslint-enable @typescript-eslint/no-require-imports */

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCodeValue> {
  try {
    const command = parseCommand(argv, io.env);
    switch (command.kind) {
      case 'help':
        io.stdout.write({ main: MAIN_HELP, scan: SCAN_HELP, rules: RULES_HELP, test: TEST_HELP, 'merge-sarif': MERGE_SARIF_HELP }[command.topic]);
        return ExitCode.Ok;
      case 'version':
        io.stdout.write(`${TOOL_VERSION}\n`);
        return ExitCode.Ok;
      case 'rules':
        io.stdout.write(formatRules(loadRules(command.options, io.cwd), command.options.format));
        return ExitCode.Ok;
      case 'scan':
        return await scanCommand(command.options, io);
      case 'test':
        return onDemand.testPack().testPacks(command.options, io);
      case 'merge-sarif':
        return mergeSarifCommand(command.options, io);
      case 'policy':
        return await onDemand.policy().runPolicyCommand(command.argv, io);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`bulwark: ${terminalSafe(err.message)}\n${err.details.map((d) => `  ${terminalSafe(d)}\n`).join('')}`);
      if (err.showHelpHint) io.stderr.write('Run "bulwark --help" for usage.\n');
      return ExitCode.UsageOrConfig;
    }
    io.stderr.write(`bulwark: internal error: ${internalError(err)}\n`);
    return ExitCode.UsageOrConfig;
  }
}

async function scanCommand(given: ScanOptions, io: CliIo): Promise<ExitCodeValue> {
  const registryPolicy = mayUsePolicy(given, io.cwd) ? onDemand.registryPolicy() : undefined;
  const policy = registryPolicy ? await registryPolicy.resolvePolicy(given, io) : undefined;
  if (registryPolicy && policy) io.stderr.write(registryPolicy.describeApplied(policy));
  // With a policy, user overrides are folded into the rule set under the policy's constraints.
  const loaded = policy ? loadPolicyRules(given, io.cwd, policy.bundle) : { ruleSet: loadRules(given, io.cwd), options: given };
  const { options } = loaded;
  const ruleSet = options.approvedImages !== undefined ? withApprovedImagesFile(loaded.ruleSet, options.approvedImages, io.cwd) : loaded.ruleSet;
  checkOverrides(options.severityOverrides, ruleSet);
  const pins = options.pinDigests ? await resolveScanDigests(options, io.cwd, io.env, { ruleSet, now: io.now, honorPeerSuppressions: options.honorPeerSuppressions }) : undefined;
  const report = await runScanJobs(options, { cwd: io.cwd, now: io.now, ruleSet, ...(pins ? { pins } : {}), ...(io.onLongScan ? { onLongScan: io.onLongScan } : {}) });
  const toTerminal = options.output === undefined && io.stdout.isTTY === true;
  const rendered = renderReport(report, options.format, toTerminal && options.color === 'auto');
  if (options.output === undefined) io.stdout.write(rendered);
  else writeReport(path.resolve(io.cwd, options.output), rendered);
  return exitCodeOf(report);
}

/** A scan uses a policy when given one, or when the repository has a policy lock (read, and checked, by resolvePolicy). */
function mayUsePolicy(options: ScanOptions, cwd: string): boolean {
  if (options.policy !== undefined) return true;
  try {
    fs.lstatSync(path.join(cwd, POLICY_LOCK_FILE));
    return true;
  } catch {
    return false;
  }
}

function mergeSarifCommand(options: { readonly files: readonly string[]; readonly output?: string }, io: CliIo): ExitCodeValue {
  const inputs = options.files.map((name) => {
    try {
      return { name, text: fs.readFileSync(path.resolve(io.cwd, name), 'utf8') };
    } catch (err) {
      throw new UsageError(`cannot read "${name}": ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  const merged = mergeSarif(inputs);
  if (options.output === undefined) io.stdout.write(merged);
  else writeReport(path.resolve(io.cwd, options.output), merged);
  return ExitCode.Ok;
}

/** An incomplete scan is not a verdict: exit 3 wins over findings (like grep's 2 over 1). */
function exitCodeOf(report: ScanReport): ExitCodeValue {
  if (!report.allowIncomplete && unreadNotices(report).length > 0) return ExitCode.Incomplete;
  return scanFails(report) ? ExitCode.Findings : ExitCode.Ok;
}

export function renderReport(report: ScanReport, format: ScanFormat, color: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'codequality':
      return formatCodeQuality(report);
    case 'text':
      return formatText(report, color);
  }
}

/** The message made safe, then the stack frames (code locations, not input). */
function internalError(err: unknown): string {
  if (!(err instanceof Error)) return terminalSafe(String(err));
  const frames = (err.stack ?? '').split('\n').filter((line) => /^ {4}at /.test(line));
  return [terminalSafe(err.message), ...frames.map(terminalSafe)].join('\n');
}

function writeReport(file: string, content: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  } catch (err) {
    throw new UsageError(`cannot write the report to "${file}": ${err instanceof Error ? err.message : String(err)}`);
  }
}
