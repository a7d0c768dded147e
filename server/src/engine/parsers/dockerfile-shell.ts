import { WordReader, skipArithmetic } from './dockerfile-shell-words';
import {
  ASSIGNMENT,
  ReadBudget,
  pushAll,
  type Nesting,
  type OffsetMap,
  type PipelineCounter,
  type ShellCommand,
  type ShellOperator,
  type ShellWord,
} from './dockerfile-shell-syntax';

// A small reader for the POSIX shell that RUN instructions execute: words with quotes removed,
// simple commands, pipelines, lists, compound commands and substitutions, with every character
// traceable to its offset in the Dockerfile. It is not a full shell grammar; text it does not
// understand degrades to plain words. The one exception is a script beyond SHELL_LIMITS (too long,
// too deeply nested), which throws ScriptTooComplex for the caller to scan flat instead.

/**
 * Parses a script; the result lists every command in source order, substitutions included. Throws
 * ScriptTooComplex when the script is beyond SHELL_LIMITS (the budget is shared with `sh -c` strings).
 */
export function parseShell(text: string, map: OffsetMap, nesting?: Nesting, counter: PipelineCounter = { next: 0 }, budget = new ReadBudget(text.length)): ShellCommand[] {
  const reader = new Reader(text, map, counter, budget);
  return reader.list(0, text.length, false, nesting).commands;
}

const RESERVED_OPEN = new Set(['if', 'while', 'until', '{']);
const RESERVED_CLOSE = new Set(['fi', 'done', '}']);
const RESERVED_SKIP = new Set(['then', 'do', 'else', 'elif', '!', 'time']);
const TWO_CHAR_OPS = ['&&', '||', ';;', '|&'];
const REDIRECT = /^(?:&>>|&>|<<<|<<-|<<|>>|<&|>&|<>|>\||<|>)/;

interface Builder {
  assignments: ShellWord[];
  words: ShellWord[];
  /** Substitutions in words that belong to no command (`case "$(uname -m)" in`, `for f in $(ls)`). */
  orphans: ShellCommand[];
  start: number;
  end: number;
  started: boolean;
}

type Block = 'block' | 'paren' | 'for' | 'case-word' | 'case-pattern' | 'case-body';

interface ListState {
  readonly blocks: Block[];
  skipClause: boolean;
}

class Reader {
  private readonly words: WordReader;

  constructor(
    private readonly text: string,
    private readonly map: OffsetMap,
    private readonly counter: PipelineCounter,
    private readonly budget: ReadBudget,
  ) {
    this.words = new WordReader(text, map, (pos, limit, closeParen, nesting) => this.list(pos, limit, closeParen, nesting), budget);
  }

  /** Reads commands from `pos` until `limit`, or until an unmatched `)` when `closeParen`. */
  list(pos: number, limit: number, closeParen: boolean, nesting?: Nesting): { commands: ShellCommand[]; end: number } {
    const { text } = this;
    const commands: ShellCommand[] = [];
    const heredocs: { delimiter: string; stripTabs: boolean }[] = [];
    const state: ListState = { blocks: [], skipClause: false };
    const blocks = state.blocks;
    let current = emptyBuilder();
    let pipeline = this.counter.next++;
    let pipelineIndex = 0;
    let before: ShellOperator | undefined;

    const finish = (after: ShellOperator | undefined): void => {
      if (current.started && (current.words.length > 0 || current.assignments.length > 0)) {
        this.budget.command();
        const command: ShellCommand = {
          assignments: current.assignments,
          words: current.words,
          start: this.map.start(current.start),
          end: this.map.end(current.end),
          pipeline,
          pipelineIndex,
          before,
          after,
          compound: blocks.length > 0,
          nesting,
        };
        commands.push(command);
        for (const word of current.words) pushAll(commands, word.nested);
        for (const word of current.assignments) pushAll(commands, word.nested);
      }
      pushAll(commands, current.orphans);
      current = emptyBuilder();
    };
    const separate = (op: ShellOperator): void => {
      finish(op);
      if (op === '|' || op === '|&') pipelineIndex++;
      else {
        pipeline = this.counter.next++;
        pipelineIndex = 0;
      }
      before = op;
      state.skipClause = false;
    };

    while (pos < limit) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\r') {
        pos++;
        continue;
      }
      if (c === '\\' && text[pos + 1] === '\n') {
        pos += 2;
        continue;
      }
      if (c === '#') {
        while (pos < limit && text[pos] !== '\n') pos++;
        continue;
      }
      if (c === '\n') {
        separate('\n');
        pos = skipHeredocs(text, pos + 1, limit, heredocs.splice(0));
        continue;
      }
      const two = text.slice(pos, pos + 2);
      if (TWO_CHAR_OPS.includes(two) && !(two === ';;' && blocks[blocks.length - 1] !== 'case-body')) {
        if (two === ';;' && blocks[blocks.length - 1] === 'case-body') blocks[blocks.length - 1] = 'case-pattern';
        separate(two as ShellOperator);
        pos += 2;
        if (two === ';;' && text[pos] === '&') pos++; // bash's ;;&
        continue;
      }
      if (c === '|' || c === ';' || (c === '&' && text[pos + 1] !== '>')) {
        separate(c);
        pos++;
        continue;
      }
      if (c === '(' && blocks[blocks.length - 1] === 'case-pattern') {
        pos++;
        continue;
      }
      if (c === '(' && !current.started) {
        if (text[pos + 1] === '(') {
          pos = skipArithmetic(text, pos, limit);
          continue;
        }
        separate('(');
        blocks.push('paren');
        pos++;
        continue;
      }
      if (c === ')') {
        const top = blocks[blocks.length - 1];
        if (top === 'case-pattern') {
          blocks[blocks.length - 1] = 'case-body';
          finish(undefined); // nothing but the pattern's substitutions
          before = undefined;
          pos++;
          continue;
        }
        if (top === 'paren') {
          separate(')'); // the command before `)` is still inside the group
          blocks.pop();
          pos++;
          continue;
        }
        if (closeParen) {
          finish(undefined);
          return { commands, end: pos + 1 };
        }
        pos++;
        continue;
      }
      if (c === '(') {
        pos++; // `name()` function definitions: ignore the parentheses
        continue;
      }
      if ((c === '<' || c === '>') && text[pos + 1] === '(') {
        const { word, end } = this.words.read(pos, limit);
        this.addWord(current, word, pos, end, state);
        pos = end;
        continue;
      }
      const redirect = REDIRECT.exec(text.slice(pos, pos + 3));
      if (redirect) {
        if (!current.started) Object.assign(current, { started: true, start: pos });
        pos += redirect[0].length;
        while (pos < limit && (text[pos] === ' ' || text[pos] === '\t')) pos++;
        if (pos < limit && !'|&;<>()\n'.includes(text[pos])) {
          const { word, end } = this.words.read(pos, limit);
          if (redirect[0] === '<<' || redirect[0] === '<<-') heredocs.push({ delimiter: word.value, stripTabs: redirect[0] === '<<-' });
          pos = end;
        }
        current.end = pos;
        continue;
      }
      const { word, end } = this.words.read(pos, limit);
      if (/^\d+$/.test(word.value) && (text[end] === '<' || text[end] === '>')) {
        pos = end; // a file descriptor number before a redirection
        continue;
      }
      if (!this.reserved(word, current, state)) this.addWord(current, word, pos, end, state);
      else pushAll(current.orphans, word.nested);
      pos = end;
    }
    finish(undefined);
    return { commands, end: pos };
  }

  /** Reserved words only count unquoted at the start of a command; returns whether the word was consumed. */
  private reserved(word: ShellWord, current: Builder, state: ListState): boolean {
    if (word.quoted || current.words.length > 0 || current.assignments.length > 0) return state.skipClause;
    const { blocks } = state;
    const v = word.value;
    const top = blocks[blocks.length - 1];
    if (top === 'case-pattern') {
      if (v === 'esac') blocks.pop();
      return true;
    }
    if (state.skipClause) {
      if (v === 'in' && top === 'case-word') {
        blocks[blocks.length - 1] = 'case-pattern';
        state.skipClause = false;
      }
      return true;
    }
    if (RESERVED_OPEN.has(v)) blocks.push('block');
    else if (v === 'for' || v === 'select' || v === 'case') {
      blocks.push(v === 'case' ? 'case-word' : 'for');
      state.skipClause = true;
    } else if (v === 'esac') {
      if (top === 'case-body' || top === 'case-word') blocks.pop();
    } else if (RESERVED_CLOSE.has(v)) {
      if (top === 'block' || top === 'for') blocks.pop();
    } else if (!RESERVED_SKIP.has(v)) return false;
    return true;
  }

  private addWord(current: Builder, word: ShellWord, pos: number, end: number, state: ListState): void {
    if (state.skipClause || state.blocks[state.blocks.length - 1] === 'case-pattern') {
      pushAll(current.orphans, word.nested);
      return;
    }
    if (!current.started) Object.assign(current, { started: true, start: pos });
    current.end = end;
    if (current.words.length === 0 && ASSIGNMENT.test(word.value) && isUnquotedName(word)) current.assignments.push(word);
    else current.words.push(word);
  }
}

function emptyBuilder(): Builder {
  return { assignments: [], words: [], orphans: [], start: 0, end: 0, started: false };
}

/** NAME= must be written literally: `"A"=1` runs a command named A=1, it assigns nothing. */
function isUnquotedName(word: ShellWord): boolean {
  const eq = word.value.indexOf('=');
  return eq > 0 && word.starts[eq] - word.start === eq;
}

function skipHeredocs(text: string, pos: number, limit: number, heredocs: readonly { delimiter: string; stripTabs: boolean }[]): number {
  for (const heredoc of heredocs) {
    while (pos < limit) {
      const eol = text.indexOf('\n', pos);
      const lineEnd = eol < 0 || eol > limit ? limit : eol;
      let line = text.slice(pos, lineEnd).replace(/\r$/, '');
      if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
      pos = Math.min(lineEnd + 1, limit);
      if (line === heredoc.delimiter) break;
    }
  }
  return pos;
}
