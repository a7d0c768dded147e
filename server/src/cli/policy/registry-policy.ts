import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadedBundle } from '../../engine/policy';
import {
  PolicyCache,
  PolicyError,
  defaultCacheRoot,
  loadCachedPolicy,
  pullPolicy,
  readPolicyLock,
  type ActivePolicy,
  type PolicyContext,
} from '../../node/policy';
import { UsageError } from '../exit-codes';
import type { CliIo } from '../run';
import { TOOL_VERSION } from '../tool-info';
import { openLocalBundle } from './local-bundle';

// Where `bulwark scan` gets its policy: --policy / BULWARK_POLICY (a local bundle or a registry
// reference), else `.bulwark/policy.lock`. A registry bundle is pulled and verified (or, --offline,
// taken from the cache and re-verified). CI fails closed: every failure is exit 2 with its reason.

export interface PolicyChoice {
  readonly policy?: string;
  readonly policyKey?: string;
  readonly offline: boolean;
}

export interface ResolvedPolicy {
  readonly bundle: LoadedBundle;
  /** For registry bundles: what was applied and how it was verified. */
  readonly active?: ActivePolicy;
  readonly changed?: boolean;
}

export async function resolvePolicy(choice: PolicyChoice, io: CliIo): Promise<ResolvedPolicy | undefined> {
  const lock = choice.policy === undefined ? policyLockOrUsage(io.cwd) : undefined;
  const target = choice.policy ?? lock?.ref;
  if (target === undefined) return undefined;
  if (choice.policy !== undefined && !looksLikeRegistryReference(choice.policy, io.cwd)) {
    return { bundle: openLocalBundle(path.resolve(io.cwd, choice.policy)).bundle };
  }
  if (choice.policyKey === undefined) {
    throw new UsageError(`the registry policy ${target} needs the public key it is signed with: --policy-key FILE or BULWARK_POLICY_KEY`);
  }
  const source = { ref: target, publicKeyPem: readText(path.resolve(io.cwd, choice.policyKey), 'policy public key') };
  const context = policyContext(io);
  const result = await asUsageError(async () => {
    if (!choice.offline) return pullPolicy(source, context);
    const cached = loadCachedPolicy(source, context);
    if (!cached) throw new PolicyError('offline', `--offline: no cached bundle for ${target} (run "bulwark policy pull ${target} --key …" while online)`);
    return { active: cached, changed: false };
  });
  if (lock && result.active.record.keyFingerprint !== lock.keyFingerprint) {
    throw new UsageError(`.bulwark/policy.lock was verified with another key (${lock.keyFingerprint.slice(0, 19)}…) than --policy-key: update the lock with "bulwark policy lock"`);
  }
  return { bundle: result.active.bundle, active: result.active, changed: result.changed };
}

/**
 * A registry reference names a registry host first (`host.domain/…`, `host:port/…`, `localhost/…`);
 * anything else, or anything that exists on disk, is a local bundle (so a typo in a path says "cannot
 * read", not "needs a key").
 */
function looksLikeRegistryReference(value: string, cwd: string): boolean {
  if (value.startsWith('/') || value.startsWith('.') || fs.existsSync(path.resolve(cwd, value))) return false;
  const first = value.split('/')[0];
  return value.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
}

export function policyContext(io: CliIo): PolicyContext {
  return {
    cache: new PolicyCache(defaultCacheRoot({ ...io.env })),
    engineVersion: TOOL_VERSION,
    now: () => new Date(),
    registry: { env: { ...io.env }, ...(io.env.BULWARK_REGISTRY_CA_FILE ? { caFile: path.resolve(io.cwd, io.env.BULWARK_REGISTRY_CA_FILE) } : {}) },
  };
}

/** One line for stderr: which policy judged this scan, so a CI log says it. */
export function describeApplied(resolved: ResolvedPolicy): string {
  const { name, version, digest } = resolved.bundle.identity;
  const from = resolved.active ? `${resolved.active.record.ref.split('@')[0]}@${digest.slice(0, 19)}…, signature verified ${resolved.active.record.verifiedAt.slice(0, 10)}` : digest ? `${digest.slice(0, 19)}…, local` : 'local folder';
  return `bulwark: policy ${name} ${version} (${from})\n`;
}

export async function asUsageError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof PolicyError) throw new UsageError(err.message, err.details);
    throw err;
  }
}

function policyLockOrUsage(cwd: string) {
  try {
    return readPolicyLock(cwd);
  } catch (err) {
    if (err instanceof PolicyError) throw new UsageError(err.message);
    throw err;
  }
}

export function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
