import { hasGrammarWord, LICENCE_WORDS, secretName } from './command-secrets';
import type { CommandTable } from './command-table';
import { keyWords, type KeyClassifier } from './secret-key-names';

// Whether a logical command line can hold what the command-line model (command-secrets.ts) reports, decided on
// the line's characters before its words are read. It narrows mayHoldSecret there (any option start, a login word,
// a URL query, an argument place's command as a substring): most Dockerfile `RUN` blocks and YAML `args` hold
// options, and reading their words was most of the model's cost, for nearly no finding. A gate may only skip a line
// that yields nothing, so each test is a necessary condition of one of the model's forms:
//   - an option named for a secret or a licence: a word starting with `-`/`--` whose name the rule's classifier
//     (or the model's own option words) accepts, the same predicate secretsOf applies to it;
//   - a table option: a word that is a table command (its last path part, `.exe` and the like removed) and a word
//     starting with one of that command's options;
//   - a login subcommand, a URL with a query, a table argument place (its command as a word and its subcommand);
//   - a grammar keyword before a value (`… user U using …`, `IDENTIFIED BY …`, `password …`: hasGrammarWord).
// Words are looked for in the line with its quotes and backslashes removed (`my"sql"`, `--pass"word"` are one
// word to a shell), a removed character counting as a possible word start (a quoted part is a command of its own).
// A new form of the model needs its own condition here, or the gate drops its lines.

/** Characters after which a shell word starts: blanks and the control operators' characters. */
const WORD_START_AFTER = /[\s&|;()`<>]/;
/** Characters that may end a word (cmd's `^` does before a line break). */
const WORD_END = /[\s&|;()`<>^]/;
/** What a shell removes from a word: quotes (XML-escaped ones too) and backslashes. */
const QUOTING = /&quot;|&apos;|["'\\]/g;
const LOGIN = /\b(?:login|auth|unlock|signin)\b/;
const COMMAND_SUFFIX = /^\.(?:exe|cmd|bat|sh)/;

interface Unquoted {
  readonly text: string;
  readonly lower: string;
  /** Offsets in `text` where quoting was removed (a quoted part may start a command there). */
  readonly cuts: ReadonlySet<number>;
}

function unquoted(line: string): Unquoted {
  const cuts = new Set<number>();
  let removed = 0;
  const text = line.replace(QUOTING, (m: string, at: number) => {
    cuts.add(at - removed);
    removed += m.length;
    return '';
  });
  return { text, lower: text.toLowerCase(), cuts };
}

function wordStartAt(u: Unquoted, at: number): boolean {
  return at === 0 || WORD_START_AFTER.test(u.text[at - 1]) || u.cuts.has(at);
}

function wordEndAt(u: Unquoted, at: number): boolean {
  return at >= u.text.length || WORD_END.test(u.text[at]);
}

/** Whether a word of the line is the command `name` (lower case): its last path part, a `.exe`-like suffix removed. */
function hasCommandWord(u: Unquoted, name: string): boolean {
  for (let at = u.lower.indexOf(name); at >= 0; at = u.lower.indexOf(name, at + 1)) {
    const before = at === 0 || u.text[at - 1] === '/' || wordStartAt(u, at);
    if (!before) continue;
    const end = at + name.length;
    const suffix = COMMAND_SUFFIX.exec(u.lower.slice(end, end + 4));
    if (wordEndAt(u, end) || (suffix && wordEndAt(u, end + suffix[0].length))) return true;
  }
  return false;
}

/** Whether a word of the line starts with `option` (is it, unless the value may be glued). */
function hasOptionWord(u: Unquoted, option: string, glued: boolean): boolean {
  for (let at = u.text.indexOf(option); at >= 0; at = u.text.indexOf(option, at + 1)) {
    if (wordStartAt(u, at) && (glued || wordEndAt(u, at + option.length))) return true;
  }
  return false;
}

/** Whether a word starting with `-`/`--` has a name the model reads as a secret's or a licence's. */
function hasSecretOption(u: Unquoted, isSecretKey: KeyClassifier): boolean {
  const { text } = u;
  for (let at = text.indexOf('-'); at >= 0; at = text.indexOf('-', at + 1)) {
    if (!wordStartAt(u, at)) continue;
    let start = at + 1;
    if (text[start] === '-') start++;
    if (!/[A-Za-z]/.test(text[start] ?? '')) continue;
    // secretsOf's name: `[\w.-]` characters up to a `=` or the word's end; shorter than 3 is never read.
    let end = start;
    while (end < text.length && /[\w.-]/.test(text[end])) end++;
    if (end - start < 3) continue;
    const name = text.slice(start, end);
    if (secretName(name, isSecretKey) !== undefined) return true;
    const words = keyWords(name);
    if (LICENCE_WORDS.has(words[words.length - 1])) return true;
  }
  return false;
}

/** The gate for one rule's command table and key classifier. */
export function compileCommandGate(table: CommandTable, isSecretKey: KeyClassifier): (line: string) => boolean {
  const tableOptions = [...table.options].map(([command, byOption]) => ({ command, options: [...byOption].map(([option, spec]) => ({ option, glued: spec.glued !== undefined })) }));
  const places = [...table.arguments.keys()].map((key) => key.split(' ') as [string, string]);
  return (line) => {
    if (LOGIN.test(line) || (line.includes('://') && line.includes('?')) || hasGrammarWord(line)) return true;
    const u = unquoted(line);
    // Lower-casing that changes a string's length (a few non-ASCII letters) would move offsets: read such a line.
    if (u.lower.length !== u.text.length) return true;
    if (hasSecretOption(u, isSecretKey)) return true;
    if (tableOptions.some((t) => hasCommandWord(u, t.command) && t.options.some((o) => hasOptionWord(u, o.option, o.glued)))) return true;
    return places.some(([command, sub]) => u.lower.includes(sub) && hasCommandWord(u, command));
  };
}
