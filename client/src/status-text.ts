// What the language status item says. No vscode import: unit-tested directly.
import type { ServerStatus } from './server-payloads';

export interface StatusText {
  readonly text: string;
  readonly detail: string;
  readonly warning: boolean;
}

/** "Bulwark: core 0.1.0 · 42 rules"; pack errors turn the item into a warning that says how many. */
export function describeStatus(status: ServerStatus): StatusText {
  const rules = status.packs.reduce((sum, p) => sum + p.ruleCount, 0);
  const packs = status.packs.map((p) => (p.version ? `${p.id} ${p.version}` : p.id)).join(', ') || 'no packs';
  const text = `Bulwark: ${packs} · ${rules} ${rules === 1 ? 'rule' : 'rules'}`;
  if (status.errors.length === 0) return { text, detail: 'rule set loaded', warning: false };
  const count = status.errors.length;
  return { text, detail: `${count} pack ${count === 1 ? 'error' : 'errors'} (see the Bulwark output)`, warning: true };
}
