import type { Heredoc, Run } from 'dockerfile-ast';
import type { ParseCache, Span } from '../types';
import type { AstRange, InstructionEntry } from './dockerfile-instructions';
import { cachedScripts, scriptCacheKey, type CachedScript, type ScriptOrigin } from './dockerfile-script-cache';
import { ownCopy } from './dockerfile-instruction-document';
import { SHELLS, effectiveCommand, readScript, withShellStrings } from './dockerfile-shell-commands';
import { scanCommandsFlat } from './dockerfile-shell-fallback';
import { ReadBudget, SHELL_LIMITS, ScriptTooComplex, type OffsetMap, type ShellCommand, type ShellWord } from './dockerfile-shell-syntax';

// The shell scripts a Dockerfile runs, read with offsets into the file: shell-form RUN (line
// continuations and the comment lines inside them removed, whatever the escape character),
// exec-form RUN (`["sh", "-c", "…"]` read as a script), and RUN heredocs run by a shell.
// Each instruction is read on its own: one that is too complex (or that the reader fails on) is
// scanned flat instead and marked, and never stops the others from being read.

export interface RunScript {
  readonly entry: InstructionEntry;
  /** `shell`: RUN cmd …; `exec`: RUN ["prog", …]; `heredoc`: the body of RUN <<EOF run by a shell. */
  readonly form: 'shell' | 'exec' | 'heredoc';
  /** Every command in source order, substitutions and `sh -c` strings included. */
  readonly commands: readonly ShellCommand[];
  readonly span: Span;
  /**
   * Why the reader gave up on this instruction (beyond SHELL_LIMITS, or a reader failure); then
   * `commands` come from the flat scan of the whole instruction, and no fix may edit them.
   */
  readonly tooComplex?: string;
  /** The script as read from its instruction's text, the same while that text is (see ScriptOrigin). */
  readonly origin: ScriptOrigin;
}

export interface ScriptSource {
  readonly text: string;
  readonly escape: string;
  span(range: AstRange): Span;
  /** Scripts of unchanged RUN instructions from earlier analyses of the file (the editor's keystrokes). */
  readonly cache?: ParseCache;
}

export function readRunScripts(source: ScriptSource, entries: readonly InstructionEntry[]): RunScript[] {
  const out: RunScript[] = [];
  for (const entry of entries) {
    if (entry.keyword !== 'RUN') continue;
    const key = scriptCacheKey(source.escape, source.text.slice(entry.span.start, entry.span.end));
    for (const script of cachedScripts(source.cache, key, entry.span.start, () => readRunIsolated(source, entry.instruction as Run))) out.push({ entry, ...script });
  }
  return out;
}

/**
 * One instruction's scripts; whatever goes wrong reading it stays with it (a flat scan, marked). An
 * instruction past the size limit is not handed to dockerfile-ast's argument reader or ours at all.
 */
function readRunIsolated(source: ScriptSource, run: Run): CachedScript[] {
  const whole = source.span(run.getRange());
  if (whole.end - whole.start > SHELL_LIMITS.maxScriptChars) {
    return [flatScript(source, run, whole, `the instruction is ${whole.end - whole.start} characters long, more than the ${SHELL_LIMITS.maxScriptChars} read in full`)];
  }
  try {
    return readRun(source, run);
  } catch (err) {
    const reason = err instanceof ScriptTooComplex ? err.reason : `the shell reader failed (${err instanceof Error ? err.message : String(err)})`;
    return [flatScript(source, run, whole, reason)];
  }
}

/** The whole instruction after its keyword, continuations joined and heredoc bodies included, read by the flat scan. */
function flatScript(source: ScriptSource, run: Run, whole: Span, reason: string): CachedScript {
  const from = source.span(run.getInstructionRange()).end;
  const line = logicalText(source.text, from, whole.end, source.escape);
  const scan = scanCommandsFlat(line.text, mapOf(line.offsets, whole.end));
  const tooComplex = scan.complete ? reason : `${reason}; only its first ${scan.commands.length} commands were scanned`;
  return { form: 'shell', commands: scan.commands, span: { start: from, end: whole.end }, tooComplex };
}

function readRun(source: ScriptSource, run: Run): CachedScript[] {
  const args = run.getArgumentsRange();
  if (!args) return [];
  const from = source.span(args).start;
  const end = source.span(run.getRange()).end;
  const heredocs = run.getHeredocs();
  const firstBody = heredocs.map(bodyStart(source)).find((n): n is number => n !== undefined);
  const line = logicalText(source.text, from, firstBody ?? end, source.escape);
  const argv = heredocs.length === 0 ? jsonStrings(line.text) : undefined;
  if (argv) {
    const words = argv.map((s) => wordOf(s.value, s.starts.map((i) => line.offsets[i]), s.ends.map((i) => line.offsets[i - 1] + 1), line.offsets[s.start], line.offsets[s.end - 1] + 1));
    const command: ShellCommand = { assignments: [], words, start: words[0]?.start ?? from, end: words[words.length - 1]?.end ?? from, pipeline: -1, pipelineIndex: 0, compound: false };
    const commands = words.length > 0 ? withShellStrings([command], { next: 0 }, new ReadBudget(line.text.length)) : [];
    return [{ form: 'exec', commands, span: { start: from, end } }];
  }
  const commands = readScript(line.text, mapOf(line.offsets, firstBody ?? end));
  const out: CachedScript[] = [{ form: 'shell', commands, span: { start: from, end: firstBody ?? end } }];
  for (const heredoc of heredocs) {
    const body = heredoc.getContentRange();
    if (!body || !runsBodyAsScript(commands, source.text, source.span(body))) continue;
    const span = source.span(body);
    // Its words are cut from this text and cached with the instruction: a slice would keep the whole file alive.
    const text = ownCopy(source.text.slice(span.start, span.end));
    const identity: OffsetMap = { start: (i) => span.start + i, end: (i) => span.start + i };
    out.push({ form: 'heredoc', commands: readScript(text, identity), span });
  }
  return out;
}

function bodyStart(source: ScriptSource): (heredoc: Heredoc) => number | undefined {
  return (heredoc) => {
    const range = heredoc.getContentRange() ?? heredoc.getDelimiterRange();
    return range ? source.span(range).start : undefined;
  };
}

/**
 * Docker's view of a continued instruction: an escape character followed by optional blanks and a
 * line break joins lines, and inside the instruction, empty lines and lines starting with # are
 * dropped. offsets[i] is the file offset of text[i].
 */
export function logicalText(source: string, from: number, to: number, escape: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let continued = false;
  let i = from;
  while (i < to) {
    if (continued) {
      let j = i;
      while (j < to && (source[j] === ' ' || source[j] === '\t')) j++;
      if (source[j] === '#' || source[j] === '\r' || source[j] === '\n') {
        i = skipLine(source, j, to);
        continue;
      }
      continued = false;
    }
    const c = source[i];
    if (c === escape) {
      let j = i + 1;
      while (j < to && (source[j] === ' ' || source[j] === '\t')) j++;
      if (j < to && (source[j] === '\r' || source[j] === '\n')) {
        i = skipLine(source, j, to);
        continued = true;
        continue;
      }
    }
    if (c === '\r' && source[i + 1] === '\n') {
      i++;
      continue;
    }
    text += c;
    offsets.push(i);
    i++;
  }
  offsets.push(to);
  return { text, offsets };
}

function skipLine(source: string, at: number, to: number): number {
  let i = at;
  while (i < to && source[i] !== '\n' && source[i] !== '\r') i++;
  if (source[i] === '\r' && source[i + 1] === '\n') return i + 2;
  return i + 1;
}

function mapOf(offsets: readonly number[], end: number): OffsetMap {
  return {
    start: (i) => (i < offsets.length - 1 ? offsets[i] : end),
    end: (i) => (i > 0 ? offsets[i - 1] + 1 : offsets[0]),
  };
}

interface JsonString {
  readonly value: string;
  /** Index in the scanned text of the raw sequence behind each value character, and its end. */
  readonly starts: number[];
  readonly ends: number[];
  /** The literal, quotes included. */
  readonly start: number;
  readonly end: number;
}

const JSON_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A JSON array of strings (exec form) with positions; undefined when Docker would read shell form. */
export function jsonStrings(text: string): JsonString[] | undefined {
  let i = 0;
  const blank = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  blank();
  if (text[i] !== '[') return undefined;
  i++;
  const out: JsonString[] = [];
  for (;;) {
    blank();
    if (text[i] === ']' && out.length === 0) break;
    if (text[i] !== '"') return undefined;
    const start = i++;
    let value = '';
    const starts: number[] = [];
    const ends: number[] = [];
    while (i < text.length && text[i] !== '"') {
      const at = i;
      if (text[i] === '\\') {
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e !== undefined && JSON_ESCAPES[e] !== undefined) {
          value += JSON_ESCAPES[e];
          i += 2;
        } else return undefined;
      } else value += text[i++];
      starts.push(at);
      ends.push(i);
    }
    if (text[i] !== '"') return undefined;
    i++;
    out.push({ value, starts, ends, start, end: i });
    blank();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ']') break;
    return undefined;
  }
  i++;
  blank();
  return i === text.length ? out : undefined;
}

function wordOf(value: string, starts: number[], ends: number[], start: number, end: number): ShellWord {
  return { value, starts, ends, start, end, quoted: true, expands: false, nested: [] };
}

/**
 * `RUN <<EOF` runs the body with the default shell, and so does `RUN bash <<EOF` (the shell reads
 * its script from stdin); `RUN python3 <<EOF` or `RUN cat <<EOF >file` do not. A shebang decides.
 */
function runsBodyAsScript(commands: readonly ShellCommand[], text: string, body: Span): boolean {
  const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(text.slice(body.start, Math.min(body.end, body.start + 200)));
  if (shebang) {
    const program = shebang[1].split('/').pop() ?? '';
    return SHELLS.has(program === 'env' ? (shebang[2] ?? '') : program);
  }
  const withWords = commands.filter((c) => c.words.length > 0);
  if (withWords.length === 0) return true;
  if (withWords.length > 1) return false;
  const effective = effectiveCommand(withWords[0]);
  if (!effective || !SHELLS.has(effective.name)) return false;
  return effective.args.every((a) => a.value.startsWith('-') && !/^-[abd-z]*c[a-z]*$/.test(a.value));
}
