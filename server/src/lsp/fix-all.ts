import { autofixesOf, fixUntilStable, type AnalysisResult, type Span } from '../engine';

/** Findings that carry at least one autofix: what "Fix all safe problems" would touch. */
export function autofixableCount(result: AnalysisResult): number {
  return result.findings.filter((f) => f.fixes.some((x) => x.kind === 'autofix')).length;
}

/** Every autofix of the file, by the engine's fix loop (as `bulwark scan --fix`). Undefined when nothing changed. */
export function fixAll(text: string, analyzeText: (text: string) => AnalysisResult): { text: string; passes: number } | undefined {
  const outcome = fixUntilStable(text, analyzeText, autofixesOf);
  return outcome.text === text ? undefined : { text: outcome.text, passes: outcome.passes };
}

/** The one replacement that turns `before` into `after`: the span between their common prefix and suffix. */
export function minimalReplacement(before: string, after: string): { span: Span; newText: string } {
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never split a surrogate pair or a CRLF at either end of the replaced range.
  if (prefix > 0 && isSplitPoint(before, prefix)) prefix--;
  if (suffix > 0 && isSplitPoint(before, before.length - suffix)) suffix--;
  return { span: { start: prefix, end: before.length - suffix }, newText: after.slice(prefix, after.length - suffix) };
}

function isSplitPoint(text: string, offset: number): boolean {
  const prev = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return (prev >= 0xd800 && prev <= 0xdbff) || (prev === 13 && next === 10);
}
