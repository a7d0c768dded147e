// Inline fixture annotations, after semgrep's: a comment alone on its line, applying to the next line
// that is neither blank nor another annotation. Findings may sit on comment lines (a secret in a
// comment, an invalid suppression), so plain comments are not skipped.

export type AnnotationKind = 'expect' | 'expect-not' | 'todo-expect' | 'todo-expect-not';

export interface Annotation {
  readonly kind: AnnotationKind;
  readonly ruleIds: readonly string[];
  /** 0-based line of the annotation comment. */
  readonly line: number;
  /** 0-based line it applies to. */
  readonly targetLine: number;
}

const ANNOTATION = /^\s*(?:#|\/\/|<!--|--|;|\/\*)\s*(expect|expect-not|todo-expect|todo-expect-not)\s*:\s*([A-Za-z0-9_./-]+(?:\s*,\s*[A-Za-z0-9_./-]+)*)\s*(?:-->|\*\/)?\s*$/;

export function parseAnnotations(text: string): Annotation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const raw: { kind: AnnotationKind; ruleIds: string[]; line: number }[] = [];
  lines.forEach((content, line) => {
    const m = ANNOTATION.exec(content);
    if (m) raw.push({ kind: m[1] as AnnotationKind, ruleIds: m[2].split(',').map((s) => s.trim()), line });
  });
  const annotationLines = new Set(raw.map((a) => a.line));
  return raw.map((a) => {
    let target = a.line + 1;
    while (target < lines.length && (annotationLines.has(target) || lines[target].trim() === '')) target++;
    return { ...a, targetLine: target };
  });
}

const TEST_NOW = /^\s*(?:#|\/\/|<!--|--|;|\/\*)\s*bulwark-test-now\s*:\s*(\S*?)\s*(?:-->|\*\/)?\s*$/;

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
