import type { TextModel } from '../../parsers/text';
import type { ChunkReader } from '../../chunk-results';
import type { Report } from '../../types';
import type { Assignment } from './assignment-scan';
import { matchEnds, matchStarts, PATTERN_CHUNKS } from './construction-chunks';
import { constructionPattern, enumDeclared, enumDeclaredAt, ENUM_WORD, recordArguments, recordParameterAt } from './positional-records';
import { lineEndAt } from '../../text';

// In the editor the generic rule reads a large C#, Java or Kotlin file in windows, but a constructor
// parameter named for a secret is read at each construction anywhere in the file (positional-records.ts).
// So a window marks each keyword hit where its scan asks for a declared parameter (a report kept and moved
// with the window's reports, never a finding), and the rule's whole-file step reads the parameters at the
// marked hits in the whole text, then their constructions, as the whole-file scan does at those hits: the
// first MAX_RECORD_PARAMETERS of them, in file order. A keystroke then costs the windows it changed plus a
// few construction patterns, not every assignment of the file.

/** How many record parameters a file's scan reads constructions for. */
export const MAX_RECORD_PARAMETERS = 8;

const MARK = Symbol('recordParameterHit');

/** A window's mark: its scan asked at `hit` for a declared parameter (the whole-file step reads it again). */
export function parameterHitMark(hit: number): Report {
  // Enumerable, so the copies that move a window's reports carry it.
  return { span: { start: hit, end: hit }, [MARK]: true } as Report;
}

export function isParameterHitMark(report: Report): boolean {
  return (report as { [MARK]?: true })[MARK] === true;
}

export interface Construction {
  readonly assignment: Assignment;
  /** The keyword hit in the declaration it is read for: where the whole-file scan yields it. */
  readonly hit: number;
}

/**
 * What the whole-file scan (secret-assignment.ts, assignments) yields for the record parameters at `hits`
 * (the windows' marks, in file order): each parameter's constructions, in the scan's order. With the
 * editor's per-chunk results (CheckContext.chunkResults), the patterns' matches come from the chunks
 * (construction-chunks.ts) rather than from a pass over the whole text.
 */
export function constructionsAt(model: TextModel, hits: readonly number[], chunkResults?: <R>(reader: ChunkReader<R>) => R[]): Construction[] {
  const out: Construction[] = [];
  let recordsRead = 0;
  let lastKeyStart = -1;
  const line = lineAround(model);
  const enums = new Map<string, boolean>();
  const chunks = chunkResults && chunkResults(PATTERN_CHUNKS);
  let enumWords: number[] | undefined;
  const enumDeclaredInText = (record: string) => (chunks ? enumDeclaredAt(model.text, record, (enumWords ??= matchStarts(chunks, ENUM_WORD))) : enumDeclared(model.text, record));
  const isEnum = (record: string) => enums.get(record) ?? enums.set(record, enumDeclaredInText(record)).get(record) === true;
  for (const hit of hits) {
    if (recordsRead >= MAX_RECORD_PARAMETERS) break;
    const { start, end } = line(hit);
    const parameter = recordParameterAt(model.text, hit, start, end, isEnum);
    if (parameter && parameter.keySpan.start !== lastKeyStart) {
      recordsRead++;
      const opens = chunks ? matchEnds(chunks, constructionPattern(parameter)) : undefined;
      for (const assignment of recordArguments(model.text, parameter, opens)) out.push({ assignment, hit });
    }
    if (parameter) lastKeyStart = parameter.keySpan.start;
  }
  return out;
}

/** The line holding an offset: found around it where the text breaks lines by LF only (a 1 MB file's line index is built per version). */
export function lineAround(model: TextModel): (hit: number) => { start: number; end: number } {
  const text = model.text;
  if (text.includes('\r')) {
    const lines = model.lines;
    return (hit) => {
      const n = lines.lineOf(hit);
      return { start: lines.lineStart(n), end: lines.lineEnd(n) };
    };
  }
  return (hit) => ({ start: text.lastIndexOf('\n', hit - 1) + 1, end: lineEndAt(text, hit) });
}
