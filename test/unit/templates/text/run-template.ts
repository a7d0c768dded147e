import { parseText, type TextModel } from '../../../../server/src/engine/parsers/text';
import { SafeRegex, type RegexCompiler } from '../../../../server/src/engine/safe-regex';
import type { AnyTemplate } from '../../../../server/src/engine/templates/template';
import type { Report } from '../../../../server/src/engine/types';

// Runs one text template directly (no pack, no analyze), so template tests pin the template's own
// behaviour: what it reports, where, and with which data.

const TEST_NOW = new Date('2026-06-01T00:00:00Z');

export interface TemplateRun {
  readonly model: TextModel;
  readonly reports: Report[];
  /** The text each report spans. */
  readonly spanned: string[];
}

export function runTemplate(template: AnyTemplate, params: unknown, uri: string, text: string, now = TEST_NOW): TemplateRun {
  const check = (template.instantiate as (p: unknown, regex: RegexCompiler) => (m: TextModel, ctx: { report(r: Report): void; now: Date }) => void)(params, (source, caseInsensitive) => new SafeRegex(source, caseInsensitive));
  const model = parseText(text, uri);
  const reports: Report[] = [];
  check(model, { report: (r) => reports.push(r), now });
  return { model, reports, spanned: reports.map((r) => text.slice(r.span.start, r.span.end)) };
}
