// What the language status item says. No vscode import: unit-tested directly.
import type { PolicyStatus, ServerStatus } from './server-payloads';

export interface StatusText {
  readonly text: string;
  readonly detail: string;
  readonly warning: boolean;
}

/**
 * "Bulwark: core 0.1.0 · 42 rules", or with a policy "Bulwark: acme-policy 1.2.0 · 45 rules"; pack
 * errors and policy problems turn the item into a warning that says what is wrong.
 */
export function describeStatus(status: ServerStatus, now: Date = new Date()): StatusText {
  const rules = status.packs.reduce((sum, p) => sum + p.ruleCount, 0);
  const count = `${rules} ${rules === 1 ? 'rule' : 'rules'}`;
  const policy = status.policy.state === 'none' ? undefined : describePolicy(status.policy, now);
  const packs = status.packs.map((p) => (p.version ? `${p.id} ${p.version}` : p.id)).join(', ') || 'no packs';
  const named = status.policy.name ? `${status.policy.name} ${status.policy.version ?? ''}`.trim() : packs;
  const text = `Bulwark: ${named} · ${count}`;
  if (status.errors.length > 0) {
    const n = status.errors.length;
    return { text, detail: `${n} pack ${n === 1 ? 'error' : 'errors'} (see the Bulwark output)${policy ? `; ${policy.detail}` : ''}`, warning: true };
  }
  if (policy) return { text, detail: policy.detail, warning: policy.warning };
  return { text, detail: 'rule set loaded', warning: false };
}

/** The policy part: `ref@sha256:1234abcd…`, its age and verification state, or the problem and action. */
export function describePolicy(policy: PolicyStatus, now: Date = new Date()): { detail: string; warning: boolean } {
  const pinned = policy.digest ? `${policy.ref ?? ''}@${policy.digest.slice(0, 15)}…` : (policy.ref ?? '');
  const verified = policy.verifiedAt ? `verified ${age(policy.verifiedAt, now)}` : '';
  switch (policy.state) {
    case 'none':
      return { detail: 'no organisation policy configured (bulwark.policy.ref)', warning: false };
    case 'loading':
      return { detail: `policy ${pinned}: fetching…`, warning: false };
    case 'verified':
      return { detail: `policy ${pinned}, signature ${verified}`, warning: false };
    case 'stale':
      return { detail: `policy ${pinned}, signature ${verified}: ${policy.message ?? 'not confirmed recently'}`, warning: true };
    case 'error':
      return { detail: `policy ${pinned}${policy.digest ? ` (last good, ${verified})` : ' not applied'}: ${policy.message ?? 'unknown error'}`, warning: true };
  }
}

function age(iso: string, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000));
  if (!Number.isFinite(minutes)) return 'at an unknown time';
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}
