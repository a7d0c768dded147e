// What the RUN-script reader produces, and the limits it reads within. Every other shell module
// imports from here and nothing here imports them, so the reader is followed one way:
// syntax → words → shell (lists) → commands (meaning, sh -c) → script (RUN instructions).

export interface ShellWord {
  /** The word after quote removal; expansions ($VAR, ${…}, $(…), `…`) stay as written. */
  readonly value: string;
  /** Source offsets where the text producing value[i] starts and ends (quotes and escapes included). */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly start: number;
  readonly end: number;
  /** Some part was quoted or backslash-escaped. */
  readonly quoted: boolean;
  /** Contains a parameter expansion or substitution, so its runtime value is not what is written. */
  readonly expands: boolean;
  /** Commands run by substitutions inside the word ($(…), `…`, <(…)), nested ones included. */
  readonly nested: readonly ShellCommand[];
}

export type ShellOperator = '&&' | '||' | ';' | ';;' | '&' | '|' | '|&' | '\n' | '(' | ')';
export type Nesting = 'command-substitution' | 'process-substitution' | 'shell-string';

export interface ShellCommand {
  /** Leading NAME=value words. */
  readonly assignments: readonly ShellWord[];
  /** The program and its arguments; redirections are left out. */
  readonly words: readonly ShellWord[];
  /** Source offsets of the first and past the last token, redirections included. */
  readonly start: number;
  readonly end: number;
  /** Commands joined by | share a pipeline id; pipelineIndex is the position in it. */
  readonly pipeline: number;
  readonly pipelineIndex: number;
  readonly before?: ShellOperator;
  readonly after?: ShellOperator;
  /** Inside if/while/for/case, { … } or ( … ): removing it could break the script's syntax. */
  readonly compound: boolean;
  readonly nesting?: Nesting;
}

/** Maps an index of the parsed text to a source offset: where char i starts, and where char i-1 ends. */
export interface OffsetMap {
  start(index: number): number;
  end(index: number): number;
}

/** Hands out pipeline ids; share one between parses whose commands are listed together. */
export interface PipelineCounter {
  next: number;
}

export const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/**
 * The reader's bounds. The real-world corpus (4,659 RUN instructions) peaks at 7 KB of script and 2
 * levels of `$(`; these leave an order of magnitude of room while keeping every instruction's
 * reading linear: a character is copied into at most MAX_DEPTH + 1 enclosing words, and the stack
 * holds a few frames per level.
 */
export const SHELL_LIMITS = {
  /** Substitutions ($(...), `...`, <(...)) and `sh -c` strings nested inside one another. */
  maxDepth: 32,
  /** Characters of one RUN instruction as written (heredoc bodies included), and of any one script in it. */
  maxScriptChars: 64 * 1024,
  /** Commands in one instruction (the corpus peaks at 78): every RUN rule walks each of them. */
  maxCommands: 4096,
  /** Characters copied into words, per character of the script, before the reader gives up. */
  workPerChar: 40,
} as const;

/** A script beyond SHELL_LIMITS: the instruction is reported as too complex and scanned flat. */
export class ScriptTooComplex extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ScriptTooComplex';
  }
}

/** The depth and work one instruction's reading has used; one per instruction, shared by its parses. */
export class ReadBudget {
  private depth = 0;
  private work = 0;
  private commands = 0;
  private readonly maxWork: number;

  constructor(scriptChars: number) {
    if (scriptChars > SHELL_LIMITS.maxScriptChars) {
      throw new ScriptTooComplex(`the script is ${scriptChars} characters long, more than the ${SHELL_LIMITS.maxScriptChars} read in full`);
    }
    this.maxWork = (scriptChars + 1024) * SHELL_LIMITS.workPerChar;
  }

  /** Runs `read` one nesting level deeper. */
  nested<T>(read: () => T): T {
    if (++this.depth > SHELL_LIMITS.maxDepth) {
      throw new ScriptTooComplex(`substitutions or sh -c strings are nested more than ${SHELL_LIMITS.maxDepth} deep`);
    }
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  /** Counts one command read (`sh -c` strings re-read theirs, and count them again). */
  command(): void {
    if (++this.commands > SHELL_LIMITS.maxCommands) throw new ScriptTooComplex(`it has more than ${SHELL_LIMITS.maxCommands} commands`);
  }

  /** Counts `units` characters copied; past the budget the script is too complex to read. */
  charge(units: number): void {
    this.work += units;
    if (this.work > this.maxWork) throw new ScriptTooComplex('reading the script would copy its text too many times');
  }
}

/** Appends every item without spreading them as call arguments (a spread of 100k items overflows the stack). */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
