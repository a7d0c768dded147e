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
import { Comment } from 'dockerfile-ast/lib/comment';
import { ModifiableInstruction } from 'dockerfile-ast/lib/modifiableInstruction';
import { Parser } from 'dockerfile-ast/lib/parser';
import { Util } from 'dockerfile-ast/lib/util';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { ParseCache } from '../types';
import { instructionDocument, ownCopy } from './dockerfile-instruction-document';
import { withTextMemo } from './dockerfile-text-memo';
import { ItemReuse, movedBuilt, rangeAt, type Built, type LastParse, type ParsedItem } from './dockerfile-ast-reuse';

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
  // Kept on the instance, not in a class field: the base constructors already call getRawArguments.
  const rawArguments = (instruction: MemoisedInstruction): readonly RawArgument[] =>
    (instruction[RAW_ARGUMENTS] ??= compute.call(instruction).map((a) => ({ value: a.getValue(), range: a.getRange() })));
  Object.defineProperty(Memoised.prototype, 'getRawArguments', {
    value(this: MemoisedInstruction): Argument[] {
      return rawArguments(this).map((a) => new Argument(a.value, copyRange(a.range)));
    },
  });
  // The library's getRawArgumentsContent asks getArguments() for the text from the first argument to the
  // last: a copy of every argument, in the constructor of each RUN, COPY, CMD… (JSONInstruction), 3-4% of a
  // CLI scan of the mixed bench tree. The same text is read here from the kept arguments, past the flags
  // (ModifiableInstruction.getArguments drops one argument per flag); any other getArguments keeps the library's way.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const content = (Base.prototype as unknown as { getRawArgumentsContent(this: Instruction): string | null }).getRawArgumentsContent;
  Object.defineProperty(Memoised.prototype, 'getRawArgumentsContent', {
    value(this: MemoisedInstruction): string | null {
      const flagged = this.getArguments === MODIFIABLE_GET_ARGUMENTS;
      if (!flagged && this.getArguments !== PLAIN_GET_ARGUMENTS) return content.call(this);
      // In the library's order: the arguments, then the flags (whose first reading asks for the arguments).
      const raw = rawArguments(this);
      const first = flagged ? (this as unknown as ModifiableInstruction).getFlags().length : 0;
      if (raw.length <= first) return null;
      const document = (this as unknown as { document: TextDocument }).document;
      return document.getText().substring(document.offsetAt(raw[first].range.start), document.offsetAt(raw[raw.length - 1].range.end));
    },
  });
  return Memoised;
}

// eslint-disable-next-line @typescript-eslint/unbound-method
const PLAIN_GET_ARGUMENTS = Instruction.prototype.getArguments;
// eslint-disable-next-line @typescript-eslint/unbound-method
const MODIFIABLE_GET_ARGUMENTS = ModifiableInstruction.prototype.getArguments;

type MemoisedInstruction = Instruction & { [RAW_ARGUMENTS]?: readonly RawArgument[] };

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

/** What Parser's private instance methods read and do (dockerfile-ast 0.7). */
interface ParserInternals {
  document: TextDocument;
  escapeChar: string;
  createInstruction(dockerfile: unknown, instruction: string, start: number, instructionEnd: number, end: number): Instruction;
  processInstruction(dockerfile: DockerfileBeingParsed, char: string, start: number): number;
  processComment(dockerfile: DockerfileBeingParsed, start: number): number;
}

/** The parts of a Dockerfile under construction that a replayed instruction adds itself to. */
interface DockerfileBeingParsed {
  addInstruction(instruction: Instruction): void;
  addComment(comment: Comment): void;
}

/** Under this key a cache keeps what the last parse leaves for the next (LastParse). */
const REUSE_KEY = 'dockerfile-instructions';

/**
 * DockerfileParser.parse, with every instruction's raw arguments computed once. With a cache, the
 * instructions the last parse read before the edit and after it are not read again (ItemReuse), and an
 * instruction whose text and escape character are those of the last parse is not built again: at the
 * same line and column it is used as built, elsewhere it is moved (movedBuilt). A keystroke reads and
 * builds the instructions it touched. Found by position and compared in place: no text is hashed.
 */
export function parseDockerfileAst(content: string, cache?: ParseCache): Dockerfile {
  const parser = new Parser();
  const internals = parser as unknown as ParserInternals;
  const last = cache?.get(REUSE_KEY) as LastParse | undefined;
  const earlier = last?.built;
  const kept = new Map<string, Built[]>();
  const find = (map: ReadonlyMap<string, Built[]> | undefined, at: string, start: number, end: number, keywordLength: number, escape: string) =>
    map?.get(at)?.find((b) => b.text.length === end - start && b.keywordLength === keywordLength && b.escape === escape && content.startsWith(b.text, start));
  let organized: unknown;
  /** The last parse's instruction being replayed (see replay): moved rather than built when it moved. */
  let replaying: Built | undefined;
  /** The instruction createInstruction handed out last (the one its caller adds), and the keyword it was given. */
  let created: { readonly built: Built; readonly keyword: string } | undefined;
  internals.createInstruction = function (dockerfile, instruction, start, instructionEnd, end) {
    if (dockerfile !== organized) organizeCommentsOnce((organized = dockerfile) as DockerfileInternals);
    const startPosition = this.document.positionAt(start);
    const instructionRange: Range = { start: startPosition, end: this.document.positionAt(instructionEnd) };
    const lineRange: Range = { start: startPosition, end: this.document.positionAt(end) };
    const Class = BY_KEYWORD.get(instruction.toUpperCase()) ?? OTHER;
    if (!cache) return new Class(this.document, lineRange, dockerfile, this.escapeChar, instruction, instructionRange);
    const at = `${startPosition.line}:${startPosition.character}`;
    const keywordLength = instructionEnd - start;
    let built = replaying ? undefined : find(kept, at, start, end, keywordLength, this.escapeChar);
    if (!built) {
      // A replayed instruction's text is the last parse's (ItemReuse): no need to compare it again.
      built =
        (replaying && (samePosition(replaying.at, startPosition) ? replaying : movedBuilt(replaying, startPosition))) ??
        find(earlier, at, start, end, keywordLength, this.escapeChar) ??
        build(Class, ownCopy(content.slice(start, end)), this.escapeChar, instruction, keywordLength, lineRange, instructionRange);
      const list = kept.get(at);
      if (list) list.push(built);
      else kept.set(at, [built]);
    }
    created = { built, keyword: instruction };
    return reuseInstruction(built.instruction, dockerfile);
  };
  if (!cache) return parser.parse(content);
  const reuse = last && new ItemReuse(last, content);
  const items = new Map<number, ParsedItem>();
  /** Starts of the top-level items in order, to tell each instruction where the next item starts. */
  const starts: number[] = [];
  /** The comments inside the instruction being read, when one is (relative to its start). */
  let inside: [number, number][] | undefined;
  let insideStart = 0;
  // The library's own methods, called below with the parser as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const processComment = internals.processComment;
  internals.processComment = function (dockerfile, start) {
    const end = processComment.call(this, dockerfile, start);
    if (inside) inside.push([start - insideStart, end - insideStart]);
    else starts.push(start);
    return end;
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const processInstruction = internals.processInstruction;
  internals.processInstruction = function (dockerfile, char, start) {
    starts.push(start);
    const old = reuse?.itemAt(start, this.escapeChar);
    if (old) {
      const item = replay(this, dockerfile, old, start);
      items.set(start, item);
      return start + item.end;
    }
    inside = [];
    insideStart = start;
    created = undefined;
    const end = processInstruction.call(this, dockerfile, char, start);
    const comments = inside;
    inside = undefined;
    // Assigned by createInstruction during the call (TypeScript does not see it).
    const made = created as { readonly built: Built; readonly keyword: string } | undefined;
    if (made) items.set(start, { start, keyword: made.keyword, keywordEnd: made.built.keywordLength, lineEnd: made.built.text.length, end: end - start, comments, built: made.built, next: 0 });
    return end;
  };
  /** The parser's work for one instruction, from what it did for it last time. */
  const replay = (self: ParserInternals, dockerfile: DockerfileBeingParsed, old: ParsedItem, start: number): ParsedItem => {
    for (const [from, to] of old.comments) dockerfile.addComment(new Comment(self.document, rangeAt(self.document, start + from, start + to)));
    replaying = old.built;
    created = undefined;
    try {
      dockerfile.addInstruction(self.createInstruction(dockerfile, old.keyword, start, start + old.keywordEnd, start + old.lineEnd));
    } finally {
      replaying = undefined;
    }
    const made = created as { readonly built: Built } | undefined;
    return { start, keyword: old.keyword, keywordEnd: old.keywordEnd, lineEnd: old.lineEnd, end: old.end, comments: old.comments, built: made?.built ?? old.built, next: 0 };
  };
  const ast = parser.parse(content);
  starts.push(content.length);
  for (let i = 0; i + 1 < starts.length; i++) {
    const item = items.get(starts[i]);
    if (item) item.next = starts[i + 1];
  }
  cache.set(REUSE_KEY, { text: content, escape: ast.getEscapeCharacter(), items, built: kept } satisfies LastParse);
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

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Built on a document of its own text: nothing kept points into this version of the file. */
function build(Class: InstructionClass, text: string, escape: string, keyword: string, keywordLength: number, lineRange: Range, instructionRange: Range): Built {
  const instruction = new Class(instructionDocument(text, lineRange.start), lineRange, undefined, escape, keyword, instructionRange);
  withTextMemo(instruction);
  return { text, escape, keywordLength, at: lineRange.start, instruction };
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
