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

/** Removes nothing: annotations stay in fixtures and goldens, so fixes must keep comments intact. */
export function annotatedRuleIds(annotations: readonly Annotation[]): Set<string> {
  return new Set(annotations.flatMap((a) => a.ruleIds));
}
