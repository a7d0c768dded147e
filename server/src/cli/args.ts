import { parseArgs } from 'node:util';
import { DEFAULT_MAX_FILE_SIZE, SEVERITIES, type Severity, type SeverityOverride } from '../engine';
import { parseTestDate } from '../engine/testing/annotations';
import { UsageError } from './exit-codes';
import { parseShard, type Shard } from './shard';

// A tiny argument parser over node:util parseArgs: strict (unknown flags are usage errors), values
// validated here so the commands receive typed options and never see raw strings.

export type ScanFormat = 'text' | 'json' | 'sarif' | 'codequality';
export type RulesFormat = 'text' | 'json';
export type FailOn = Severity | 'none';
export type FixMode = 'off' | 'write' | 'dry-run';

export const DEFAULT_FAIL_ON: FailOn = 'high';

export interface PackOptions {
  /** Extra pack folders, in order, loaded after the built-in pack. */
  readonly packs: readonly string[];
  /** False with --no-builtin. */
  readonly builtin: boolean;
}

export interface ScanOptions extends PackOptions {
  readonly paths: readonly string[];
  readonly format: ScanFormat;
  readonly output?: string;
  /** By rule id; a Map so that ids such as `constructor` stay data. */
  readonly severityOverrides: ReadonlyMap<string, SeverityOverride>;
  readonly exclude: readonly string[];
  readonly failOn: FailOn;
  readonly fix: FixMode;
  readonly maxFileSize: number;
  /** --pod-security-profile: the Pod Security Standards level checked (a Namespace's enforce label wins). */
  readonly podSecurityProfile: 'baseline' | 'restricted';
  /** `never` with --no-color or NO_COLOR; otherwise colour only when writing to a terminal. */
  readonly color: 'auto' | 'never';
  /**
   * --policy (or BULWARK_POLICY): a local policy bundle (image-layout tar or source folder), or a
   * registry reference, applied in the documented merge order.
   */
  readonly policy?: string;
  /** --policy-key (or BULWARK_POLICY_KEY): the public key a registry bundle must be signed with. */
  readonly policyKey?: string;
  /** --approved-images FILE: an approved-images list (docs/approved-images.md) when no bundle carries one. */
  readonly approvedImages?: string;
  /** --offline: a registry bundle comes from the cache only. */
  readonly offline: boolean;
  /** --allow-incomplete: unreadable files or folders do not make the scan exit 3. */
  readonly allowIncomplete: boolean;
  /** --shard i/n: scan only the files whose path hashes to slot i of n (CI matrices). */
  readonly shard?: Shard;
  /** --honor-peer-suppressions: hadolint, checkov, kics and trivy comments suppress the rules mapped to them. */
  readonly honorPeerSuppressions: boolean;
  /** --pin-digests (with --fix or --fix-dry-run): pin every image to the digest its registry serves now. */
  readonly pinDigests: boolean;
  /** --jobs N: scan with N worker threads (1: in this thread); absent, every core for a large enough scan. */
  readonly jobs?: number;
}

export interface RulesOptions extends PackOptions {
  readonly format: RulesFormat;
}

export type Command =
  | { readonly kind: 'help'; readonly topic: 'main' | 'scan' | 'rules' | 'test' | 'merge-sarif' }
  | { readonly kind: 'version' }
  | { readonly kind: 'scan'; readonly options: ScanOptions }
  | { readonly kind: 'rules'; readonly options: RulesOptions }
  | { readonly kind: 'test'; readonly options: { readonly packs: readonly string[]; readonly updateGoldens: boolean; readonly now?: Date; readonly rules?: readonly string[] } }
  | { readonly kind: 'merge-sarif'; readonly options: { readonly files: readonly string[]; readonly output?: string } }
  /** `bulwark policy <subcommand> …`: parsed by the subcommand itself (cli/policy/). */
  | { readonly kind: 'policy'; readonly argv: readonly string[] };

const PACK_FLAGS = {
  rules: { type: 'string', multiple: true },
  'no-builtin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SCAN_FLAGS = {
  ...PACK_FLAGS,
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'severity-override': { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  'pod-security-profile': { type: 'string' },
  'no-color': { type: 'boolean' },
  policy: { type: 'string' },
  'policy-key': { type: 'string' },
  'approved-images': { type: 'string' },
  offline: { type: 'boolean' },
  'allow-incomplete': { type: 'boolean' },
  shard: { type: 'string' },
  'honor-peer-suppressions': { type: 'boolean' },
  'pin-digests': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
} as const;

const RULES_FLAGS = { ...PACK_FLAGS, format: { type: 'string', short: 'f' } } as const;

export function parseCommand(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return { kind: 'help', topic: 'main' };
  if (first === '--version' || first === '-v' || first === '-V') return { kind: 'version' };
  if (first === 'help') return { kind: 'help', topic: rest[0] === 'scan' || rest[0] === 'rules' || rest[0] === 'test' || rest[0] === 'merge-sarif' ? rest[0] : 'main' };
  if (first === 'scan') return parseScan(rest, env);
  if (first === 'rules') return parseRules(rest);
  if (first === 'test') return parseTest(rest);
  if (first === 'merge-sarif') return parseMergeSarif(rest);
  if (first === 'policy') return { kind: 'policy', argv: rest };
  if (first.startsWith('-')) throw new UsageError(`unknown option "${first}"`, [], true);
  throw new UsageError(`unknown command "${first}" (expected scan, rules, test, merge-sarif or policy)`, [], true);
}

function parseScan(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Command {
  const { values, positionals } = strictParse(args, SCAN_FLAGS);
  if (values.help) return { kind: 'help', topic: 'scan' };
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be combined');
  if (values['pin-digests'] && !values.fix && !values['fix-dry-run']) throw new UsageError('--pin-digests rewrites files: use it with --fix (or --fix-dry-run to see what it would pin)');
  const noColorEnv = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return {
    kind: 'scan',
    options: {
      paths: positionals.length > 0 ? positionals : ['.'],
      format: oneOf('--format', values.format ?? 'text', ['text', 'json', 'sarif', 'codequality'] as const),
      output: nonEmpty('--output', values.output),
      packs: (values.rules ?? []).map((p) => nonEmpty('--rules', p) ?? p),
      builtin: !values['no-builtin'],
      severityOverrides: parseOverrides(values['severity-override'] ?? []),
      exclude: (values.exclude ?? []).map((g) => nonEmpty('--exclude', g) ?? g),
      failOn: oneOf('--fail-on', values['fail-on'] ?? DEFAULT_FAIL_ON, [...SEVERITIES, 'none'] as const),
      fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'off',
      maxFileSize: values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : parseSize(values['max-file-size']),
      podSecurityProfile: oneOf('--pod-security-profile', values['pod-security-profile'] ?? 'restricted', ['baseline', 'restricted'] as const),
      color: values['no-color'] || noColorEnv ? 'never' : 'auto',
      ...optional('policy', nonEmpty('--policy', values.policy) ?? nonEmptyEnv(env.BULWARK_POLICY)),
      ...optional('policyKey', nonEmpty('--policy-key', values['policy-key']) ?? nonEmptyEnv(env.BULWARK_POLICY_KEY)),
      ...optional('approvedImages', nonEmpty('--approved-images', values['approved-images'])),
      offline: values.offline === true,
      allowIncomplete: values['allow-incomplete'] === true,
      ...(values.shard !== undefined ? { shard: parseShard(values.shard) } : {}),
      honorPeerSuppressions: values['honor-peer-suppressions'] === true,
      pinDigests: values['pin-digests'] === true,
      ...(values.jobs !== undefined ? { jobs: parseJobs(values.jobs) } : {}),
    },
  };
}

const MERGE_FLAGS = { output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } as const;

function parseMergeSarif(args: readonly string[]): Command {
  const { values, positionals } = strictParse(args, MERGE_FLAGS);
  if (values.help) return { kind: 'help', topic: 'merge-sarif' };
  if (positionals.length === 0) throw new UsageError('bulwark merge-sarif needs at least one SARIF file', [], true);
  return { kind: 'merge-sarif', options: { files: positionals, ...optional('output', nonEmpty('--output', values.output)) } };
}

function parseRules(args: readonly string[]): Command {
  const { values, positionals } = strictParse(args, RULES_FLAGS);
  if (values.help) return { kind: 'help', topic: 'rules' };
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, [], true);
  return {
    kind: 'rules',
    options: {
      format: oneOf('--format', values.format ?? 'text', ['text', 'json'] as const),
      packs: (values.rules ?? []).map((p) => nonEmpty('--rules', p) ?? p),
      builtin: !values['no-builtin'],
    },
  };
}

const TEST_FLAGS = { 'update-goldens': { type: 'boolean' }, now: { type: 'string' }, rule: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } as const;

function parseTest(args: readonly string[]): Command {
  const { values, positionals } = strictParse(args, TEST_FLAGS);
  if (values.help) return { kind: 'help', topic: 'test' };
  if (positionals.length === 0) throw new UsageError('bulwark test needs at least one pack folder', [], true);
  const now = values.now === undefined ? undefined : parseTestDate(values.now);
  if (values.now !== undefined && !now) throw new UsageError(`--now must be a date, YYYY-MM-DD (got "${values.now}")`, [], true);
  const rules = values.rule ?? [];
  return { kind: 'test', options: { packs: positionals, updateGoldens: values['update-goldens'] === true, ...(now ? { now } : {}), ...(rules.length > 0 ? { rules } : {}) } };
}

type Flags = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function strictParse<F extends Flags>(args: readonly string[], options: F) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (err) {
    // parseArgs explains itself well ("Unknown option '--x'"); keep its words, drop its advice about "--".
    const message = err instanceof Error ? err.message.split('. To specify a positional')[0] : String(err);
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1), [], true);
  }
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function nonEmptyEnv(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`${flag} needs a non-empty value`);
  return value;
}

const OVERRIDE_LEVELS = [...SEVERITIES, 'off'] as const;

function parseOverrides(entries: readonly string[]): Map<string, SeverityOverride> {
  const overrides = new Map<string, SeverityOverride>();
  for (const entry of entries) {
    const m = /^([a-z0-9]+(?:-[a-z0-9]+)*)=([a-z]+)$/.exec(entry.trim());
    if (!m) throw new UsageError(`--severity-override expects <rule-id>=<${OVERRIDE_LEVELS.join('|')}> (got "${entry}")`);
    overrides.set(m[1], oneOf(`--severity-override ${m[1]}`, m[2], OVERRIDE_LEVELS));
  }
  return overrides;
}

/** Up to 256 threads: more would only cost memory (each loads the rules once). */
const MAX_JOBS = 256;

function parseJobs(value: string): number {
  const jobs = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS} (got "${value}")`);
  return jobs;
}

const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2 };

/** Bytes, optionally with a binary unit: 500000, 512k, 5m, 5MiB. */
export function parseSize(value: string): number {
  const m = /^(\d+)\s*([a-z]*)$/i.exec(value.trim());
  const unit = m && Object.hasOwn(SIZE_UNITS, m[2].toLowerCase()) ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  const bytes = m && unit ? Number(m[1]) * unit : NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`--max-file-size must be a positive number of bytes, e.g. 5242880 or 5m (got "${value}")`);
  return bytes;
}
