import type { PolicyPreviewChange } from '../../protocol/custom-protocol';
import type { ReportedFinding } from '../report';
import { terminalSafe } from '../terminal-text';

// What `bulwark policy preview` and the editor's "Preview policy" show: the findings a candidate bundle
// adds, removes or re-grades compared with the policy in use, on the same files.

/** One finding of the diff: the protocol's type, so the editor's answer and the CLI's are one shape. */
export type Change = PolicyPreviewChange;

export interface PreviewDiff {
  readonly added: Change[];
  readonly removed: Change[];
  readonly changed: Change[];
}

/** Findings are the same finding when path, rule and fingerprint agree (fingerprints survive moved lines). */
export function previewDiff(current: readonly ReportedFinding[], candidate: readonly ReportedFinding[]): PreviewDiff {
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

export function describePreview(diff: PreviewDiff): string {
  const at = (c: Change) => `${terminalSafe(c.path)}:${c.line}:${c.column}: ${c.ruleId}`;
  const lines = [
    ...diff.added.map((c) => `+ ${at(c)} ${c.severity} ${terminalSafe(c.message)}`),
    ...diff.removed.map((c) => `- ${at(c)} ${c.severity} ${terminalSafe(c.message)}`),
    ...diff.changed.map((c) => `~ ${at(c)} ${c.from} → ${c.severity}`),
  ];
  const summary = `${diff.added.length} new, ${diff.removed.length} gone, ${diff.changed.length} with another severity.`;
  return `${lines.join('\n')}${lines.length > 0 ? '\n\n' : ''}${summary}\n`;
}
