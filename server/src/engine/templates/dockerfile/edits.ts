import type { DockerfileModel, InstructionEntry } from '../../parsers/dockerfile';
import type { RunScript } from '../../parsers/dockerfile-script';
import type { ShellCommand } from '../../parsers/dockerfile-shell-syntax';
import type { Span, TextEdit } from '../../types';

// Text edits shared by the Dockerfile fixes. Each returns undefined when it cannot keep the file
// valid (the finding is then reported without a fix): deleting a token must not leave a dangling
// line continuation, and deleting a command must not swallow a comment or break a compound command.

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isEol = (c: string | undefined): boolean => c === undefined || c === '\n' || c === '\r';

/** Deletes a token (a flag, a flag and its value, an assignment) with one blank beside it. */
export function deleteToken(model: DockerfileModel, span: Span): TextEdit[] | undefined {
  const { text } = model;
  const lineStart = lineStartOf(text, span.start);
  let left = span.start;
  while (left > lineStart && isBlank(text[left - 1])) left--;
  let right = span.end;
  while (right < text.length && isBlank(text[right])) right++;
  const continues = continuationAt(model, right) !== undefined;
  const endsLine = right >= text.length || isEol(text[right]);
  if (left === lineStart && continues) return [{ span: { start: lineStart, end: nextLineStart(text, right) }, newText: '' }];
  if (left === lineStart && endsLine) {
    // The token is alone on the instruction's last line: drop the continuation that led to it.
    const previous = previousContinuation(model, lineStart);
    return previous === undefined ? undefined : cutTail(model, previous, span.end);
  }
  if (right > span.end && !continues && !endsLine) return [{ span: { start: span.start, end: right }, newText: '' }];
  if (left < span.start) return [{ span: { start: left, end: span.end }, newText: '' }];
  return [{ span: { start: span.start, end: right }, newText: '' }];
}

/** Deletes a whole instruction, its line break included (ONBUILD and continuation lines too). */
export function deleteInstruction(model: DockerfileModel, entry: InstructionEntry): TextEdit[] {
  const { text } = model;
  const start = lineStartOf(text, entry.span.start);
  const end = nextLineStart(text, entry.span.end);
  if (end >= text.length && !isEol(text[text.length - 1]) && start > 0) {
    // Last line without a final line break: take the break before it instead.
    return [{ span: { start: lineBreakBefore(text, start), end: text.length }, newText: '' }];
  }
  return [{ span: { start, end }, newText: '' }];
}

const JOINERS = new Set(['&&', ';', '\n']);

/**
 * Deletes one command of a RUN script with the list operator that joined it (`a && X && b` →
 * `a && b`), or the whole RUN when it was the only command. Only top-level commands outside
 * compound commands qualify, and never a pipeline member.
 */
export function deleteCommand(model: DockerfileModel, script: RunScript, command: ShellCommand): TextEdit[] | undefined {
  if (command.nesting || command.compound || script.form === 'exec') return undefined;
  if (command.after === '|' || command.after === '|&' || command.before === '|' || command.before === '|&') return undefined;
  const topLevel = script.commands.filter((c) => !c.nesting);
  const index = topLevel.indexOf(command);
  const previous = topLevel[index - 1];
  const next = topLevel[index + 1];
  if (next && command.after === '&&') return cutHead(model, command.start, next.start);
  if (previous && command.before && JOINERS.has(command.before)) {
    if (!next) return cutTail(model, previous.end, command.end);
    if (linesBetween(model.text, previous.end, command.end)?.length === 0) return [{ span: { start: previous.end, end: command.end }, newText: '' }];
  }
  if (next && command.after && JOINERS.has(command.after)) return cutHead(model, command.start, next.start);
  if (!previous && !next && script.form === 'shell') return deleteInstruction(model, script.entry);
  return undefined;
}

/**
 * Removes the end of an instruction, from `from` (just after what stays) to `end`. Comment lines in
 * between stay: the continuation before them goes, and so does the last line with its line break.
 */
function cutTail(model: DockerfileModel, from: number, end: number): TextEdit[] | undefined {
  const between = linesBetween(model.text, from, end);
  if (between === undefined) return undefined;
  if (between.length === 0) return [{ span: { start: from, end }, newText: '' }];
  const lastLineStart = lineStartOf(model.text, end);
  return [
    { span: { start: from, end: lineContentEnd(model.text, from) }, newText: '' },
    { span: { start: lineBreakBefore(model.text, lastLineStart), end }, newText: '' },
  ];
}

/**
 * Removes a command and the operator after it, up to `next` (the command that takes its place).
 * Comment lines in between stay, joined by the continuation that already precedes them.
 */
function cutHead(model: DockerfileModel, start: number, next: number): TextEdit[] | undefined {
  const between = linesBetween(model.text, start, next);
  if (between === undefined) return undefined;
  if (between.length === 0) return [{ span: { start, end: next }, newText: '' }];
  const escape = continuationBefore(model, lineContentEnd(model.text, start));
  if (escape === undefined) return undefined;
  const lastLineStart = lineStartOf(model.text, next);
  let operator = lastLineStart;
  while (isBlank(model.text[operator])) operator++;
  const edits: TextEdit[] = [{ span: { start, end: escape }, newText: '' }];
  if (operator < next) edits.push({ span: { start: operator, end: next }, newText: '' });
  return edits;
}

/**
 * The physical lines strictly between the lines of `from` and `to`: undefined unless every one is a
 * comment or blank (Docker drops those inside an instruction, so they hold nothing to delete).
 */
function linesBetween(text: string, from: number, to: number): string[] | undefined {
  const lines: string[] = [];
  let at = nextLineStart(text, from);
  const last = lineStartOf(text, to);
  while (at < last) {
    const line = text.slice(at, lineContentEnd(text, at));
    if (!/^[ \t]*(#.*)?$/.test(line)) return undefined;
    lines.push(line);
    at = nextLineStart(text, at);
  }
  return lines;
}

/** Inserts a whole line before the line holding `offset`, with that line's indentation. */
export function insertLineBefore(model: DockerfileModel, offset: number, line: string): TextEdit {
  const start = lineStartOf(model.text, offset);
  let indentEnd = start;
  while (isBlank(model.text[indentEnd])) indentEnd++;
  return { span: { start, end: start }, newText: model.text.slice(start, indentEnd) + line + model.eol };
}

/** Appends a whole line after the line holding `offset`. */
export function insertLineAfter(model: DockerfileModel, offset: number, line: string): TextEdit {
  const { text } = model;
  let end = offset;
  while (end < text.length && !isEol(text[end])) end++;
  if (end >= text.length) return { span: { start: end, end }, newText: model.eol + line + model.eol };
  const next = nextLineStart(text, end);
  return { span: { start: next, end: next }, newText: line + model.eol };
}

export function lineStartOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

function nextLineStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !isEol(text[i])) i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return Math.min(i + 1, text.length);
}

/** If an escape character + blanks + line break starts at `offset`, the offset of the escape. */
function continuationAt(model: DockerfileModel, offset: number): number | undefined {
  if (model.text[offset] !== model.escape) return undefined;
  let i = offset + 1;
  while (isBlank(model.text[i])) i++;
  return i < model.text.length && isEol(model.text[i]) ? offset : undefined;
}

/**
 * Where the blanks before the continuation of the last content line above `lineStart` start
 * (comment and blank lines skipped), when that line ends with a continuation.
 */
function previousContinuation(model: DockerfileModel, lineStart: number): number | undefined {
  const { text } = model;
  let line = lineStart;
  while (line > 0) {
    line = lineStartOf(text, lineBreakBefore(text, line));
    const content = text.slice(line, lineContentEnd(text, line));
    if (/^[ \t]*(#.*)?$/.test(content)) continue;
    return continuationBefore(model, lineContentEnd(text, line));
  }
  return undefined;
}

/** When the line content ending at `contentEnd` ends with the escape character, where the blanks before it start. */
function continuationBefore(model: DockerfileModel, contentEnd: number): number | undefined {
  const { text } = model;
  let i = contentEnd - 1;
  while (i >= 0 && isBlank(text[i])) i--;
  if (text[i] !== model.escape) return undefined;
  while (i > 0 && isBlank(text[i - 1])) i--;
  return i;
}

function lineContentEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !isEol(text[i])) i++;
  return i;
}

function lineBreakBefore(text: string, lineStart: number): number {
  return text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
}
