import { fingerprint } from './fingerprint';
import { compileApprovedImages } from './images/approved';
import { detectLanguage } from './language';
import { parseDockerfile, type DockerfileModel } from './parsers/dockerfile';
import { dockerfileRulePerScript, dockerfileRuleScriptsApart } from './dockerfile-script-rules';
import { ReportReuse } from './dockerfile-report-reuse';
import { kubernetesSteps, type K8sDocument, type KubernetesModel } from './parsers/kubernetes';
import { kubernetesRulePerSection, objectsBySection, sectionInputs, SectionTexts, textRulePerSection, type PerSectionState } from './kubernetes-sections';
import { parseText, type TextModel } from './parsers/text';
import { dropSuperseded, impliedAsRelated, supersededFindings } from './superseded';
import { permittedOverride } from './policy/enforce';
import { modelSuppressions, type SuppressionDirective } from './suppressions';
import { applySuppressions, type SuppressionInput } from './apply-suppressions';
import { SecretMasker } from './secret-mask';
import { FindingMemo } from './finding-memo';
import { runSteps } from './steps';
import { compareNames } from './name-order';
import { capLongLines } from './line-cap';
import { LineIndex } from './text';
import { chunkResults, type ChunkReader } from './chunk-results';
import { FileWindows, WINDOWED_MIN_LENGTH } from './text-windows';
import { kindFilter } from './parsers/kubernetes-kinds';
import type {
  AnalysisResult,
  AnalyzeOptions,
  CheckContext,
  Finding,
  Fix,
  Language,
  Notice,
  Report,
  Rule,
  RuleSet,
  SourceFile,
  Span,
  TextLookaround,
} from './types';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

interface Models {
  readonly language: Language;
  readonly text: TextModel;
  readonly dockerfile?: DockerfileModel;
  /** A Dockerfile no active rule reads is parsed only if a finding needs its instructions (suppressions). */
  readonly unparsedDockerfile?: () => DockerfileModel;
  readonly kubernetes?: KubernetesModel;
}

/**
 * The one analysis path behind the editor and CI: detect the language, parse once, run every rule
 * in isolation (a throwing rule becomes a notice), apply suppressions, and return findings sorted by
 * position. Never throws because of the document's content.
 */
export function analyze(file: SourceFile, ruleSet: RuleSet, options: AnalyzeOptions = {}): AnalysisResult {
  return runSteps(analysisSteps(file, ruleSet, options));
}

/**
 * analyze() in steps: it pauses after parsing and after each rule, so a caller can give its event
 * loop a turn on a large file (the language server answers hovers and cancellations meanwhile) or
 * stop when the document has changed. Nothing is shared between two runs but the caller's cache.
 */
export function* analysisSteps(file: SourceFile, ruleSet: RuleSet, options: AnalyzeOptions = {}): Generator<void, AnalysisResult, void> {
  const language = detectLanguage(file);
  const notices: Notice[] = [];
  const skip = (notice: Notice): AnalysisResult => ({ language, findings: [], suppressed: [], notices: [notice] });
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (file.text.length > max) {
    return skip({ code: 'file-too-large', message: `Not analysed: the file is larger than the ${Math.round(max / 1024)} KB limit (bulwark.maxFileSize).` });
  }
  if (looksBinary(file.text)) return skip({ code: 'binary-file', message: 'Not analysed: the file looks binary.' });

  // With the caller's cache, text rules that declare how far they read run on windows of the file (text-windows.ts),
  // or in a manifest on windows of its large sections (a CRD of 1.4 MB).
  const windowed = options.textWindows === true && options.cache !== undefined && file.text.length >= WINDOWED_MIN_LENGTH;
  const models = yield* parseModels(file, language, ruleSet, options, notices, windowed);
  yield;
  const now = options.now ?? new Date();
  const approvedList = options.approvedImages ?? ruleSet.approvedImages;
  const approvedImages = approvedList ? compileApprovedImages(approvedList) : undefined;
  const reported: RuleReport[] = [];
  const lookarounds = windowed ? windowedRules(ruleSet, models.text.fileName) : new Map<Rule, TextLookaround>();
  const run: RuleRun = {
    // lineMemo: per-line results kept between keystrokes need a cache that outlives the analysis (not the CLI's).
    context: { now, uri: file.uri, suppressionPolicy: ruleSet.suppressionPolicy, approvedImages, imageDigests: options.imageDigests, workspace: options.workspace, podSecurityProfile: options.podSecurityProfile ?? 'restricted', lineMemo: options.cache && options.cache.shortLived !== true ? options.cache : undefined },
    models,
    cache: options.cache,
    windows: options.cache && lookarounds.size > 0 && !models.kubernetes ? new FileWindows(models.text, options.cache, lookarounds, ruleSet.keywordPass) : undefined,
    sectionTexts: models.kubernetes ? new SectionTexts(file.uri, ruleSet.keywordPass, options.cache, lookarounds, models.kubernetes.documents.length) : undefined,
    // Reports kept per RUN script serve the next analysis of the file (a keystroke); a cache dropped with the
    // file (the CLI's) has none, and running each such rule once per script, on a model of its own that
    // re-derives what the rules share (the commands by program), was 8% of a CLI scan of Dockerfiles (callgrind).
    scriptMemo: options.cache && options.cache.shortLived !== true ? options.cache : undefined,
    perSection: undefined,
    reportReuse: undefined,
  };
  for (const rule of ruleSet.rules) {
    const override = permittedOverride(rule.meta.id, rule.meta.severity, options.severityOverrides?.get(rule.meta.id), ruleSet.suppressionPolicy);
    if (override === 'off') continue;
    const model = modelFor(rule, models);
    if (!model) continue;
    let reports: readonly Report[];
    try {
      reports = inPositionOrder(ruleReports(rule, model, run));
    } catch (err) {
      notices.push({ code: 'rule-failed', ruleId: rule.meta.id, message: `Rule ${rule.meta.id} failed on this file and was skipped: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    addReports(reported, rule, reports, override);
    yield;
  }
  return judgedResult(file, ruleSet, options, models, reported, notices, now);
}

/** What every rule of one analysis runs with: made once per file, before the rule loop. */
interface RuleRun {
  readonly context: Omit<CheckContext, 'report'>;
  readonly models: Models;
  readonly cache: AnalyzeOptions['cache'];
  readonly windows: FileWindows | undefined;
  readonly sectionTexts: SectionTexts | undefined;
  readonly scriptMemo: AnalyzeOptions['cache'];
  /** With the caller's cache, Kubernetes rules that read one section at a time are memoised per section (built at the first such rule). */
  perSection: PerSectionState | undefined;
  /** With a cache kept across analyses, whole-file Dockerfile rules' reports replaced by equal ones of the last analysis (built at the first such rule). */
  reportReuse: ReportReuse | undefined;
}

/**
 * One rule's reports on the file, by the way the rule runs. Apart from the generator: V8 compiles a
 * generator's whole body again at each deoptimisation, and the rules' many object shapes (a rule's
 * optional flags, each template's reports) deoptimised this choice several times per scan.
 */
function ruleReports(rule: Rule, model: unknown, run: RuleRun): Report[] {
  const { context, models, cache, windows, sectionTexts, scriptMemo } = run;
  const kubernetes = models.kubernetes;
  if (rule.meta.language === 'text' && kubernetes && sectionTexts) return textRulePerSection(rule, kubernetes, sectionTexts, { now: context.now, uri: context.uri, suppressionPolicy: context.suppressionPolicy });
  if (rule.perSection && kubernetes && cache) {
    run.perSection ??= { bySection: objectsBySection(kubernetes), inputs: sectionInputs(kubernetes, context), models: new Map(), sectionsByKinds: new Map(), keep: cache.shortLived !== true };
    return kubernetesRulePerSection(rule, kubernetes, run.perSection, context);
  }
  if (windows && windows.has(rule)) {
    const windowReports = windows.reports(rule, context);
    if (!cache || !rule.wholeFileStep?.(models.text.fileName)) return windowReports;
    // One object per analysis, so the per-chunk results age once per analysis.
    const chunkResultsOf = <R>(reader: ChunkReader<R>): R[] => chunkResults(models.text.text, windows.chunks(), reader, cache, windows);
    return runCheck(rule, model, { ...context, windowReports, chunkResults: chunkResultsOf });
  }
  if (rule.perRunScript && models.dockerfile && scriptMemo) return dockerfileRulePerScript(rule, models.dockerfile, scriptMemo, context);
  if (rule.runScriptsApart && models.dockerfile && scriptMemo) return dockerfileRuleScriptsApart(rule, models.dockerfile, scriptMemo, context, (run.reportReuse ??= new ReportReuse(scriptMemo, models.dockerfile.text)));
  if (rule.meta.language === 'dockerfile' && models.dockerfile && scriptMemo) return (run.reportReuse ??= new ReportReuse(scriptMemo, models.dockerfile.text)).reuse(rule, runCheck(rule, model, context));
  return runCheck(rule, model, context);
}

/** Each report of the rule with its severity: the override, the report's own, or the rule's (reports come in many shapes). */
function addReports(into: RuleReport[], rule: Rule, reports: readonly Report[], override: Finding['severity'] | undefined): void {
  for (const report of reports) into.push({ rule, report, severity: override ?? report.severity ?? rule.meta.severity });
}

/**
 * The rules' reports made findings (masked, fingerprinted), judged against suppressions and superseding,
 * in position order. A function of its own, not part of the generator: V8 recompiles a function each time
 * a new object shape reaches it, and this part sees many (findings with and without fixes or related).
 */
function judgedResult(file: SourceFile, ruleSet: RuleSet, options: AnalyzeOptions, models: Models, reported: readonly RuleReport[], notices: Notice[], now: Date): AnalysisResult {
  const language = models.language;
  if (models.dockerfile) notices.push(...tooComplexNotices(models.dockerfile));
  // Every secret's range is known before the first message is written, so each message is safe as built.
  const masker = new SecretMasker(file.text, reported.filter((r) => r.rule.meta.tags.includes('secret')).map((r) => clampSpan(r.report.span, file.text.length)));
  // With the caller's cache, a report kept from the last analyses gives back its finding (finding-memo.ts).
  const memo = FindingMemo.of(options.cache, file.text, masker);
  const keyed = reported.map((r) => ({
    finding: memo.finding(r.rule, r.report, r.severity, (report, span, matched, occurrence) => toFinding(r.rule, report, r.severity, span, matched, occurrence, masker)),
    key: r.report.key,
  }));
  const keyOf = new Map(keyed.map((k) => [k.finding, k.key]));
  const withKeys = (fs: readonly Finding[]) => fs.map((finding) => ({ finding, key: keyOf.get(finding) }));
  // Without findings there is nothing to suppress: no suppression comment scan, no Dockerfile parse for it.
  const judged = keyed.length === 0 ? { kept: [], suppressed: [] } : applySuppressions(keyed.map((k) => k.finding), suppressionInput(models), now, ruleSet, options.honorPeerSuppressions === true);
  // Superseding runs on what remains: suppressing the stronger finding brings back the one it hid
  // (so a bulwark-ignore of a waivable rule never hides a non-waivable one it supersedes).
  const kept = dropSuperseded(withKeys(judged.kept), ruleSet, impliedAsRelated(file));
  // Only suppressed findings are asked about: none, no second judgement of every finding.
  const hidden = judged.suppressed.length === 0 ? new Set<Finding>() : supersededFindings(keyed, ruleSet);
  const suppressed = judged.suppressed.filter((s) => !hidden.has(s.finding));
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || compareNames(a.ruleId, b.ruleId));
  // A notice quotes a parser's or a failing rule's words, which may carry text of the file.
  const safeNotices = masker.empty ? notices : notices.map((n) => ({ ...n, message: masker.text(n.message) }));
  return { language, findings: kept, suppressed, notices: safeNotices };
}

interface RuleReport {
  readonly rule: Rule;
  readonly report: Report;
  readonly severity: Finding['severity'];
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

/** `windowed`: most text rules will run on windows of the file, so the whole text's model serves a few rules only. */
function* parseModels(file: SourceFile, language: Language, ruleSet: RuleSet, options: AnalyzeOptions, notices: Notice[], windowed: boolean): Generator<void, Models, void> {
  const lines = new LineIndex(file.text);
  const text = parseText(file.text, file.uri, lines, ruleSet.keywordPass, windowed);
  if (language === 'dockerfile') {
    // dockerfile-ast would read a BOM as part of the first keyword; a space keeps every offset.
    const source = capLongLines(file.text.charCodeAt(0) === 0xfeff ? ' ' + file.text.slice(1) : file.text);
    notices.push(...source.notices);
    const parse = () => parseDockerfile(source.text, options.cache);
    return activeLanguage(ruleSet, options, 'dockerfile') ? models(language, text, parse()) : models(language, text, undefined, parse);
  }
  if (language === 'kubernetes') {
    const kubernetes = yield* kubernetesSteps(file.text, options.cache, lines, kindsRead(ruleSet, options));
    const templated = kubernetes.documents.filter((d) => d.templated).length;
    if (templated > 0) {
      notices.push({ code: 'templated-yaml', message: `${templated} document(s) use template syntax ({{ … }}) and were not checked as Kubernetes objects; scan the rendered manifests (helm template …) for full coverage.` });
    }
    const broken = kubernetes.documents.find((d) => d.errors.length > 0);
    if (broken) {
      notices.push({ code: 'parse-error', span: broken.errors[0].span, message: `YAML syntax error (${broken.errors[0].message}); Kubernetes checks skipped that document until it parses.` });
    }
    return models(language, text, undefined, undefined, kubernetes);
  }
  return models(language, text);
}

/**
 * Every file's models in one object shape: the rule loop reads them for each rule of each file, and a
 * shape per language made V8 throw away and recompile analysisSteps as each new kind of file came by.
 */
function models(language: Language, text: TextModel, dockerfile?: DockerfileModel, unparsedDockerfile?: () => DockerfileModel, kubernetes?: KubernetesModel): Models {
  return { language, text, dockerfile, unparsedDockerfile, kubernetes };
}

/** Whether a rule of that language is on: a parse no active rule reads is skipped. */
function activeLanguage(ruleSet: RuleSet, options: AnalyzeOptions, language: Rule['meta']['language']): boolean {
  return ruleSet.rules.some((rule) => rule.meta.language === language && permittedOverride(rule.meta.id, rule.meta.severity, options.severityOverrides?.get(rule.meta.id), ruleSet.suppressionPolicy) !== 'off');
}

/** The Kubernetes kinds the active rules read; undefined when one of them reads every kind. */
function kindsRead(ruleSet: RuleSet, options: AnalyzeOptions): { has(kind: string): boolean } | undefined {
  const kinds = new Set<string>();
  for (const rule of ruleSet.rules) {
    if (rule.meta.language !== 'kubernetes' || permittedOverride(rule.meta.id, rule.meta.severity, options.severityOverrides?.get(rule.meta.id), ruleSet.suppressionPolicy) === 'off') continue;
    if (!rule.objectKinds) return undefined;
    for (const kind of rule.objectKinds) kinds.add(kind);
  }
  return kindFilter(kinds);
}

function runCheck(rule: Rule, model: unknown, context: Omit<CheckContext, 'report'>): Report[] {
  const reports: Report[] = [];
  (rule.check as (m: unknown, ctx: CheckContext) => void)(model, { ...context, report: (r) => reports.push(r) });
  return reports;
}

/** The text rules that may run on windows of this file (with the editor's cache), and how far each reads. */
function windowedRules(ruleSet: RuleSet, fileName: string): Map<Rule, TextLookaround> {
  const out = new Map<Rule, TextLookaround>();
  for (const rule of ruleSet.rules) {
    const around = rule.meta.language === 'text' ? rule.lookaround?.(fileName) : undefined;
    if (around) out.set(rule, around);
  }
  return out;
}

/**
 * A rule's reports by position (stable): the order numbers repeated findings in their fingerprints,
 * and it must not depend on whether the rule ran on the whole text, per YAML section or per window.
 */
function inPositionOrder(reports: Report[]): Report[] {
  return reports.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
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

/** `span` is the report's, clamped to the text; `occurrence` numbers the identical findings before it (FindingMemo). */
function toFinding(rule: Rule, report: Report, severity: Finding['severity'], span: Span, matched: string, occurrence: number, masker: SecretMasker): Finding {
  const data = report.data ?? {};
  return {
    id: fingerprint(rule.meta.id, matched, report.key ?? '', occurrence),
    ruleId: rule.meta.id,
    packId: rule.meta.packId,
    severity,
    message: masker.fill(rule.meta.message, data, report.origins),
    span,
    fixes: fixesFor(rule, report.fixes ?? [], (title) => masker.fill(title, data, report.origins), masker),
    ...(report.related ? { related: report.related.map((r) => ({ ...r, message: masker.text(r.message) })) } : {}),
  };
}

/** Only a rule that declares `fix:` offers its template's fixes; it may demote an autofix to a suggestion. */
function fixesFor(rule: Rule, fixes: readonly Fix[], fill: (template: string) => string, masker: SecretMasker): Fix[] {
  const declared = rule.meta.fix;
  if (!declared) return [];
  return fixes.map((fix) => ({
    ...fix,
    kind: declared.kind === 'suggestion' ? 'suggestion' : fix.kind,
    // A template writes its titles itself: they get the net for values of unknown origin.
    title: declared.title && fixes.length === 1 ? fill(declared.title) : masker.text(fix.title),
  }));
}

function suppressionInput(models: Models): SuppressionInput {
  const dockerfile = models.dockerfile ?? models.unparsedDockerfile?.();
  let instructions: Span[] | undefined;
  return {
    text: models.text.text,
    lines: models.text.lines,
    // Read only when a suppression comment is found: the spans of every instruction, at each keystroke of a long file, were most of the suppression step.
    get instructions() {
      return (instructions ??= dockerfile?.ast.getInstructions().map((i) => dockerfile.span(i.getRange())));
    },
    documents: models.kubernetes?.documents.map((d) => ({ start: d.base, end: d.base + d.text.length })),
    ...(models.kubernetes ? { mayHoldDirectives: models.kubernetes.documents.some(holdsDirective) } : {}),
    directives: (now, policy) => modelSuppressions(models.text, now, policy),
  };
}

/** The key of a section's memoised answer to holdsDirective (an object no rule can be). */
const HOLDS_DIRECTIVE: object = Object.freeze({});

/** A `bulwark-ignore` in the section, asked once per section text (parseSuppressions' own prefilter, per section). */
function holdsDirective(document: K8sDocument): boolean {
  let holds = document.memo.get(HOLDS_DIRECTIVE) as boolean | undefined;
  if (holds === undefined) document.memo.set(HOLDS_DIRECTIVE, (holds = document.text.includes('bulwark-ignore')));
  return holds;
}

function clampSpan(span: Span, max: number): Span {
  const start = clamp(span.start, max);
  return { start, end: clamp(Math.max(span.end, start), max) };
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}

function looksBinary(text: string): boolean {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  return head.includes('\u0000');
}

export type { SuppressionDirective };
