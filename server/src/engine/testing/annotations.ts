// Inline fixture annotations, after semgrep's: a comment alone on its line, applying to the next line
// that is neither blank nor another annotation. Findings may sit on comment lines (a secret in a
// comment, an invalid suppression), so plain comments are not skipped.

export type AnnotationKind = 'expect' | 'expect-not' | 'todo-expect' | 'todo-expect-not';

/** One expected finding: `rule-id@COL` or `rule-id@COL-ENDCOL` (ESLint's column/endColumn: 1-based, end exclusive). */
export interface ExpectedFinding {
  readonly ruleId: string;
  readonly column?: number;
  /** Only for a finding that ends on its start line. */
  readonly endColumn?: number;
}

export interface Annotation {
  readonly kind: AnnotationKind;
  /** One entry per expected finding: an id listed twice expects two findings on the line. */
  readonly expected: readonly ExpectedFinding[];
  readonly ruleIds: readonly string[];
  /** 0-based line of the annotation comment. */
  readonly line: number;
  /** 0-based line it applies to. */
  readonly targetLine: number;
}

const ITEM = String.raw`[A-Za-z0-9_./-]+(?:@\d+(?:-\d+)?)?`;
const ANNOTATION = new RegExp(String.raw`^\s*(?:#|\/\/|<!--|--|;|\/\*)\s*(expect|expect-not|todo-expect|todo-expect-not)\s*:\s*(${ITEM}(?:\s*,\s*${ITEM})*)\s*(?:(?:-->|\*\/)\s*)?$`);
const EXPECTED = /^([A-Za-z0-9_./-]+?)(?:@(\d+)(?:-(\d+))?)?$/;

function parseExpected(item: string): ExpectedFinding {
  const m = EXPECTED.exec(item.trim());
  if (!m) return { ruleId: item.trim() };
  return { ruleId: m[1], column: m[2] === undefined ? undefined : Number(m[2]), endColumn: m[3] === undefined ? undefined : Number(m[3]) };
}

export function parseAnnotations(text: string): Annotation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const raw: { kind: AnnotationKind; expected: ExpectedFinding[]; ruleIds: string[]; line: number }[] = [];
  lines.forEach((content, line) => {
    const m = ANNOTATION.exec(content);
    if (!m) return;
    const expected = m[2].split(',').map(parseExpected);
    raw.push({ kind: m[1] as AnnotationKind, expected, ruleIds: [...new Set(expected.map((e) => e.ruleId))], line });
  });
  const annotationLines = new Set(raw.map((a) => a.line));
  return raw.map((a) => {
    let target = a.line + 1;
    while (target < lines.length && (annotationLines.has(target) || lines[target].trim() === '')) target++;
    return { ...a, targetLine: target };
  });
}

const TEST_NOW = /^\s*(?:#|\/\/|<!--|--|;|\/\*)\s*bulwark-test-now\s*:\s*(?!\s)(\S*?)\s*(?:(?:-->|\*\/)\s*)?$/;

/**
 * The date a fixture assumes, from `# bulwark-test-now: YYYY-MM-DD` on its first line (any comment
 * style the other annotations take). A fixture with `until=` dates declares one, so it does not
 * start failing the day a date passes; the clock is then that day, 00:00 UTC.
 */
export function declaredTestNow(text: string): { readonly now?: Date; readonly problem?: string } {
  const lines = text.split(/\r\n|\r|\n/);
  const misplaced = lines.findIndex((l, i) => i > 0 && l.includes('bulwark-test-now'));
  if (misplaced > 0) return { problem: `line ${misplaced + 1}: bulwark-test-now must be on the first line` };
  const m = TEST_NOW.exec(lines[0].replace(/^\uFEFF/, ''));
  if (!m) return lines[0].includes('bulwark-test-now') ? { problem: 'line 1: expected "# bulwark-test-now: YYYY-MM-DD"' } : {};
  const now = parseTestDate(m[1]);
  return now ? { now } : { problem: `line 1: bulwark-test-now "${m[1]}" is not a date (YYYY-MM-DD)` };
}

/** `YYYY-MM-DD` as that day at 00:00 UTC; undefined for anything else, 2026-02-30 included. */
export function parseTestDate(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? date : undefined;
}
