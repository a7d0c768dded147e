import { ASSIGNMENT, SHELL_LIMITS, type OffsetMap, type PipelineCounter, type ShellCommand, type ShellOperator, type ShellWord } from './dockerfile-shell-syntax';

// The flat scan for a RUN script the reader gave up on (too long, nested too deep): one pass, no
// recursion, no nesting. Quotes are removed rather than obeyed and every substitution opener is a
// command boundary, so a command buried under a thousand `$(` or inside a quoted `sh -c` string still
// comes out as a command, with its pipeline. It over-reads (text in quotes may look like commands),
// which only errs towards reporting; its commands are marked compound so that no fix edits them.

/** Characters that end a run of plain word characters. */
const SPECIAL = new Set([' ', '\t', '\r', '\n', '\\', "'", '"', '#', '<', '>', '&', '|', ';', '`', '$', '(', ')']);
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'in', 'case', 'esac', 'select', '{', '}', '!', 'time', 'function']);

/**
 * Commands of `text` in source order, read flat, at most SHELL_LIMITS.maxCommands of them (`complete`
 * says whether the scan reached the end). Linear in the text; never throws on content.
 */
export function scanCommandsFlat(text: string, map: OffsetMap, counter: PipelineCounter = { next: 0 }): { commands: ShellCommand[]; complete: boolean } {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let assignments: ShellWord[] = [];
  let pipeline = counter.next++;
  let pipelineIndex = 0;
  let before: ShellOperator | undefined;
  let word: Sink | undefined;
  let skipWord = false; // the word after a redirection operator is a file name, not an argument

  const endWord = (): void => {
    if (!word) return;
    const w: ShellWord = { value: word.value, starts: word.starts, ends: word.ends, start: word.start, end: word.end, quoted: word.quoted, expands: word.value.includes('$'), nested: [] };
    word = undefined;
    if (skipWord) {
      skipWord = false;
      return;
    }
    if (w.value === '') return; // only quotes: a boundary opener cut it, or an empty argument
    if (words.length === 0 && assignments.length === 0 && !w.quoted && RESERVED.has(w.value)) return;
    if (words.length === 0 && ASSIGNMENT.test(w.value)) assignments.push(w);
    else words.push(w);
  };
  const endCommand = (after: ShellOperator | undefined): void => {
    endWord();
    if (words.length > 0 || assignments.length > 0) {
      const first = assignments[0] ?? words[0];
      const last = words[words.length - 1] ?? assignments[assignments.length - 1];
      commands.push({ assignments, words, start: first.start, end: last.end, pipeline, pipelineIndex, before, after, compound: true });
    }
    words = [];
    assignments = [];
    if (after === '|' || after === '|&') pipelineIndex++;
    else {
      pipeline = counter.next++;
      pipelineIndex = 0;
    }
    before = after;
  };
  const take = (from: number, to: number): void => {
    word ??= { value: '', starts: [], ends: [], start: map.start(from), end: map.end(from), quoted: false };
    word.value += text.slice(from, to);
    for (let i = from; i < to; i++) {
      word.starts.push(map.start(i));
      word.ends.push(map.end(i + 1));
    }
    word.end = map.end(to);
  };

  let pos = 0;
  while (pos < text.length && commands.length < SHELL_LIMITS.maxCommands) {
    const c = text[pos];
    const next = text[pos + 1];
    if (c === '\\') {
      if (next === '\n') pos += 2;
      else {
        take(pos + 1, Math.min(pos + 2, text.length));
        if (word) word.quoted = true;
        pos += 2;
      }
      continue;
    }
    if (c === "'" || c === '"') {
      word ??= { value: '', starts: [], ends: [], start: map.start(pos), end: map.end(pos + 1), quoted: true };
      word.quoted = true;
      pos++;
      continue;
    }
    if (c === '#' && !word) {
      while (pos < text.length && text[pos] !== '\n') pos++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      pos++;
      continue;
    }
    const operator = operatorAt(text, pos);
    if (operator) {
      endCommand(operator.op);
      pos += operator.length;
      continue;
    }
    if (c === '<' || c === '>' || (c === '&' && next === '>')) {
      // A descriptor number just before (2>&1) belongs to the redirection.
      if (word && /^\d+$/.test(word.value) && !word.quoted) word = undefined;
      endWord();
      while (pos < text.length && '<>&-|'.includes(text[pos])) pos++;
      if (/\d/.test(text[pos] ?? '') && !/[\w]/.test(text[pos + 1] ?? '')) pos++; // >&2
      skipWord = true;
      continue;
    }
    // A run of plain characters is taken at once.
    let run = pos + 1;
    while (run < text.length && !SPECIAL.has(text[run])) run++;
    take(pos, run);
    pos = run;
  }
  if (pos < text.length) return { commands, complete: false };
  endCommand(undefined);
  return { commands, complete: true };
}

interface Sink {
  value: string;
  starts: number[];
  ends: number[];
  start: number;
  end: number;
  quoted: boolean;
}

/** List operators and every opener or closer of a nested command, each a command boundary here. */
function operatorAt(text: string, pos: number): { op: ShellOperator; length: number } | undefined {
  const two = text.slice(pos, pos + 2);
  if (two === '&&' || two === '||' || two === '|&' || two === ';;') return { op: two, length: 2 };
  if (two === '$(' || two === '<(' || two === '>(') return { op: '(', length: 2 };
  switch (text[pos]) {
    case '|':
      return { op: '|', length: 1 };
    case ';':
    case '`':
      return { op: ';', length: 1 };
    case '&':
      return text[pos + 1] === '>' ? undefined : { op: '&', length: 1 };
    case '\n':
      return { op: '\n', length: 1 };
    case '(':
      return { op: '(', length: 1 };
    case ')':
      return { op: ')', length: 1 };
  }
  return undefined;
}
