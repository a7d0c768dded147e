import {
  Add,
  Arg,
  Cmd,
  Copy,
  Entrypoint,
  Env,
  From,
  Healthcheck,
  Instruction,
  Label,
  Onbuild,
  Run,
  Shell,
  Stopsignal,
  User,
  Volume,
  Workdir,
  Argument,
  type Dockerfile,
} from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';
import { Util } from 'dockerfile-ast/lib/util';
import type { Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { ParseCache } from '../types';
import { instructionDocument, ownCopy } from './dockerfile-instruction-document';

// dockerfile-ast recomputes an instruction's arguments (a character walk over its whole text) on every
// getArguments(), getFlags(), getArgumentsRange(), getRawArgumentsContent()…, and its own constructors
// and parser call them several times per RUN: ~60% of the time to analyse a long Dockerfile. An
// instruction's text never changes after parsing (its TextDocument is immutable), so the result is
// kept per instance. The library stays as published: the parser gets, per parse, a factory that
// builds subclasses whose getRawArguments() is memoised. Callers get fresh arrays, Arguments and
// ranges each time, as before: the library writes to them (ModifiableInstruction.getArguments()
// shift()s flags off the array, From.getImageNameRange() moves a range's start).

const RAW_ARGUMENTS = Symbol('rawArguments');

// TypeScript's mixin pattern requires a constructor of `any[]` arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type InstructionClass = new (...args: any[]) => Instruction;

function memoised<C extends InstructionClass>(Base: C): C {
  const Memoised = class extends Base {};
  // getRawArguments is private in the library's typings, so it is replaced on our subclass's prototype.
  // Always invoked as compute.call(this) below, with the instance as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const compute = (Base.prototype as unknown as { getRawArguments(this: Instruction): Argument[] }).getRawArguments;
  Object.defineProperty(Memoised.prototype, 'getRawArguments', {
    value(this: Instruction & { [RAW_ARGUMENTS]?: readonly RawArgument[] }): Argument[] {
      // Kept on the instance, not in a class field: the base constructors already call this.
      const raw = (this[RAW_ARGUMENTS] ??= compute.call(this).map((a) => ({ value: a.getValue(), range: a.getRange() })));
      return raw.map((a) => new Argument(a.value, copyRange(a.range)));
    },
  });
  return Memoised;
}

interface RawArgument {
  readonly value: string;
  readonly range: Range;
}

/** Callers may write to a returned range (From.getImageNameRange moves its start past the registry). */
function copyRange(range: Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

/** The classes dockerfile-ast's Parser.createInstruction picks by keyword, each memoised. */
const BY_KEYWORD: ReadonlyMap<string, InstructionClass> = new Map<string, InstructionClass>([
  ['ADD', memoised(Add)],
  ['ARG', memoised(Arg)],
  ['CMD', memoised(Cmd)],
  ['COPY', memoised(Copy)],
  ['ENTRYPOINT', memoised(Entrypoint)],
  ['ENV', memoised(Env)],
  ['FROM', memoised(From)],
  ['HEALTHCHECK', memoised(Healthcheck)],
  ['LABEL', memoised(Label)],
  ['ONBUILD', memoised(Onbuild)],
  ['RUN', memoised(Run)],
  ['SHELL', memoised(Shell)],
  ['STOPSIGNAL', memoised(Stopsignal)],
  ['WORKDIR', memoised(Workdir)],
  ['USER', memoised(User)],
  ['VOLUME', memoised(Volume)],
]);
const OTHER: InstructionClass = memoised(Instruction);

/** What Parser's private instance method createInstruction reads and does (dockerfile-ast 0.7). */
interface ParserInternals {
  document: TextDocument;
  escapeChar: string;
  createInstruction(dockerfile: unknown, instruction: string, start: number, instructionEnd: number, end: number): Instruction;
}

/** An instruction built on its own text (see instructionDocument), kept for the next parse. */
interface Built {
  readonly text: string;
  readonly escape: string;
  readonly keywordLength: number;
  readonly instruction: Instruction;
}

/** Under this key a cache keeps the instructions of the last parse, by `line:column` of their start. */
const REUSE_KEY = 'dockerfile-instructions';

/**
 * DockerfileParser.parse, with every instruction's raw arguments computed once. With a cache, an
 * instruction whose text, escape character and position (line and column) are those of the last
 * parse is not built again: a keystroke builds the one instruction it touched (see reuseInstruction).
 * Found by position and compared in place, so a parse hashes no instruction's text.
 */
export function parseDockerfileAst(content: string, cache?: ParseCache): Dockerfile {
  const parser = new Parser();
  const internals = parser as unknown as ParserInternals;
  const earlier = cache?.get(REUSE_KEY) as Map<string, Built[]> | undefined;
  const kept = new Map<string, Built[]>();
  const find = (map: Map<string, Built[]> | undefined, at: string, start: number, end: number, keywordLength: number, escape: string) =>
    map?.get(at)?.find((b) => b.text.length === end - start && b.keywordLength === keywordLength && b.escape === escape && content.startsWith(b.text, start));
  let organized: unknown;
  internals.createInstruction = function (dockerfile, instruction, start, instructionEnd, end) {
    if (dockerfile !== organized) organizeCommentsOnce((organized = dockerfile) as DockerfileInternals);
    const startPosition = this.document.positionAt(start);
    const instructionRange: Range = { start: startPosition, end: this.document.positionAt(instructionEnd) };
    const lineRange: Range = { start: startPosition, end: this.document.positionAt(end) };
    const Class = BY_KEYWORD.get(instruction.toUpperCase()) ?? OTHER;
    if (!cache) return new Class(this.document, lineRange, dockerfile, this.escapeChar, instruction, instructionRange);
    const at = `${startPosition.line}:${startPosition.character}`;
    const keywordLength = instructionEnd - start;
    let built = find(kept, at, start, end, keywordLength, this.escapeChar);
    if (!built) {
      built = find(earlier, at, start, end, keywordLength, this.escapeChar) ?? build(Class, ownCopy(content.slice(start, end)), this.escapeChar, instruction, keywordLength, lineRange, instructionRange);
      const list = kept.get(at);
      if (list) list.push(built);
      else kept.set(at, [built]);
    }
    return reuseInstruction(built.instruction, dockerfile);
  };
  const ast = parser.parse(content);
  cache?.set(REUSE_KEY, kept);
  return ast;
}

/** What Dockerfile.organizeComments reads and does (dockerfile-ast 0.7). */
interface DockerfileInternals {
  getComments(): { getRange(): Range }[];
  readonly initialInstructions: ImageTemplateInternals;
  readonly buildStages: readonly ImageTemplateInternals[];
  organizeComments(): void;
}

interface ImageTemplateInternals {
  getRange(): Range | null;
  addComment(comment: unknown): void;
}

/**
 * Dockerfile.organizeComments, called once at the end of a parse, gives each comment to the stage it
 * lies in by asking every stage its range for every comment: a range object built from the stage's
 * instructions, comments x stages times (100,000 in a 5,000-line file with 250 stages and 400 comments,
 * the largest part of the parse's garbage). A stage's range depends on its instructions only, which
 * this does not change, so here each is asked once; comments go where the library puts them.
 */
function organizeCommentsOnce(dockerfile: DockerfileInternals): void {
  Object.defineProperty(dockerfile, 'organizeComments', {
    configurable: true,
    value(this: DockerfileInternals): void {
      const initial = this.initialInstructions.getRange();
      const stages = this.buildStages.map((stage) => ({ stage, range: stage.getRange() }));
      for (const comment of this.getComments()) {
        const range = comment.getRange();
        if (initial && Util.isInsideRange(range.end, initial)) this.initialInstructions.addComment(comment);
        else for (const { stage, range: at } of stages) if (at && Util.isInsideRange(range.start, at)) stage.addComment(comment);
      }
    },
  });
}

/** Built on a document of its own text: nothing kept points into this version of the file. */
function build(Class: InstructionClass, text: string, escape: string, keyword: string, keywordLength: number, lineRange: Range, instructionRange: Range): Built {
  const instruction = new Class(instructionDocument(text, lineRange.start), lineRange, undefined, escape, keyword, instructionRange);
  return { text, escape, keywordLength, instruction };
}

/**
 * A copy of a cached instruction that belongs to this parse's Dockerfile. An instruction reads its own
 * document (same lines and columns, same text) for everything but variable resolution and stage
 * lookups, which go through its Dockerfile; the cached one has none, so it keeps no parse alive. State
 * an instance fills in later (flags) lands on the copy; what its constructor computed is shared.
 */
function reuseInstruction(built: Instruction, dockerfile: unknown): Instruction {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(built) as object) as Instruction, built);
  (copy as unknown as { dockerfile: unknown }).dockerfile = dockerfile;
  return copy;
}
