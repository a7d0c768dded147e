import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseImageReference } from '../../engine/images/reference';
import { PolicyError } from './policy-error';

// `.bulwark/policy.lock`: the exact bundle (reference pinned to a digest) a repository is checked
// against, and the fingerprint of the key that verified it, so a policy change reaches the repository
// as a reviewed commit. Two `key: value` lines under a comment; anything else is an error.

export const POLICY_LOCK_FILE = path.join('.bulwark', 'policy.lock');

export interface PolicyLock {
  /** `registry/repository:tag@sha256:…` */
  readonly ref: string;
  readonly keyFingerprint: string;
}

const MAX_LOCK_BYTES = 4096;

export function readPolicyLock(dir: string): PolicyLock | undefined {
  const file = path.join(dir, POLICY_LOCK_FILE);
  let text: string;
  try {
    const stat = fs.lstatSync(file);
    if (!stat.isFile() || stat.size > MAX_LOCK_BYTES) throw new PolicyError('config', `${file} must be a regular file of at most ${MAX_LOCK_BYTES} bytes`);
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (err instanceof PolicyError) throw err;
    throw new PolicyError('config', `cannot read ${file}: ${(err as Error).message}`);
  }
  const fields = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const m = /^(ref|key):\s*(\S+)\s*$/.exec(line);
    if (!m || fields.has(m[1])) throw new PolicyError('config', `${file}:${i + 1}: expected "ref: <registry/repo:tag@sha256:…>" and "key: sha256:…" once each`);
    fields.set(m[1], m[2]);
  });
  const ref = fields.get('ref');
  const key = fields.get('key');
  const parsed = ref ? parseImageReference(ref) : undefined;
  if (!parsed?.ok || !parsed.ref.digest) throw new PolicyError('config', `${file}: "ref:" must be a reference pinned to a digest (registry/repo:tag@sha256:…)`);
  if (!key || !/^sha256:[a-f0-9]{64}$/.test(key)) throw new PolicyError('config', `${file}: "key:" must be the sha256 fingerprint of the public key`);
  return { ref: ref as string, keyFingerprint: key };
}

export function writePolicyLock(dir: string, lock: PolicyLock): string {
  const file = path.join(dir, POLICY_LOCK_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `# Bulwark policy lock: the policy bundle this repository is checked against (docs/policy.md).\n` +
      `# Update it with "bulwark policy lock REF --key PUB" and commit the change.\n` +
      `ref: ${lock.ref}\nkey: ${lock.keyFingerprint}\n`,
  );
  return file;
}
