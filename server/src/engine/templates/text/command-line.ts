import { lineEndAt } from '../../text';
// A command line read the way a shell reads it, in any file that holds commands (a script, a Dockerfile `RUN`,
// a CI `run:` block, an MSBuild `Command="…"`, a Terraform `user_data` string, an npm script): words split at
// blanks, quotes removed, continuations (`\`, PowerShell's `` ` ``, cmd's `^` at a line's end) joined, control
// operators (`&&`, `;`, `|`, `$(`, `)`, `<tag>`) ending one command and starting the next. Every character of a
// word keeps its offset in the file, so a value found in a word is reported where it is written. A quoted part
// holding blanks (`sh -c "…"`, `"build": "…"`, `Command="…"`) is a command line of its own and is read again inside.

/** One word of a command line, quotes removed. */
export interface CommandWord {
  readonly text: string;
  /** The file offset of each character of `text`. */
  readonly offsets: readonly number[];
  /** The word expands something (`$VAR`, `${…}`, `$(…)`, `%VAR%`, `${{ … }}`) outside single quotes: it is no literal. */
  readonly expands: boolean;
}

/** The words of one simple command, from its first to the next control operator. */
export type Command = readonly CommandWord[];

/** How many physical lines one logical command line may join, and its length: a bound on every read. */
const MAX_JOINED_LINES = 40;
const MAX_COMMAND_CHARS = 8192;
/** How deep quoted command strings are read again (`sh -c "…"` inside a `Command="…"`). */
const MAX_NESTING = 2;

/** XML's escapes of the characters a command line is made of (`Command="signtool … &quot;$(Dir)&quot;"`). */
const XML_ENTITIES: ReadonlyArray<readonly [string, string]> = [['&quot;', '"'], ['&apos;', "'"], ['&amp;', '&'], ['&lt;', '<'], ['&gt;', '>']];

/** A line ending in a continuation: the shell's `\`, PowerShell's backtick, cmd's `^`. */
function continues(text: string, lineEnd: number): boolean {
  let at = lineEnd - 1;
  if (text[at] === '\r') at--;
  const c = text[at];
  return c === '\\' || c === '`' || c === '^';
}

/** The logical command line around `offset`: its physical line joined with the lines continued into and out of it. */
export function logicalLineAt(text: string, offset: number): { start: number; end: number } {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  for (let n = 0; n < MAX_JOINED_LINES && start > 0 && continues(text, start - 1); n++) start = text.lastIndexOf('\n', start - 2) + 1;
  let end = lineEndAt(text, offset);
  for (let n = 0; n < MAX_JOINED_LINES && end < text.length && continues(text, end); n++) end = lineEndAt(text, end + 1);
  return { start, end: Math.min(end, start + MAX_COMMAND_CHARS) };
}

interface Source {
  readonly chars: string;
  readonly offsets: readonly number[];
}

/** The commands of the logical line `start`..`end` of `text`, quoted command strings in it read too. */
export function commandsIn(text: string, start: number, end: number): Command[] {
  const offsets: number[] = [];
  for (let i = start; i < end; i++) offsets.push(i);
  const commands: Command[] = [];
  readCommands({ chars: text.slice(start, end), offsets }, commands, 0);
  return commands;
}

function readCommands(source: Source, commands: Command[], depth: number): void {
  const { chars } = source;
  let words: CommandWord[] = [];
  const endCommand = () => {
    if (words.length > 0) commands.push(words);
    words = [];
  };
  let i = 0;
  while (i < chars.length) {
    const c = chars[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (isContinuation(chars, i)) {
      i = skipLineBreak(chars, i + 1);
      continue;
    }
    // A comment runs to the end of its line (a `#` that starts a word).
    if (c === '#') {
      const lf = chars.indexOf('\n', i);
      if (lf < 0) break;
      i = lf;
      continue;
    }
    const operator = operatorAt(chars, i);
    if (operator > 0) {
      endCommand();
      i += operator;
      continue;
    }
    const word = readWord(source, i);
    i = word.next;
    words.push(word.word);
    if (depth < MAX_NESTING) for (const inner of word.quotedCommands) readCommands(inner, commands, depth + 1);
  }
  endCommand();
}

/** A continuation character followed by a line break. */
function isContinuation(chars: string, i: number): boolean {
  const c = chars[i];
  if (c !== '\\' && c !== '`' && c !== '^') return false;
  return chars[i + 1] === '\n' || (chars[i + 1] === '\r' && chars[i + 2] === '\n');
}

function skipLineBreak(chars: string, i: number): number {
  if (chars[i] === '\r') i++;
  return chars[i] === '\n' ? i + 1 : i;
}

/** The length of the control operator at `i` (`&&`, `||`, `;`, `|`, `&`, `(`, `)`, `$(`, a backtick, `<`, `>`, an XML-escaped one), or 0. */
function operatorAt(chars: string, i: number): number {
  const c = chars[i];
  if (c === '$' && chars[i + 1] === '(' && chars[i + 2] !== '(') return 2;
  if (c === '&') {
    const entity = XML_ENTITIES.find(([e]) => chars.startsWith(e, i));
    if (entity && entity[1] === '&') return chars.startsWith('&amp;', i + 5) ? 10 : 5;
    if (entity) return entity[1] === '<' || entity[1] === '>' ? entity[0].length : 0;
    return chars[i + 1] === '&' ? 2 : 1;
  }
  if (c === '|') return chars[i + 1] === '|' ? 2 : 1;
  if (c === ';' || c === '(' || c === ')' || c === '`' || c === '<' || c === '>') return 1;
  return 0;
}

interface ReadWord {
  readonly word: CommandWord;
  readonly next: number;
  /** Quoted parts of the word that hold blanks: command strings of their own. */
  readonly quotedCommands: Source[];
}

/** The word starting at `i`: unquoted, quoted and escaped parts up to a blank or an operator. */
function readWord(source: Source, i: number): ReadWord {
  const { chars, offsets } = source;
  let text = '';
  const wordOffsets: number[] = [];
  let expands = false;
  const quotedCommands: Source[] = [];
  const push = (ch: string, at: number) => {
    text += ch;
    wordOffsets.push(offsets[at]);
  };
  while (i < chars.length) {
    const c = chars[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || isContinuation(chars, i)) break;
    // A control operator ends the word, except `&…;` entities inside it and a `$(` or backtick expansion, which the word holds.
    if (c === '$' || c === '%') {
      if (c === '$' && chars[i + 1] !== undefined && /[\w{(]/.test(chars[i + 1])) expands = true;
      if (c === '%' && /^%[A-Za-z_]\w*%/.test(chars.slice(i, i + 64))) expands = true;
      if (c === '$' && chars[i + 1] === '(') {
        const close = closingParen(chars, i + 1);
        for (let k = i; k <= close && k < chars.length; k++) push(chars[k], k);
        i = close + 1;
        continue;
      }
      push(c, i++);
      continue;
    }
    const quote = quoteAt(chars, i);
    if (quote) {
      const part = readQuoted(chars, i, quote);
      const inner: number[] = [];
      let innerText = '';
      for (const k of part.chars) {
        const ch = decodedAt(chars, k);
        push(ch, k);
        innerText += ch;
        inner.push(offsets[k]);
        if (quote.char !== "'" && ch === '$' && /[\w{(]/.test(chars[k + 1] ?? '')) expands = true;
      }
      if (/\s/.test(innerText)) quotedCommands.push({ chars: innerText, offsets: inner });
      i = part.next;
      continue;
    }
    if (operatorAt(chars, i) > 0) break;
    if (c === '\\' && i + 1 < chars.length) {
      push(chars[i + 1], i + 1);
      i += 2;
      continue;
    }
    push(c, i++);
  }
  return { word: { text, offsets: wordOffsets, expands }, next: i, quotedCommands };
}

interface Quote {
  readonly char: string;
  /** How many characters the opening (and closing) quote takes: 1, or 6 for `&quot;`. */
  readonly length: number;
}

function quoteAt(chars: string, i: number): Quote | undefined {
  const c = chars[i];
  if (c === '"' || c === "'") return { char: c, length: 1 };
  if (chars.startsWith('&quot;', i)) return { char: '"', length: 6 };
  if (chars.startsWith('&apos;', i)) return { char: "'", length: 6 };
  return undefined;
}

/** The character at `k`, an XML entity standing for one character read as that character. */
function decodedAt(chars: string, k: number): string {
  if (chars[k] !== '&') return chars[k];
  return XML_ENTITIES.find(([e]) => chars.startsWith(e, k))?.[1] ?? '&';
}

/** The indices of a quoted part's characters (an entity counted once) and the index after its closing quote. */
function readQuoted(chars: string, i: number, quote: Quote): { chars: number[]; next: number } {
  const inside: number[] = [];
  let k = i + quote.length;
  while (k < chars.length) {
    const closing = quoteAt(chars, k);
    if (closing && closing.char === quote.char && closing.length === quote.length) return { chars: inside, next: k + closing.length };
    if (quote.char === '"' && chars[k] === '\\' && (chars[k + 1] === '"' || chars[k + 1] === '\\' || chars[k + 1] === '$')) k++;
    inside.push(k);
    const entity = chars[k] === '&' ? XML_ENTITIES.find(([e]) => chars.startsWith(e, k)) : undefined;
    k += entity ? entity[0].length : 1;
  }
  return { chars: inside, next: k };
}

/** The index of the `)` closing the `(` at `open`, or the last index. */
function closingParen(chars: string, open: number): number {
  let depth = 0;
  for (let k = open; k < chars.length; k++) {
    if (chars[k] === '(') depth++;
    else if (chars[k] === ')' && --depth === 0) return k;
  }
  return chars.length - 1;
}

/** The command's name: the last path part of its first word after environment assignments and wrappers (`sudo`, `env`, `xcrun`). */
export function baseName(word: string): string {
  const name = word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1);
  return name.replace(/\.(?:exe|cmd|bat|sh)$/i, '').toLowerCase();
}
