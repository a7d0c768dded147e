// Reads the custom methods' payloads (protocol.ts) defensively, into the protocol's own types
// (server/src/protocol/): a server of another version degrades the UI instead of breaking it. No
// vscode import: unit-tested directly.
import type {
  PackStatus,
  PolicyStatus,
  RuleDocs,
  RuleSummary,
  ScanWorkspaceResult,
  StatusParams,
} from '../../server/src/protocol/custom-protocol';

export type { PolicyStatus } from '../../server/src/protocol/custom-protocol';

/** The status notification as the UI shows it: pack errors already in words, the policy always present. */
export interface ServerStatus extends Omit<StatusParams, 'errors' | 'policy'> {
  /** Human-readable pack problems (a broken rule file, an unknown template). */
  readonly errors: readonly string[];
  readonly policy: PolicyStatus;
}

const POLICY_STATES: readonly string[] = ['none', 'loading', 'verified', 'stale', 'error'];

export function parsePolicyStatus(raw: unknown): PolicyStatus {
  if (!isRecord(raw) || typeof raw.state !== 'string' || !POLICY_STATES.includes(raw.state)) return { state: 'none' };
  const out: Record<string, string> = { state: raw.state };
  for (const key of ['ref', 'digest', 'name', 'version', 'verifiedAt', 'checkedAt', 'message']) {
    if (typeof raw[key] === 'string') out[key] = raw[key];
  }
  return out as unknown as PolicyStatus;
}

export function parseStatus(raw: unknown): ServerStatus {
  const input = isRecord(raw) ? raw : {};
  const packs = arrayOf(input.packs).flatMap((p): PackStatus[] => {
    if (!isRecord(p) || typeof p.id !== 'string') return [];
    return [{ id: p.id, version: typeof p.version === 'string' ? p.version : '', ruleCount: typeof p.ruleCount === 'number' ? p.ruleCount : 0 }];
  });
  return { packs, errors: arrayOf(input.errors).map(describeError), policy: parsePolicyStatus(input.policy) };
}

export function parseRuleSet(raw: unknown): RuleSummary[] {
  const list = Array.isArray(raw) ? raw : isRecord(raw) ? arrayOf(raw.rules) : [];
  return list.flatMap((r): RuleSummary[] => {
    if (!isRecord(r) || typeof r.id !== 'string') return [];
    return [{ id: r.id, title: stringOr(r.title, r.id), severity: stringOr(r.severity, ''), language: stringOr(r.language, ''), packId: stringOr(r.packId, '') }];
  });
}

export function parseRuleDocs(raw: unknown, ruleId: string): RuleDocs {
  const input = isRecord(raw) ? raw : {};
  const title = stringOr(input.title, ruleId);
  return { title, markdown: stringOr(input.markdown, `# ${title}\n\nNo documentation for this rule.`) };
}

/**
 * `files` and `findings` may come as counts or as lists; either way the user wants numbers. An
 * answer without them is no summary (undefined): it must not be shown as "0 files, 0 findings".
 */
export function parseScanSummary(raw: unknown): ScanWorkspaceResult | undefined {
  if (!isRecord(raw)) return undefined;
  const count = (v: unknown): number | undefined => (typeof v === 'number' && v >= 0 ? v : Array.isArray(v) ? v.length : undefined);
  const files = count(raw.files);
  const findings = count(raw.findings);
  if (files === undefined || findings === undefined) return undefined;
  return { files, findings, skipped: count(raw.skipped) ?? 0, unreadable: count(raw.unreadable) ?? 0 };
}

export interface ScanMessage {
  readonly level: 'info' | 'warning' | 'error';
  readonly text: string;
}

/** What "Scan workspace" tells the user: a scan that failed, or read nothing it tried to read, looks like a failure. */
export function describeScan(outcome: { summary: ScanWorkspaceResult | undefined } | { error: string }): ScanMessage {
  if ('error' in outcome) return { level: 'error', text: `Bulwark: the workspace scan failed: ${outcome.error} (see the Bulwark log).` };
  const summary = outcome.summary;
  if (!summary) return { level: 'error', text: 'Bulwark: the workspace scan failed: the server answered without a summary (see the Bulwark log).' };
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const unreadableCount = summary.unreadable ?? 0;
  const unreadable = plural(unreadableCount, 'path', 'paths');
  if (unreadableCount > 0 && summary.files === 0) {
    return { level: 'error', text: `Bulwark could not scan the workspace: ${unreadable} could not be read and no file was analysed (see the Bulwark log).` };
  }
  const scanned = `Bulwark scanned ${plural(summary.files, 'file', 'files')}: ${plural(summary.findings, 'finding', 'findings')}.`;
  if (unreadableCount > 0) return { level: 'warning', text: `${scanned} The scan is incomplete: ${unreadable} could not be read (see the Bulwark log).` };
  return { level: 'info', text: scanned };
}

function describeError(e: unknown): string {
  if (typeof e === 'string') return e;
  if (!isRecord(e)) return String(e);
  const where = [e.pack, e.file].filter((s): s is string => typeof s === 'string' && s.length > 0).join(': ');
  const message = stringOr(e.message, JSON.stringify(e));
  return where ? `${where}: ${message}` : message;
}

function arrayOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function stringOr(v: unknown, fallback: string): string {
  return typeof v === 'string' && v.length > 0 ? v : fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What "Preview policy" shows: the report text, or why there is none. */
export type PolicyPreview = { readonly ok: true; readonly report: string; readonly counts: string } | { readonly ok: false; readonly message: string };

/** The `bulwark/previewPolicy` answer as an output-channel report; a malformed answer is a failure, never a crash. */
export function parsePolicyPreview(raw: unknown): PolicyPreview {
  if (!isRecord(raw)) return { ok: false, message: 'the server sent no preview' };
  if (raw.ok !== true) return { ok: false, message: typeof raw.message === 'string' ? raw.message : 'the preview failed' };
  const candidate = isRecord(raw.candidate) ? raw.candidate : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '?');
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  const counts = `${count(raw.added)} new, ${count(raw.removed)} gone, ${count(raw.changed)} with another severity`;
  const header = `Preview of policy ${text(candidate.name)} ${text(candidate.version)} (${text(candidate.digest)}) against ${text(raw.against)}`;
  return { ok: true, counts, report: `${header}\n\n${typeof raw.text === 'string' ? raw.text : `${counts}.\n`}` };
}
