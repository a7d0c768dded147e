import type { Dockerfile, From, Instruction, Onbuild } from 'dockerfile-ast';
import type { Span } from '../types';

// The instructions of a parsed Dockerfile in file order, each with its stage and its span. Both the
// model (dockerfile.ts) and the RUN-script reader (dockerfile-script.ts) read these; neither is
// imported from here.

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

export function entriesOf(ast: Dockerfile, stages: readonly Stage[], span: (range: AstRange) => Span): InstructionEntry[] {
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
