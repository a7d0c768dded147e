import { applyEdits } from '../../../../server/src/engine';
import { SafeRegex } from '../../../../server/src/engine/safe-regex';
import { parseKubernetes } from '../../../../server/src/engine/parsers/kubernetes';
import { builtinTemplates } from '../../../../server/src/engine/templates/index';
import type { Report } from '../../../../server/src/engine/types';

// Runs one Kubernetes template with params over a text and describes its reports in plain data, so
// tests compare what a person would check: the underlined text, the message data, the fixed text.

export interface Described {
  readonly text: string;
  /** Where the report starts and ends: offsets in the text. */
  readonly span: readonly [number, number];
  readonly data: Readonly<Record<string, string>>;
  readonly key?: string;
  /** Text after applying each fix on its own. */
  readonly fixed: readonly string[];
  readonly fixKinds: readonly string[];
}

export function runTemplate(id: string, params: unknown, text: string): Described[] {
  const template = builtinTemplates().get(id);
  if (!template) throw new Error(`no template ${id}`);
  const check = template.instantiate(params as never, (source, caseInsensitive) => new SafeRegex(source, caseInsensitive)) as (m: unknown, ctx: { report(r: Report): void; now: Date }) => void;
  const reports: Report[] = [];
  check(parseKubernetes(text), { report: (r) => reports.push(r), now: new Date('2026-06-01T00:00:00Z') });
  return reports.map((r) => ({
    text: text.slice(r.span.start, r.span.end),
    span: [r.span.start, r.span.end],
    data: r.data ?? {},
    key: r.key,
    fixed: (r.fixes ?? []).map((f) => applyEdits(text, f.edits).text),
    fixKinds: (r.fixes ?? []).map((f) => f.kind),
  }));
}

/** A Deployment around a container list, so cases stay short. */
export function deployment(podSpec: string): string {
  const indented = podSpec
    .split('\n')
    .map((l) => (l ? `      ${l}` : l))
    .join('\n');
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${indented}`;
}
