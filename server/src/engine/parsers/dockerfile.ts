import { DockerfileParser, type Dockerfile, type From, type Instruction } from 'dockerfile-ast';
import { LineIndex, eolOf } from '../text';
import type { Span } from '../types';

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
  span(range: AstRange): Span;
}

export function parseDockerfile(text: string): DockerfileModel {
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
  return {
    language: 'dockerfile',
    text,
    eol: eolOf(text),
    lines,
    ast,
    stages,
    preamble,
    span: (range) => ({ start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) }),
  };
}
