import { fingerprint } from './fingerprint';
import { detectLanguage } from './language';
import { parseDockerfile, type DockerfileModel } from './parsers/dockerfile';
import { parseKubernetes, type KubernetesModel } from './parsers/kubernetes';
import { parseText, type TextModel } from './parsers/text';
import { analyzeUnderPolicy } from './policy/enforce';
import { dropSuperseded } from './superseded';
import { parseSuppressions, type SuppressionDirective } from './suppressions';
import { LineIndex, mask, unquotedSecret } from './text';
import type {
  AnalysisResult,
  AnalyzeOptions,
  Finding,
  Fix,
  Language,
  Notice,
  Report,
  Rule,
  RuleSet,
  SourceFile,
  Span,
  SuppressedFinding,
} from './types';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

interface Models {
  readonly language: Language;
  readonly text: TextModel;
  readonly dockerfile?: DockerfileModel;
  readonly kubernetes?: KubernetesModel;
}

/**
 * The one analysis path behind the editor and CI: detect the language, parse once, run every rule
 * in isolation (a throwing rule becomes a notice), apply suppressions, and return findings sorted by
 * position. Never throws because of the document's content.
 */
export function analyze(file: SourceFile, ruleSet: RuleSet, options: AnalyzeOptions = {}): AnalysisResult {
  if (ruleSet.suppressionPolicy) return analyzeUnderPolicy(file, ruleSet, options, analyze);
  const language = detectLanguage(file);
  const notices: Notice[] = [];
  const skip = (notice: Notice): AnalysisResult => ({ language, findings: [], suppressed: [], notices: [notice] });
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (file.text.length > max) {
    return skip({ code: 'file-too-large', message: `Not analysed: the file is larger than the ${Math.round(max / 1024)} KB limit (bulwark.maxFileSize).` });
  }
  if (looksBinary(file.text)) return skip({ code: 'binary-file', message: 'Not analysed: the file looks binary.' });

  const models = parseModels(file, language, ruleSet, options, notices);
  const now = options.now ?? new Date();
  const findings: Finding[] = [];
  const occurrences = new Map<string, number>();
  for (const rule of ruleSet.rules) {
    const override = options.severityOverrides?.[rule.meta.id];
    if (override === 'off') continue;
    const model = modelFor(rule, models);
    if (!model) continue;
    let reports: readonly Report[];
    try {
      reports = rule.meta.language === 'text' && models.kubernetes ? textRulePerDocument(rule, models.kubernetes, file.uri, now) : runCheck(rule, model, now);
    } catch (err) {
      notices.push({ code: 'rule-failed', ruleId: rule.meta.id, message: `Rule ${rule.meta.id} failed on this file and was skipped: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    for (const report of reports) findings.push(toFinding(rule, report, file.text, override ?? rule.meta.severity, occurrences));
  }
  if (models.dockerfile) notices.push(...tooComplexNotices(models.dockerfile));
  const { kept, suppressed } = applySuppressions(dropSuperseded(findings, ruleSet), models, now);
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { language, findings: kept, suppressed, notices };
}

/**
 * A RUN the shell reader gave up on is still checked (its commands come from a flat scan), but the
 * checks are approximate there: say so on the instruction, so hostile syntax never passes silently.
 */
function tooComplexNotices(dockerfile: DockerfileModel): Notice[] {
  return dockerfile.tooComplexScripts().map((script) => ({
    code: 'script-too-complex',
    span: script.entry.span,
    message: `RUN script too complex to read in full (${script.tooComplex}); its commands were scanned flat, so the RUN checks are approximate here. Simplify or split the instruction.`,
  }));
}

function parseModels(file: SourceFile, language: Language, ruleSet: RuleSet, options: AnalyzeOptions, notices: Notice[]): Models {
  const lines = new LineIndex(file.text);
  const text = parseText(file.text, file.uri, lines);
  if (language === 'dockerfile') {
    // dockerfile-ast would read a BOM as part of the first keyword; a space keeps every offset.
    const source = file.text.charCodeAt(0) === 0xfeff ? ' ' + file.text.slice(1) : file.text;
    return { language, text, dockerfile: parseDockerfile(source, options.cache) };
  }
  if (language === 'kubernetes') {
    const kubernetes = parseKubernetes(file.text, options.cache, lines, kindsRead(ruleSet, options));
    const templated = kubernetes.documents.filter((d) => d.templated).length;
    if (templated > 0) {
      notices.push({ code: 'templated-yaml', message: `${templated} document(s) use template syntax ({{ … }}) and were not checked as Kubernetes objects; scan the rendered manifests (helm template …) for full coverage.` });
    }
    const broken = kubernetes.documents.find((d) => d.errors.length > 0);
    if (broken) {
      notices.push({ code: 'parse-error', span: broken.errors[0].span, message: `YAML syntax error (${broken.errors[0].message}); Kubernetes checks skipped that document until it parses.` });
    }
    return { language, text, kubernetes };
  }
  return { language, text };
}

/** The Kubernetes kinds the active rules read; undefined when one of them reads every kind. */
function kindsRead(ruleSet: RuleSet, options: AnalyzeOptions): ReadonlySet<string> | undefined {
  const kinds = new Set<string>();
  for (const rule of ruleSet.rules) {
    if (rule.meta.language !== 'kubernetes' || options.severityOverrides?.[rule.meta.id] === 'off') continue;
    if (!rule.objectKinds) return undefined;
    for (const kind of rule.objectKinds) kinds.add(kind);
  }
  return kinds;
}

function runCheck(rule: Rule, model: unknown, now: Date): Report[] {
  const reports: Report[] = [];
  (rule.check as (m: unknown, ctx: { report(r: Report): void; now: Date }) => void)(model, { report: (r) => reports.push(r), now });
  return reports;
}

/**
 * Text rules (secrets, suppression comments) are line-local, so on a multi-document YAML file they run
 * per `---` section and their reports are memoised with the cached parse: a keystroke in a 2 MB
 * manifest re-scans only the section it touched.
 */
function textRulePerDocument(rule: Rule, kubernetes: KubernetesModel, uri: string, now: Date): Report[] {
  const out: Report[] = [];
  for (const document of kubernetes.documents) {
    let reports = document.memo.get(rule) as Report[] | undefined;
    if (!reports) {
      reports = runCheck(rule, parseText(document.text, uri), now);
      document.memo.set(rule, reports);
    }
    for (const r of reports) out.push(document.base === 0 ? r : shiftReport(r, document.base));
  }
  return out;
}

function shiftReport(report: Report, by: number): Report {
  const shift = (span: Span): Span => ({ start: span.start + by, end: span.end + by });
  return {
    ...report,
    span: shift(report.span),
    fixes: report.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, span: shift(e.span) })) })),
  };
}

function modelFor(rule: Rule, models: Models): unknown {
  switch (rule.meta.language) {
    case 'dockerfile':
      return models.dockerfile;
    case 'kubernetes':
      return models.kubernetes;
    case 'text':
      return models.text;
  }
}

function toFinding(rule: Rule, report: Report, text: string, severity: Finding['severity'], occurrences: Map<string, number>): Finding {
  const start = clamp(report.span.start, text.length);
  const span = { start, end: clamp(Math.max(report.span.end, start), text.length) };
  const matched = text.slice(span.start, span.end);
  const identity = `${rule.meta.id}\u0000${matched}\u0000${report.key ?? ''}`;
  const occurrence = occurrences.get(identity) ?? 0;
  occurrences.set(identity, occurrence + 1);
  let message = interpolate(rule.meta.message, report.data ?? {});
  // Belt and braces: a secret rule's message must never echo the secret, whatever the template did.
  if (rule.meta.tags.includes('secret')) {
    for (const secret of new Set([matched, unquotedSecret(matched)])) {
      if (secret.length >= 6 && message.includes(secret)) message = message.split(secret).join(mask(secret));
    }
  }
  return {
    id: fingerprint(rule.meta.id, matched, report.key ?? '', occurrence),
    ruleId: rule.meta.id,
    packId: rule.meta.packId,
    severity,
    message,
    span,
    fixes: fixesFor(rule, report.fixes ?? [], report.data ?? {}),
  };
}

/** Only a rule that declares `fix:` offers its template's fixes; it may demote an autofix to a suggestion. */
function fixesFor(rule: Rule, fixes: readonly Fix[], data: Readonly<Record<string, string>>): Fix[] {
  const declared = rule.meta.fix;
  if (!declared) return [];
  return fixes.map((fix) => ({
    ...fix,
    kind: declared.kind === 'suggestion' ? 'suggestion' : fix.kind,
    title: declared.title && fixes.length === 1 ? interpolate(declared.title, data) : fix.title,
  }));
}

export function interpolate(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => data[name] ?? whole);
}

function applySuppressions(findings: Finding[], models: Models, now: Date): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  const directives = parseSuppressions(models.text.text, models.text.lines, now).filter((d) => d.problems.length === 0);
  if (directives.length === 0) return { kept: findings, suppressed: [] };
  const statementLine = statementLineOf(models);
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const line = statementLine(finding.span.start);
    const directive = directives.find((d) => d.ruleIds.includes(finding.ruleId) && (d.scope === 'file' || d.targetLine === line));
    if (directive) suppressed.push({ finding, reason: directive.reason ?? '', until: directive.until });
    else kept.push(finding);
  }
  return { kept, suppressed };
}

/** A Dockerfile directive covers the whole instruction that starts below it, continuation lines too. */
function statementLineOf(models: Models): (offset: number) => number {
  const lines = models.text.lines;
  const dockerfile = models.dockerfile;
  if (!dockerfile) return (offset) => lines.lineOf(offset);
  const starts = dockerfile.ast.getInstructions().map((i) => dockerfile.span(i.getRange()));
  return (offset) => {
    const owner = starts.find((s) => s.start <= offset && offset <= s.end);
    return lines.lineOf(owner ? owner.start : offset);
  };
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}

function looksBinary(text: string): boolean {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  return head.includes('\u0000');
}

export type { SuppressionDirective };
