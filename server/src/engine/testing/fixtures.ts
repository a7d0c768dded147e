import { analyze } from '../analyze';
import { fixUntilStable } from '../fix-loop';
import { parseKubernetes } from '../parsers/kubernetes';
import { LineIndex } from '../text';
import type { ApprovedImages } from '../policy/policy';
import type { AnalysisResult, Finding, Fix, RuleSet, SourceFile } from '../types';
import { withAbsentDockerignores } from '../workspace/dockerignore';
import { indexFile } from '../workspace/index-file';
import { WorkspaceIndex } from '../workspace/workspace-index';
import { declaredTestNow, parseAnnotations, type Annotation, type ExpectedFinding } from './annotations';
import { excerptRedactor, type ExcerptRedactor } from './excerpt-redaction';

// The fixture harness behind `npm test` and `bulwark test`: runs one rule over an annotated fixture
// through the real analyze(), compares findings with annotations, applies the rule's fixes and checks
// the result against the golden, then re-analyses to prove the fix resolved the finding.

export interface FixtureInput {
  readonly ruleId: string;
  /** Only the rule under test (RuleTester style). */
  readonly ruleSet: RuleSet;
  readonly name: string;
  readonly text: string;
  /** The `.fixed` golden, when one exists. */
  readonly golden?: string;
  /** The clock, unless the fixture declares its own (`# bulwark-test-now:` on its first line). */
  readonly now: Date;
  /** The list the rule folder's tests/approved-images.yaml gives, if any. */
  readonly approvedImages?: ApprovedImages;
  /** The caller chose `now` (`bulwark test --now`): a fixture with until= dates need not declare one. */
  readonly clockPinned?: boolean;
  /**
   * The rule folder's other fixtures (named like `name`): together they are the workspace the
   * cross-file rules see (a compose file, a Dockerfile, a NetworkPolicy beside the fixture).
   */
  readonly workspace?: readonly SourceFile[];
}

export interface FixtureOutcome {
  readonly failures: readonly string[];
  readonly findings: readonly Finding[];
  /** Text after applying fixes, when the rule has a fix and the fixture has findings. */
  readonly fixedText?: string;
}

export function checkFixture(given: FixtureInput): FixtureOutcome {
  const failures: string[] = [];
  // The fixture's own date wins over the caller's clock (`bulwark test --now`, else today).
  const clock = declaredTestNow(given.text);
  if (clock.problem) failures.push(`${given.name}: ${clock.problem}`);
  else if (!clock.now && !given.clockPinned && /\buntil=/.test(given.text)) {
    failures.push(`${given.name}: it has until= dates, so its first line must declare the date it assumes ("# bulwark-test-now: YYYY-MM-DD"), or it fails once a date passes`);
  }
  const input: FixtureInput = clock.now ? { ...given, now: clock.now } : given;
  const rule = input.ruleSet.rules.find((r) => r.meta.id === input.ruleId);
  if (!rule) return { failures: [`rule ${input.ruleId} is not in the rule set`], findings: [] };
  const result = run(input, input.text);
  const findings = result.findings.filter((f) => f.ruleId === input.ruleId);
  for (const notice of result.notices) if (notice.code === 'rule-failed') failures.push(notice.message);
  // A fixture the analyser skipped (too large, binary) proves nothing: it must not pass.
  for (const notice of result.notices) if (notice.code === 'file-too-large' || notice.code === 'binary-file') failures.push(`${input.name}: ${notice.message}`);
  const redact = excerptRedactor(rule.meta.tags.includes('secret'), input.text, findings);
  compareWithAnnotations(input, findings, parseAnnotations(input.text), failures, redact);

  let fixedText: string | undefined;
  // A fix that only creates or extends another file (companionFile) changes nothing here to compare.
  const fixesHere = (f: Finding) => f.fixes.some((x) => x.edits.length > 0);
  if (rule.meta.fix && findings.some(fixesHere)) {
    fixedText = fixAll(input, input.text);
    if (input.golden === undefined) failures.push(`${input.name}: the rule has a fix, so a .fixed golden is required`);
    else if (input.golden !== fixedText) failures.push(`${input.name}: fixed output differs from the golden\n${diffLines(input.golden, fixedText, redact)}`);
    const after = run(input, fixedText);
    const remaining = after.findings.filter((f) => f.ruleId === input.ruleId);
    const unfixable = findings.filter((f) => !fixesHere(f)).length;
    if (remaining.length !== unfixable) {
      failures.push(`${input.name}: after fixing, ${remaining.length} finding(s) remain; expected only the ${unfixable} without a fix`);
    }
    const broken = stillParses(input.name, fixedText, after);
    if (broken) failures.push(`${input.name}: the fixed file no longer parses: ${broken}`);
  } else if (input.golden !== undefined && !rule.meta.fix) {
    failures.push(`${input.name}: a .fixed golden exists but the rule declares no fix`);
  }
  return { failures, findings, fixedText };
}

function run(input: FixtureInput, text: string): AnalysisResult {
  // The fixture as it is now (fixed or not) is part of its own workspace, as an edited file is in the editor.
  const others = (input.workspace ?? []).filter((f) => f.uri !== input.name);
  // The folder is the whole workspace, so an ignore file that is not in it is known to be absent.
  const workspace = new WorkspaceIndex(withAbsentDockerignores([...others, { uri: input.name, text }].map((f) => indexFile(f))));
  return analyze({ uri: input.name, text }, input.ruleSet, { now: input.now, approvedImages: input.approvedImages, workspace });
}

/** Autofixes first; a finding with only suggestions gets its first suggestion (what a person would pick). */
function fixAll(input: FixtureInput, text: string): string {
  const choose = (result: AnalysisResult): Fix[] =>
    result.findings.filter((f) => f.ruleId === input.ruleId).flatMap((f) => f.fixes.find((x) => x.kind === 'autofix') ?? f.fixes.slice(0, 1));
  return fixUntilStable(text, (current) => run(input, current), choose).text;
}

function compareWithAnnotations(input: FixtureInput, findings: readonly Finding[], annotations: readonly Annotation[], failures: string[], redact: ExcerptRedactor): void {
  const lines = new LineIndex(input.text);
  const mine = annotations.filter((a) => a.ruleIds.includes(input.ruleId));
  const foundLines = new Map<number, Finding[]>();
  for (const f of findings) {
    const line = lines.lineOf(f.span.start);
    foundLines.set(line, [...(foundLines.get(line) ?? []), f]);
  }
  const annotated = (line: number, kinds: string[]) => mine.some((a) => a.targetLine === line && kinds.includes(a.kind));
  const expectedByLine = new Map<number, ExpectedFinding[]>();
  for (const a of mine) {
    const found = foundLines.get(a.targetLine) ?? [];
    const where = `${input.name}:${a.targetLine + 1}`;
    if (a.kind === 'expect') expectedByLine.set(a.targetLine, [...(expectedByLine.get(a.targetLine) ?? []), ...a.expected.filter((e) => e.ruleId === input.ruleId)]);
    if (a.kind === 'expect-not' && found.length > 0) failures.push(`${where}: expected no ${input.ruleId} finding here\n${underline(lines, found, redact)}`);
    if (a.kind === 'todo-expect' && found.length > 0) failures.push(`${where}: todo-expect is now found: promote it to expect`);
    if (a.kind === 'todo-expect-not' && found.length === 0) failures.push(`${where}: todo-expect-not no longer fires: remove the annotation`);
  }
  for (const [line, expected] of expectedByLine) {
    const problem = compareLine(input.ruleId, expected, foundLines.get(line) ?? [], lines);
    if (problem) failures.push(`${input.name}:${line + 1}: ${problem}\n${(foundLines.get(line) ?? []).length > 0 ? underline(lines, foundLines.get(line) ?? [], redact) : `  ${redact.line(lines.lineText(line))}`}`);
  }
  for (const [line, found] of foundLines) {
    if (!annotated(line, ['expect', 'todo-expect-not'])) failures.push(`${input.name}:${line + 1}: unexpected ${input.ruleId} finding (add # expect: ${found.map((f) => `${input.ruleId}${position(lines, f)}`).join(', ')} above it, or fix the rule)\n${underline(lines, found, redact)}`);
  }
}

/**
 * RuleTester's exactness: as many findings as expected, each starting (and, when given, ending) at
 * the annotated column, so a rule that reports twice or at the wrong place fails.
 */
function compareLine(ruleId: string, expected: readonly ExpectedFinding[], found: readonly Finding[], lines: LineIndex): string | undefined {
  const actual = found.map((f) => `${ruleId}${position(lines, f)}`).join(', ') || 'none';
  if (expected.some((e) => e.column === undefined)) return `every expected finding needs its column (# expect: ${ruleId}@COL or @COL-ENDCOL); found: ${actual}`;
  if (expected.length !== found.length) return `expected ${expected.length} ${ruleId} finding(s) on this line, got ${found.length}: ${actual}`;
  const wanted = [...expected].sort((a, b) => (a.column ?? 0) - (b.column ?? 0) || (a.endColumn ?? 0) - (b.endColumn ?? 0));
  const got = found.map((f) => ({ start: lines.positionAt(f.span.start), end: lines.positionAt(f.span.end) }))
    .sort((a, b) => a.start.character - b.start.character || a.end.character - b.end.character);
  const wrong = wanted.some((w, i) => {
    const g = got[i];
    if (w.column !== g.start.character + 1) return true;
    if (w.endColumn === undefined) return false;
    return g.end.line !== g.start.line || w.endColumn !== g.end.character + 1;
  });
  return wrong ? `expected ${wanted.map((w) => `${ruleId}@${w.column}${w.endColumn === undefined ? '' : `-${w.endColumn}`}`).join(', ')}, got ${actual}` : undefined;
}

/** `@COL-ENDCOL` for a one-line span, `@COL` plus where it ends otherwise (1-based, as annotations are). */
function position(lines: LineIndex, f: Finding): string {
  const start = lines.positionAt(f.span.start);
  const end = lines.positionAt(f.span.end);
  return end.line === start.line ? `@${start.character + 1}-${end.character + 1}` : `@${start.character + 1} (ends at ${end.line + 1}:${end.character + 1})`;
}

/** typescript-eslint-style excerpt: the line, `~` under the span, then the message (secrets masked). */
function underline(lines: LineIndex, findings: readonly Finding[], redact: ExcerptRedactor): string {
  return findings
    .map((f) => {
      const start = lines.positionAt(f.span.start);
      const end = lines.positionAt(f.span.end);
      const text = lines.lineText(start.line);
      const spanEnd = end.line === start.line ? end.character : text.length;
      const before = redact.line(text.slice(0, start.character));
      const shown = redact.span(text.slice(start.character, spanEnd));
      const after = redact.line(text.slice(spanEnd));
      return `  ${before}${shown}${after}\n  ${' '.repeat(before.length)}${'~'.repeat(Math.max(1, shown.length))} ${f.message}`;
    })
    .join('\n');
}

function stillParses(name: string, text: string, after: AnalysisResult): string | undefined {
  if (after.language === 'kubernetes' || /\.ya?ml$/i.test(name)) {
    const errors = parseKubernetes(text).documents.flatMap((d) => d.errors);
    if (errors.length > 0) return errors[0].message;
  }
  const parseNotice = after.notices.find((n) => n.code === 'parse-error');
  return parseNotice?.message;
}

function diffLines(expected: string, actual: string, redact: ExcerptRedactor): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(e.length, a.length) && out.length < 20; i++) {
    if (e[i] !== a[i]) out.push(`  line ${i + 1}:\n    golden: ${JSON.stringify(redact.line(e[i] ?? '<none>'))}\n    actual: ${JSON.stringify(redact.line(a[i] ?? '<none>'))}`);
  }
  return out.join('\n');
}
