import { DockerfileParser, type Dockerfile, type From, type Instruction, type Onbuild } from 'dockerfile-ast';
import { LineIndex, eolOf } from '../text';
import type { ParseCache, Span } from '../types';
import { readRunScripts, type RunScript } from './dockerfile-script';

/** A position range as dockerfile-ast reports it (0-based line and UTF-16 character). */
export interface AstRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export interface Stage {
  readonly index: number;
  readonly from: From;
  /** The `AS name` alias, lower-cased as Docker treats it. */
  readonly alias?: string;
  /** Instructions after this FROM up to the next one (the FROM itself excluded). */
  readonly instructions: readonly Instruction[];
  readonly isFinal: boolean;
}

/** One instruction in file order; an ONBUILD trigger is listed as the instruction it wraps. */
export interface InstructionEntry {
  /** The instruction itself; for `ONBUILD RUN …`, the RUN. */
  readonly instruction: Instruction;
  /** Upper-case keyword of `instruction`. */
  readonly keyword: string;
  /** The ONBUILD wrapping it, when it is a trigger. */
  readonly onbuild?: Instruction;
  /** Undefined before the first FROM. */
  readonly stage?: Stage;
  /** The whole instruction as written, ONBUILD included. */
  readonly span: Span;
}

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
}

export function parseDockerfile(text: string, cache?: ParseCache): DockerfileModel {
  const ast = DockerfileParser.parse(text);
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
    runScripts: () => (scripts ??= readRunScripts({ text, escape, span, cache }, entries)),
  };
}

function entriesOf(ast: Dockerfile, stages: readonly Stage[], span: (range: AstRange) => Span): InstructionEntry[] {
  const stageOf = new Map<Instruction, Stage>();
  for (const stage of stages) for (const i of [stage.from, ...stage.instructions]) stageOf.set(i, stage);
  const out: InstructionEntry[] = [];
  for (const instruction of ast.getInstructions()) {
    const stage = stageOf.get(instruction);
    const whole = span(instruction.getRange());
    const keyword = instruction.getKeyword();
    if (keyword === 'ONBUILD') {
      const trigger = (instruction as Onbuild).getTriggerInstruction();
      if (trigger) out.push({ instruction: trigger, keyword: trigger.getKeyword(), onbuild: instruction, stage, span: whole });
      continue;
    }
    out.push({ instruction, keyword, stage, span: whole });
  }
  return out;
}
