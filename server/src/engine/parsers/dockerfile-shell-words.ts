import { pushAll, type Nesting, type OffsetMap, type ReadBudget, type ShellCommand, type ShellWord } from './dockerfile-shell-syntax';

// Reads one shell word: quotes removed, escapes resolved, expansions kept as written, and the
// commands inside $(…), `…` and <(…) read through the list reader handed in by the list reader
// (dockerfile-shell.ts), one budgeted nesting level deeper.

export type ListReader = (pos: number, limit: number, closeParen: boolean, nesting: Nesting) => { commands: ShellCommand[]; end: number };

export class WordReader {
  constructor(
    private readonly text: string,
    private readonly map: OffsetMap,
    private readonly list: ListReader,
    private readonly budget: ReadBudget,
  ) {}

  /** One word starting at `pos`: quotes removed, substitutions parsed. */
  read(pos: number, limit: number): { word: ShellWord; end: number } {
    const { text, map } = this;
    const start = pos;
    const sink: Sink = { value: '', starts: [], ends: [], nested: [], quoted: false, expands: false };
    if ((text[pos] === '<' || text[pos] === '>') && text[pos + 1] === '(') pos = this.substitution(sink, pos, pos + 2, limit, 'process-substitution');
    while (pos < limit) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || '|&;<>()'.includes(c)) break;
      if (c === '\\') {
        if (text[pos + 1] === '\n') {
          pos += 2;
          continue;
        }
        sink.quoted = true;
        if (pos + 1 < limit) this.take(sink, pos + 1, pos + 2, pos);
        else this.take(sink, pos, pos + 1);
        pos = Math.min(pos + 2, limit);
        continue;
      }
      if (c === "'") {
        sink.quoted = true;
        const close = text.indexOf("'", pos + 1);
        const stop = close < 0 || close >= limit ? limit : close;
        this.take(sink, pos + 1, stop);
        pos = Math.min(stop + 1, limit);
        continue;
      }
      if (c === '"') {
        sink.quoted = true;
        pos = this.doubleQuoted(sink, pos + 1, limit);
        continue;
      }
      if (c === '$' || c === '`') {
        pos = this.expansion(sink, pos, limit);
        continue;
      }
      this.take(sink, pos, pos + 1);
      pos++;
    }
    const end = Math.max(pos, start + 1);
    const word: ShellWord = { value: sink.value, starts: sink.starts, ends: sink.ends, start: map.start(start), end: map.end(end), quoted: sink.quoted, expands: sink.expands, nested: sink.nested };
    return { word, end };
  }

  /** Appends text[from, to) to the word; rawStart/rawEnd widen the first/last char's source span (escapes). */
  private take(sink: Sink, from: number, to: number, rawStart = from, rawEnd = to): void {
    if (to <= from) return;
    // A substitution's text is copied into each enclosing word: the budget bounds the total.
    this.budget.charge(to - from);
    sink.value += this.text.slice(from, to);
    for (let i = from; i < to; i++) {
      sink.starts.push(this.map.start(i === from ? rawStart : i));
      sink.ends.push(this.map.end(i === to - 1 ? rawEnd : i + 1));
    }
  }

  private substitution(sink: Sink, at: number, inner: number, limit: number, kind: Nesting): number {
    const result = this.budget.nested(() => this.list(inner, limit, true, kind));
    this.budget.charge(result.commands.length);
    pushAll(sink.nested, result.commands);
    sink.expands = true;
    const end = Math.min(result.end, limit);
    this.take(sink, at, end);
    return end;
  }

  private doubleQuoted(sink: Sink, pos: number, limit: number): number {
    const { text } = this;
    while (pos < limit && text[pos] !== '"') {
      const c = text[pos];
      if (c === '\\' && pos + 1 < limit && '$`"\\\n'.includes(text[pos + 1])) {
        if (text[pos + 1] !== '\n') this.take(sink, pos + 1, pos + 2, pos);
        pos += 2;
      } else if (c === '$' || c === '`') {
        pos = this.expansion(sink, pos, limit);
      } else {
        this.take(sink, pos, pos + 1);
        pos++;
      }
    }
    return Math.min(pos + 1, limit);
  }

  /** `$name`, `${...}`, `$(...)`, `$((...))`, `$'...'` and backticks; kept as written in the value. */
  private expansion(sink: Sink, pos: number, limit: number): number {
    const { text } = this;
    if (text[pos] === '`') {
      let close = pos + 1;
      while (close < limit && text[close] !== '`') close += text[close] === '\\' ? 2 : 1;
      close = Math.min(close, limit);
      const inner = this.budget.nested(() => this.list(pos + 1, close, false, 'command-substitution').commands);
      this.budget.charge(inner.length);
      pushAll(sink.nested, inner);
      sink.expands = true;
      const end = Math.min(close + 1, limit);
      this.take(sink, pos, end);
      return end;
    }
    const next = text[pos + 1];
    if (next === '(' && text[pos + 2] === '(') {
      const end = skipArithmetic(text, pos + 1, limit);
      sink.expands = true;
      this.take(sink, pos, end);
      return end;
    }
    if (next === '(') return this.substitution(sink, pos, pos + 2, limit, 'command-substitution');
    if (next === '{') {
      let depth = 0;
      let end = pos + 1;
      for (; end < limit; end++) {
        if (text[end] === '{') depth++;
        else if (text[end] === '}' && --depth === 0) break;
      }
      end = Math.min(end + 1, limit);
      sink.expands = true;
      this.take(sink, pos, end);
      return end;
    }
    if (next === "'") {
      sink.quoted = true;
      const close = text.indexOf("'", pos + 2);
      const stop = close < 0 || close >= limit ? limit : close;
      this.take(sink, pos + 2, stop);
      return Math.min(stop + 1, limit);
    }
    const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(text.slice(pos + 1, Math.min(pos + 64, limit)));
    if (!name) {
      this.take(sink, pos, pos + 1);
      return pos + 1;
    }
    sink.expands = true;
    this.take(sink, pos, pos + 1 + name[0].length);
    return pos + 1 + name[0].length;
  }
}

interface Sink {
  value: string;
  starts: number[];
  ends: number[];
  nested: ShellCommand[];
  quoted: boolean;
  expands: boolean;
}


export function skipArithmetic(text: string, pos: number, limit: number): number {
  let depth = 0;
  for (let i = pos; i < limit; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return limit;
}
