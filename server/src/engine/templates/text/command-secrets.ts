import { shannonEntropy } from '../../text';
import type { Assignment } from './assignment-scan';
import { insideHeredoc } from './assignment-syntax';
import { looksGenerated } from './call-tuples';
import { baseName, commandsIn, logicalLineAt, type Command, type CommandWord } from './command-line';
import { settingFormsIn, settingSecrets } from './command-settings';
import type { CommandTable } from './command-table';
import { keyWords, type KeyClassifier } from './secret-key-names';
import { keptLineSecrets } from './command-line-memo';
import { promptAnswer, typedTwiceAnswer } from './command-prompts';
import type { ParseCache } from '../../types';

// The command-line model: secrets handed to a command, found by what the command line says rather than by the
// tool (command-line.ts reads the words):
//   - an option whose name says it holds a secret, whatever its prefix and however its value is attached
//     (`--password …`, `-password …`, `--ks-pass pass:…`, `--api-key=…`, `-passphrase …`), the value being a
//     literal (`pass:…` is one; `env:…`, `file:…`, `$VAR`, `%VAR%`, `$(…)`, `${{ … }}` and paths are references);
//   - a one-letter option whose meaning the command table gives for that command (`7z -p…`, `signtool /p …`);
//   - the arguments after a login-like subcommand (`login`, `+login`, `auth`, `unlock`): `tool login USER SECRET`,
//     or `tool login TOKEN` when the token looks generated; and an argument the table places (`net user NAME PASSWORD`);
//   - a URL's query parameter named for a secret (`…/post?format=x&token=…`);
//   - the value after a grammar keyword that says a password follows (`… user U using …`, `IDENTIFIED BY …`,
//     `password …`), and a secret prompt's answer (`expect "*assword*"` then `send "…\r"`: command-prompts.ts).
// Each value is then judged by the rule like any other (length, entropy, placeholders, references).

/** Option names whose last word says they hold a secret, beside what the rule's key classifier accepts. */
const SECRET_OPTION_WORDS: ReadonlyMap<string, string> = new Map([
  ['password', 'password'], ['passwd', 'password'], ['pass', 'password'], ['pwd', 'password'], ['passphrase', 'passphrase'],
  ['secret', 'secret'], ['token', 'token'], ['apikey', 'apikey'], ['credential', 'credential'], ['credentials', 'credentials'], ['auth', 'authToken'],
]);
/** One-word names glued from what holds a password and `pass`/`pwd` (keytool's `-deststorepass`, `-keypass`, `--adminpass`). */
const GLUED_PASSWORD_NAME = /^(?:src|dest|new|old)?(?:store|key|admin|root|db|user|bind)(?:pass|pwd|pw)$/;
/** First words of flags that ask for a secret or turn one off rather than take one (`--ask-pass`, `--no-password`). */
const FLAG_WORDS = new Set(['ask', 'no', 'prompt', 'use', 'require', 'allow', 'skip', 'with', 'without', 'enable', 'enabled', 'disable', 'disabled', 'save', 'store', 'show', 'print', 'change', 'reset', 'generate', 'rotate', 'revoke']);
/** Subcommands after which the arguments are a login: a token alone, or a user and a password. */
const LOGIN_SUBCOMMANDS = new Set(['login', '+login', 'auth', 'unlock', 'signin']);
/** Value conventions of option values: `pass:` is the literal; the others name where the secret is read. */
const VALUE_SOURCE = /^(pass|env|file|fd|stdin|keychain|keyring|prompt|op|vault):/i;
const USER_LIKE = /^[\w.@+-]{1,64}$/;
/** A token by its shape alone: 20+ characters of a token alphabet mixing upper case, lower case and digits. */
const TOKEN_ALPHABET = /^[\w.=+/-]{20,}$/;
/** Option names for a product licence (`-serial`, `--license`), read only when the value is a licence key's shape. */
export const LICENCE_WORDS: ReadonlySet<string> = new Set(['serial', 'license', 'licence']);
/** A licence key: four or more groups of 4–6 capitals and digits joined by dashes, digits among them (`AB12-…`). */
const LICENCE_KEY = /^(?=[A-Z0-9-]*\d)[A-Z0-9]{2,6}(?:-[A-Z0-9]{4,6}){3,}$/;
const URL_WITH_QUERY = /^[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s?#]+\?/;

export interface CommandModel {
  readonly table: CommandTable;
  /** The rule's key classifier: an option name it accepts names a secret. */
  readonly isSecretKey: KeyClassifier;
  /** Whether a line that may hold an option or a login can hold a finding (command-gate.ts): a line that cannot is not read. */
  readonly gate: (line: string) => boolean;
}

/**
 * The secrets on the command lines around keyword hits (sorted offsets), each logical line read once. With
 * `lineMemo` (the editor's cache) a line's secrets are kept under its text (command-line-memo.ts): what is
 * found on a line must depend on nothing but that line's text, the character after it and `model`.
 */
export function* commandLineSecrets(text: string, hits: readonly number[], model: CommandModel, lineMemo?: ParseCache): Generator<Assignment> {
  let read = { start: -1, end: -1 };
  for (const hit of hits) {
    // Hits come in order; a line holding several keywords is read once.
    if (hit >= read.start && hit < read.end) continue;
    const line = logicalLineAt(text, hit);
    read = line;
    const readLine = (): Assignment[] => {
      const lineText = text.slice(line.start, line.end);
      const forms = settingFormsIn(lineText);
      // The gate (command-gate.ts) speaks for the option, table, login and query forms; the setting forms have their own test.
      if (forms === 0 && (!mayHoldSecret(lineText, model.table) || !model.gate(lineText))) return [];
      const commands = commandsIn(text, line.start, line.end);
      return commands.flatMap((command, k) => [...secretsOf(text, command, model), ...(forms === 0 ? [] : settingSecrets(text, commands, k, model.isSecretKey, forms))]);
    };
    // A heredoc's body is a file's content, not commands (its `KEY=value` lines are read by the keyword forms).
    const found = lineMemo ? keptLineSecrets(lineMemo, text, line, model.table, readLine) : readLine();
    if (found.length > 0 && !insideHeredoc(text, line.start)) yield* found;
    // A prompt's answer is on a later line, in a heredoc fed to `expect` as often as not (command-prompts.ts).
    const answer = text.startsWith('expect', line.start + leadingBlanks(text, line.start)) ? promptAnswer(text, line.start) : undefined;
    if (answer) yield answer;
    const typed = text.slice(line.start, line.end).includes('<<') ? typedTwiceAnswer(text, line.start) : undefined;
    if (typed) yield typed;
  }
}

function leadingBlanks(text: string, at: number): number {
  let n = 0;
  while (text[at + n] === ' ' || text[at + n] === '\t') n++;
  return n;
}

/**
 * Whether a logical line can hold what the model reads, before its words are read (most keyword hits in a YAML or
 * Dockerfile are `key: value` lines): an option (a blank or quote, then `-`, `/` or `+` and a letter), a login
 * subcommand, a URL with a query, or a command of the table's argument places.
 */
function mayHoldSecret(line: string, table: CommandTable): boolean {
  return OPTION_OR_LOGIN.test(line) || (line.includes('://') && line.includes('?')) || table.argumentCommands.some((c) => line.includes(c)) || hasGrammarWord(line);
}

/** Whether a line may hold a grammar keyword before a value (grammarWordSecret): `password`, `user NAME using`, `identified by` as words, a value after it. */
export function hasGrammarWord(line: string): boolean {
  return GRAMMAR_WORD.test(line);
}
const GRAMMAR_WORD = /(?:^|[\s"'(;])(?:password|PASSWORD|identified[ \t]+by|IDENTIFIED[ \t]+BY|(?:user|USER)[ \t]+\S+[ \t]+(?:using|USING))[ \t]+["']?[^\s"'=:,;{}[\]()-]/;
const OPTION_OR_LOGIN = /(?:^|[\s"'=(>;|])[-/+]-?[A-Za-z]|\b(?:login|auth|unlock|signin)\b/;

function* secretsOf(text: string, words: Command, model: CommandModel): Generator<Assignment> {
  for (let i = 0; i < words.length; i++) {
    const word = words[i].text;
    const next = words[i + 1];
    const tabled = tableOption(words, i, model.table);
    if (tabled) {
      // The finding shows the option as written (`-p`); the table's name stays the secret's (the fix's variable).
      const shown = tabled.glued ? word.slice(0, tabled.glued) : word;
      const a = tabled.glued ? valueOf(text, words[i], tabled.glued, tabled.name, shown) : next && !isOption(next.text) ? valueOf(text, next, 0, tabled.name, shown) : undefined;
      if (a) yield a;
      continue;
    }
    const option = /^(?:--?)([A-Za-z][\w.-]*?)(?:=|$)/.exec(word);
    const name = option && option[1].length >= 3 ? secretName(option[1], model.isSecretKey) ?? licenceName(option[1], option[0].length < word.length ? word.slice(option[0].length) : next?.text) : undefined;
    if (option && name) {
      const glued = word.length > option[0].length || word.endsWith('=');
      const shown = option[0].endsWith('=') ? option[0].slice(0, -1) : option[0];
      const a = glued ? valueOf(text, words[i], option[0].length, name, shown) : next && !isOption(next.text) ? valueOf(text, next, 0, name, shown) : undefined;
      if (a) yield a;
      continue;
    }
    const grammar = grammarWordSecret(text, words, i);
    if (grammar) {
      yield grammar;
      continue;
    }
    if (i >= 1 && !isOption(words[i - 1].text)) yield* loginArguments(text, words, i, model.table);
    if (URL_WITH_QUERY.test(word)) yield* querySecrets(text, words[i], model.isSecretKey);
  }
}

/**
 * A keyword of a command's grammar after which its next argument is a password, whatever the tool: `… user NAME
 * using SECRET` (DB2 CLP, Informix `CONNECT`), `IDENTIFIED BY SECRET` (Oracle and MySQL users, SQL*Plus), `password
 * SECRET` (SQL `ALTER ROLE … PASSWORD`, `nmcli … password`). Written in one case (`Password` begins prose).
 */
function grammarWordSecret(text: string, words: Command, i: number): Assignment | undefined {
  const next = words[i + 1];
  // A value starts with none of a mapping's or an expression's characters (`property: password }`, `password = x`).
  if (i < 1 || !next || isOption(next.text) || isOption(words[i - 1].text) || !GRAMMAR_VALUE_START.test(next.text)) return undefined;
  const word = words[i].text;
  const lower = word.toLowerCase();
  if (word !== lower && word !== word.toUpperCase()) return undefined;
  const before = words[i - 1].text.toLowerCase();
  // A sentence's last word (`… identified by group-email.`) is prose, not a value.
  if (/[.,:;]$/.test(next.text)) return undefined;
  if (lower === 'password' && !GRAMMAR_NOT_BEFORE_PASSWORD.has(before)) return valueOf(text, next, 0, 'password', word);
  // SQL's `CREATE|ALTER USER name IDENTIFIED BY …`, `GRANT … TO name IDENTIFIED BY …`: a user, role or login named before it.
  if (lower === 'by' && before === 'identified' && words.slice(0, i - 1).some((w) => SQL_PRINCIPAL.test(w.text))) return valueOf(text, next, 0, 'password', `${words[i - 1].text} ${word}`);
  if (lower === 'using' && i >= 3 && words[i - 2].text.toLowerCase() === 'user') return valueOf(text, next, 0, 'password', word);
  return undefined;
}
const SQL_PRINCIPAL = /^(?:user|role|login|to|USER|ROLE|LOGIN|TO)$/;
const GRAMMAR_VALUE_START = /^[^\s=:,;{}[\]()]/;
/** Words before a bare `password` that make it a subject, not a keyword before its value (`echo password reset`, `reset password for`). */
const GRAMMAR_NOT_BEFORE_PASSWORD = new Set(['echo', 'printf', 'reset', 'change', 'new', 'the', 'your', 'no', 'wrong', 'invalid', 'enter', 'set', 'a', 'empty', 'old', 'forgot']);

/** The secret's name for an option named `name`, or undefined when the name says no secret. */
export function secretName(name: string, isSecretKey: KeyClassifier): string | undefined {
  const words = keyWords(name);
  if (words.length === 0 || FLAG_WORDS.has(words[0])) return undefined;
  if (isSecretKey(name)) return name;
  if (words.length === 1 && GLUED_PASSWORD_NAME.test(words[0])) return 'password';
  return SECRET_OPTION_WORDS.get(words[words.length - 1]);
}

/** `-serial AB12-…`, `--license=…`: a licence key, when the value has a licence key's shape. */
function licenceName(name: string, value: string | undefined): string | undefined {
  const words = keyWords(name);
  return value !== undefined && LICENCE_WORDS.has(words[words.length - 1]) && LICENCE_KEY.test(value) ? 'licenseKey' : undefined;
}

/** A login's lone argument that is a token: generated-looking, or a long run of a token alphabet mixing three classes. */
function tokenShaped(value: string): boolean {
  return looksGenerated(value) || (TOKEN_ALPHABET.test(value) && /\d/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && shannonEntropy(value) >= 3.5);
}

/** A password beside a user by its shape: letters with digits or symbols, not a sentence's last word (`CRAM-MD5.`). */
function passwordShaped(value: string): boolean {
  return /[A-Za-z]/.test(value) && /[\d\W_]/.test(value) && !/[.,:;]$/.test(value);
}

function isOption(word: string): boolean {
  return /^[-+]/.test(word);
}

/** A table option of a command named before it in the same command: its name and where its value starts in the word. */
function tableOption(words: Command, i: number, table: CommandTable): { name: string; glued: number } | undefined {
  const word = words[i].text;
  if (!/^[-/]/.test(word) || table.options.size === 0) return undefined;
  for (let j = 0; j < i; j++) {
    const byOption = table.options.get(baseName(words[j].text));
    if (!byOption) continue;
    for (const [option, spec] of byOption) {
      if (word === option && spec.glued !== 'only') return { name: spec.name, glued: 0 };
      if (spec.glued && word.length > option.length && word.startsWith(option)) return { name: spec.name, glued: option.length };
    }
  }
  return undefined;
}

/** `tool login USER SECRET`, `tool login TOKEN`, `net user NAME PASSWORD`: the secret argument after the subcommand at `i`. */
function* loginArguments(text: string, words: Command, i: number, table: CommandTable): Generator<Assignment> {
  // Subcommands are written in lower case: `Auth` in a sentence is a word of prose.
  const sub = words[i].text;
  // Most words are neither (a place's subcommand is its key's second word): no look at the words before.
  if (!LOGIN_SUBCOMMANDS.has(sub) && !table.argumentSubcommands.has(sub)) return;
  const placed = words.slice(0, i).map((w) => table.arguments.get(`${baseName(w.text)} ${sub}`)).find((a) => a !== undefined);
  if (!placed && !LOGIN_SUBCOMMANDS.has(sub)) return;
  const args: CommandWord[] = [];
  for (let k = i + 1; k < words.length && !isOption(words[k].text) && args.length < 3; k++) args.push(words[k]);
  if (placed) {
    const arg = args[placed.argument - 1];
    const a = arg && valueOf(text, arg, 0, placed.name);
    if (a) yield a;
    return;
  }
  if (args.length === 1 && tokenShaped(args[0].text)) {
    const a = valueOf(text, args[0], 0, 'token');
    if (a) yield a;
  } else if (args.length === 2 && USER_LIKE.test(args[0].text) && !looksGenerated(args[0].text) && passwordShaped(args[1].text)) {
    const a = valueOf(text, args[1], 0, 'password');
    if (a) yield a;
  }
}

/** `https://host/path?a=b&token=…`: each query parameter named for a secret. */
function* querySecrets(text: string, word: CommandWord, isSecretKey: KeyClassifier): Generator<Assignment> {
  const query = word.text.indexOf('?');
  for (const pair of queryPairs(word.text, query + 1)) {
    if (pair.index > 0 && word.text[pair.index - 1] !== '&' && word.text[pair.index - 1] !== '?') continue;
    const words = keyWords(pair.name);
    if (words[words.length - 1] === 'credential' || !isSecretKey(pair.name)) continue;
    const at = pair.index + pair.name.length + 1;
    const a = valueOf(text, { ...word, text: word.text.slice(0, at + pair.value.length) }, at, pair.name);
    if (a) yield a;
  }
}

/**
 * What `/([A-Za-z][\w.-]*)=([^&#]*)/g` finds from `from`, in linear time: the regex re-read a long name with no `=`
 * from each of its letters. A name runs from its first letter to the end of its run of `[\w.-]`.
 */
function* queryPairs(text: string, from: number): Generator<{ index: number; name: string; value: string }> {
  for (let at = from; at < text.length; ) {
    let index = at;
    while (index < text.length && !/[A-Za-z]/.test(text[index])) index++;
    if (index === text.length) return;
    let end = index + 1;
    while (end < text.length && /[\w.-]/.test(text[end])) end++;
    if (text[end] !== '=') {
      at = end;
      continue;
    }
    let valueEnd = end + 1;
    while (valueEnd < text.length && text[valueEnd] !== '&' && text[valueEnd] !== '#') valueEnd++;
    yield { index, name: text.slice(index, end), value: text.slice(end + 1, valueEnd) };
    at = valueEnd;
  }
}

/**
 * The value in `word` from character `from` on, as an assignment named `key`: undefined when it expands
 * something, names where the secret is read (`env:…`, `file:…`), or is not written as one run of the file.
 */
function valueOf(text: string, word: CommandWord, from: number, key: string, shown?: string): Assignment | undefined {
  if (word.expands) return undefined;
  let at = from;
  const source = VALUE_SOURCE.exec(word.text.slice(at));
  if (source && source[1].toLowerCase() !== 'pass') return undefined;
  if (source) at += source[0].length;
  const value = word.text.slice(at);
  if (value === '' || value.startsWith('@')) return undefined;
  const start = word.offsets[at];
  const end = word.offsets[word.text.length - 1] + 1;
  if (text.slice(start, end) !== value) return undefined;
  const q = text[start - 1];
  const quote = (q === '"' || q === "'") && text[end] === q ? q : '';
  const literalSpan = quote ? { start: start - 1, end: end + 1 } : { start, end };
  return { key, ...(shown !== undefined && shown !== key ? { shownKey: shown } : {}), keySpan: { start, end: start }, value, valueSpan: { start, end }, literalSpan, quote, prefix: '', operator: ' ', embedded: true };
}
