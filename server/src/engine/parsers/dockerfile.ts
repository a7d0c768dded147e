import type { Dockerfile, From, Instruction } from 'dockerfile-ast';
import { parseDockerfileAst } from './dockerfile-ast-memo';
import { LineIndex, eolOf } from '../text';
import type { ParseCache, Span } from '../types';
import { entriesOf, type AstRange, type InstructionEntry, type Stage } from './dockerfile-instructions';
import { jsonStrings, readRunScripts, type RunScript } from './dockerfile-script';

export type { AstRange, InstructionEntry, Stage } from './dockerfile-instructions';

/** A Dockerfile parsed once, with every range convertible to engine offsets. */
export interface DockerfileModel {
  readonly language: 'dockerfile';
  readonly text: string;
  readonly eol: string;
  readonly lines: LineIndex;
  readonly ast: Dockerfile;
  readonly stages: readonly Stage[];
  /** Instructions before the first FROM (global ARGs). */
  readonly preamble: readonly Instruction[];
  /** The escape character (`\\`, or the one set by `# escape=`). */
  readonly escape: string;
  /** Every instruction, ONBUILD triggers unwrapped, with its stage. */
  readonly entries: readonly InstructionEntry[];
  span(range: AstRange): Span;
  /** The shell scripts of every RUN (ONBUILD RUN included); read on first use, then kept. */
  runScripts(): readonly RunScript[];
  /** What rules derive from the model once and share (see commandIndex), under a key of the deriving module's. */
  readonly memo: Map<unknown, unknown>;
  /** The RUN scripts read flat because they were too complex (see RunScript.tooComplex); none before runScripts(). */
  tooComplexScripts(): readonly RunScript[];
}

/**
 * With a cache, one parse per text: the language server indexes an open Dockerfile's facts and then
 * analyses the same text at each keystroke, and the parse is the larger part of either. The last two
 * models are kept under one key and found by comparing texts: a key made of the whole text would be
 * hashed at every look-up, a pass over the file per keystroke.
 */
export function parseDockerfile(text: string, cache?: ParseCache): DockerfileModel {
  if (!cache) return parseDockerfileText(text);
  const recent = (cache.get(MODELS_KEY) as readonly CachedModel[] | undefined) ?? [];
  const hit = recent.find((m) => m.model.text === text);
  if (hit) {
    if (hit.model !== recent[0].model) cache.set(MODELS_KEY, [hit, recent[0]]);
    // What the model was built from is marked used again: a cache that keeps only what the last
    // analyses used would otherwise drop it while typing and undoing hits the model alone.
    for (const [key, value] of hit.used) cache.set(key, value);
    return hit.model;
  }
  const used = new Map<string, unknown>();
  const tracked: ParseCache = {
    get: (key) => {
      const value = cache.get(key);
      if (value !== undefined) used.set(key, value);
      return value;
    },
    set: (key, value) => {
      used.set(key, value);
      cache.set(key, value);
    },
  };
  const model = parseDockerfileText(text, tracked);
  cache.set(MODELS_KEY, recent.length > 0 ? [{ model, used }, recent[0]] : [{ model, used }]);
  return model;
}

interface CachedModel {
  readonly model: DockerfileModel;
  /** The cache entries the model's parse and RUN scripts read or wrote. */
  readonly used: ReadonlyMap<string, unknown>;
}

const MODELS_KEY = 'dockerfile-models';

function parseDockerfileText(text: string, cache?: ParseCache): DockerfileModel {
  const ast = parseDockerfileAst(withoutJsonHeredocs(text), cache);
  const lines = new LineIndex(text);
  const stages: Stage[] = [];
  const preamble: Instruction[] = [];
  let current: { from: From; instructions: Instruction[] } | undefined;
  const pending: { from: From; instructions: Instruction[] }[] = [];
  for (const instruction of ast.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      current = { from: instruction as From, instructions: [] };
      pending.push(current);
    } else if (current) current.instructions.push(instruction);
    else preamble.push(instruction);
  }
  pending.forEach((p, index) => {
    const alias = p.from.getBuildStage()?.toLowerCase();
    stages.push({ index, from: p.from, alias, instructions: p.instructions, isFinal: index === pending.length - 1 });
  });
  const span = (range: AstRange): Span => ({ start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) });
  const escape = ast.getEscapeCharacter();
  const entries = entriesOf(ast, stages, span);
  let scripts: readonly RunScript[] | undefined;
  return {
    language: 'dockerfile',
    text,
    eol: eolOf(text),
    lines,
    ast,
    stages,
    preamble,
    escape,
    entries,
    span,
    memo: new Map(),
    runScripts: () => (scripts ??= readRunScripts({ text, escape, span, cache }, entries)),
    tooComplexScripts: () => scripts?.filter((s) => s.tooComplex !== undefined) ?? [],
  };
}

/** A one-line exec-form RUN/COPY/ADD (flags allowed before the JSON array). */
const EXEC_FORM_LINE = /^([ \t]*(?:onbuild[ \t]+)?(?:run|copy|add)[ \t]+(?:--\S+[ \t]+)*)(\[.*\])[ \t]*\r?$/gim;

/**
 * Docker looks for heredocs (`<<EOF`) among the words of a shell-form line only; dockerfile-ast also
 * finds them inside the strings of an exec-form array, and then reads the instructions after it as a
 * heredoc body, hiding them from every rule (`RUN ["sh", "-c", "cat <<EOF"]` followed by
 * `RUN curl … | sh`). dockerfile-ast gets such lines with `<<` changed to `<_` (same length, so
 * every offset holds); the model, its scripts and its rules keep reading the real text.
 */
function withoutJsonHeredocs(text: string): string {
  if (!text.includes('<<')) return text;
  return text.replace(EXEC_FORM_LINE, (line: string, head: string, array: string) =>
    array.includes('<<') && jsonStrings(array) ? head + array.replace(/<</g, '<_') + line.slice(head.length + array.length) : line,
  );
}
