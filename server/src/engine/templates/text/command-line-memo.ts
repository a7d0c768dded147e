import type { ParseCache, Span } from '../../types';
import type { Assignment } from './assignment-scan';

// The command-line model reads every logical line that holds one of its keywords, at every analysis: in a
// Dockerfile each RUN line, so at a keystroke in the 333-line rabbitmq Dockerfile it was ~a quarter of the
// CPU and ~60% of the allocation (keystroke-allocation.ts), which is what made its GCs frequent. What it
// finds on a line is a function of that line's text (and of the character after it, which valueOf reads
// for a closing quote) and of the rule's command model, so with the editor's cache (kept between analyses
// of one document) a line's secrets are kept under its text and given back, moved to where the line now
// is, while the line is unchanged. The cache ages entries no analysis asked for (SectionParseCache):
// memory stays at about the lines of the last two analyses.

/** The first part of each kept line's key: no other cache user's key starts with it. */
const KEY_PREFIX = '\u0002command-line:';

/** One rule's secrets on a line, relative to the line's start. */
interface KeptLine {
  /** The rule's command model (its command table, made with its key classifier), compared by identity: two rules may read one line. */
  readonly model: object;
  readonly secrets: readonly Assignment[];
}

/**
 * The secrets `read` finds on the logical line `line` of `text`, kept in `cache` under the line's text for
 * the next analyses. `model` identifies what `read` reads the line with; `read` must depend on nothing but
 * the line's text, the character after it and `model`.
 */
export function keptLineSecrets(cache: ParseCache, text: string, line: Span, model: object, read: () => Assignment[]): readonly Assignment[] {
  const key = KEY_PREFIX + text.slice(line.start, Math.min(text.length, line.end + 1));
  const kept = cache.get(key) as readonly KeptLine[] | undefined;
  const hit = kept?.find((k) => k.model === model);
  if (hit) return hit.secrets.length === 0 ? hit.secrets : hit.secrets.map((a) => moved(a, line.start));
  const found = read();
  const relative: KeptLine = { model, secrets: found.length === 0 ? [] : found.map((a) => moved(a, -line.start)) };
  cache.set(key, kept ? [...kept, relative] : [relative]);
  return found;
}

/** A copy of `a` with its spans moved by `by` (callers get their own objects each time). */
function moved(a: Assignment, by: number): Assignment {
  const shift = (span: Span): Span => ({ start: span.start + by, end: span.end + by });
  return { ...a, keySpan: shift(a.keySpan), valueSpan: shift(a.valueSpan), literalSpan: shift(a.literalSpan) };
}
