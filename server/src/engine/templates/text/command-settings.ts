import type { Assignment } from './assignment-scan';
import { baseName, type Command, type CommandWord } from './command-line';
import { keyWords, type KeyClassifier } from './secret-key-names';
import { trimEndOf } from '../../trim';

// Command-line forms where the secret's name is a word of the command rather than an option's name (learned from
// held-out batch 16's forms, whatever the tool):
//   - a command that sets a named value: a secret-named NAME after a setting verb (the command itself or a
//     subcommand: fish `set -gx NAME value`, `setx`, csh `setenv`, `nextflow secrets set NAME value`, `gh secret
//     set NAME --body value`, `heroku config:set`), or named by `--name` (`az keyvault secret set --name db-password
//     --value …`), its value being the next argument or a value option's;
//   - a literal printed into a pipe whose next command stores a secret from its input (`printf '…' | docker secret
//     create NAME -`, `… | kubectl create secret … --from-file=k=/dev/stdin`, `… | gh secret set NAME`, `… | chpasswd`);
//   - a placeholder substitution: a `sed`/`perl` s-expression whose pattern names a secret (`s/__DB_PASSWORD__/…/`)
//     or whose replacement is a `key value` setting of one (`s|^bind_pw .*|bind_pw …|`), the replacement a literal.
// Each value is then judged by the rule like any other (length, entropy, placeholders, references).

/** First parts of a setting verb (`set`, `put-parameter`, `secrets:set`' last part): the command sets a named value. */
const SETTING_VERBS = new Set(['set', 'setx', 'setenv', 'put', 'add', 'create', 'store', 'write', 'update']);
/** Options that give the value of a named setting (`--body`, `--value`, `--secret-string`). */
const VALUE_OPTIONS = new Set(['--body', '-b', '--value', '--secret-string', '--secret-value', '--string-value']);
/** Options that name the setting (`--name db-password`). */
const NAME_OPTIONS = new Set(['--name', '-n', '--key', '--secret-name']);
/** Words of a command that stores a secret it reads (`secret`, `password`, `passwd`, `token`, `credential`; `--password-stdin`'s first). */
const STORES_SECRET = /^(?:secrets?|passwords?|passwd|tokens?|credentials?)$/;
/** Arguments that make a command read its standard input (`-`, `/dev/stdin`, `--stdin`, `--password-stdin`, `key=-`). */
const READS_STDIN = /^(?:-|\/dev\/stdin|--(?:[\w-]+-)?stdin|[^=\s]*=(?:-|@?\/dev\/stdin|@-))$/;
const SETTING_NAME = /^\/?[A-Za-z_][\w.:/-]*$/;
const S_EXPRESSION = /^(?:\d+|\$|\/[^/]*\/)?s([/|#@,:!%])/;

/** The secrets a command sets by name: `set -gx NAME value`, `tool secrets set NAME value`, `… set --name NAME --value value`. */
export function* namedSettingSecrets(text: string, words: Command, isSecretKey: KeyClassifier): Generator<Assignment> {
  const verb = words.findIndex((w, k) => isSettingVerb(k === 0 ? baseName(w.text) : w.text));
  if (verb < 0) return;
  // The name is the first argument after the verb's flags (`set -gx NAME`), or the value of a name option anywhere after it.
  const byOption = words.findIndex((w, j) => j > verb && NAME_OPTIONS.has(w.text));
  let k = byOption >= 0 ? byOption : verb + 1;
  while (byOption < 0 && k < words.length && words[k].text.startsWith('-')) k++;
  if (k >= words.length) return;
  const named = byOption >= 0 ? words[k + 1] : words[k];
  if (!named || named.expands || !SETTING_NAME.test(named.text)) return;
  const key = named.text.slice(named.text.lastIndexOf('/') + 1);
  if (!isSecretKey(key)) return;
  const after = words.indexOf(named) + 1;
  const next = words[after];
  let value: CommandWord | undefined = next && !next.text.startsWith('-') && byOption < 0 ? next : undefined;
  for (let j = after; !value && j < words.length; j++) {
    const w = words[j].text;
    if (VALUE_OPTIONS.has(w) && words[j + 1] && !words[j + 1].text.startsWith('-')) value = words[j + 1];
    else if (w.startsWith('--') && VALUE_OPTIONS.has(w.slice(0, w.indexOf('=')))) {
      const a = valueIn(text, words[j], w.indexOf('=') + 1, w.length, key, named.text);
      if (a) yield a;
      return;
    }
  }
  const a = value && valueIn(text, value, 0, value.text.length, key, named.text);
  if (a) yield a;
}

/** `set`, `setx`, `put-parameter`, `config:set`, `secrets:set`. */
function isSettingVerb(word: string): boolean {
  if (SETTING_VERBS.has(word)) return true;
  if (!/^[a-z][a-z:-]*$/.test(word)) return false;
  const parts = word.split(/[:-]/);
  return SETTING_VERBS.has(parts[0]) || (parts.length > 1 && SETTING_VERBS.has(parts[parts.length - 1]));
}

/** `printf '%s' '…' | docker secret create NAME -`: the printed literal, when the next command of the pipe stores a secret from its input. */
export function* pipedSecret(text: string, printer: Command, receiver: Command, isSecretKey: KeyClassifier): Generator<Assignment> {
  const printed = printedLiteral(printer);
  if (!printed || !storesSecretFromInput(receiver, printed.text)) return;
  // The secret's name when the command gives one (`docker secret create db_password -`), else the command up to its secret word.
  const name = receiver.find((w, k) => k > 0 && !w.text.startsWith('-') && SETTING_NAME.test(w.text) && !STORES_SECRET.test(w.text) && isSecretKey(w.text))?.text;
  const upTo = receiver.findIndex((w, k) => k > 0 && keyWords(w.text).some((part) => STORES_SECRET.test(part)));
  const shown = name ?? receiver.slice(0, upTo > 0 ? upTo + 1 : 1).map((w) => w.text).join(' ');
  const a = valueIn(text, printed, 0, printed.text.length, name ?? 'secret', shown);
  if (a) yield a;
}

/** `echo '…'`, `echo -n '…'`, `printf '%s' '…'`, `printf '…'`: the one literal printed (after a Dockerfile's `RUN`, a CI step's `- run:`). */
function printedLiteral(words: Command): CommandWord | undefined {
  const at = words.findIndex((w, k) => k < 3 && (baseName(w.text) === 'echo' || baseName(w.text) === 'printf'));
  if (at < 0) return undefined;
  const name = baseName(words[at].text);
  const args = words.slice(at + 1).filter((w) => !/^-[a-zA-Z]+$/.test(w.text));
  if (name === 'echo') return args.length === 1 ? args[0] : undefined;
  if (args.length === 1) return args[0].text.includes('%') || args[0].text.includes('\\') ? undefined : args[0];
  return args.length === 2 && /^%s(?:\\n)?$/.test(args[0].text) ? args[1] : undefined;
}

/** A command that stores a secret (a word says so) and reads it from its input: `docker secret create NAME -`, `passwd --stdin`, `gh secret set NAME`. */
function storesSecretFromInput(words: Command, printed: string): boolean {
  const start = baseName(words[0].text) === 'sudo' ? 1 : 0;
  if (start >= words.length) return false;
  // `user:password` lines are secret-credential-in-uri's pair form; a value with no user is the password itself.
  if (baseName(words[start].text) === 'chpasswd') return !printed.includes(':');
  const stores = words.slice(start).some((w, k) => keyWords(k === 0 ? baseName(w.text) : w.text).some((part) => STORES_SECRET.test(part)));
  if (!stores) return false;
  if (words.some((w) => READS_STDIN.test(w.text))) return true;
  // A secret store's setting command without a value reads it from its input (`gh secret set NAME`, `wrangler secret put NAME`).
  return words.some((w, k) => k > start && isSettingVerb(w.text)) && !words.some((w) => VALUE_OPTIONS.has(w.text.split('=')[0]));
}

/** `sed -i "s/__DB_PASSWORD__/…/"`, `sed "s|^bind_pw .*|bind_pw …|"`: the literal a placeholder or a secret setting is replaced by. */
export function* substitutedSecret(text: string, word: CommandWord, isSecretKey: KeyClassifier): Generator<Assignment> {
  const m = S_EXPRESSION.exec(word.text);
  if (!m || word.expands) return;
  const parts = sExpressionParts(word.text, m[0].length, m[1]);
  if (!parts) return;
  const replacement = word.text.slice(parts.replacement, parts.end);
  if (/[&\\$]/.test(replacement)) return;
  // The replacement is a setting line (`key value`, `key=value`, `key: value`, `key "value"`).
  const setting = /^[ \t]*([A-Za-z_][\w.-]*)(?:[ \t]*[=:][ \t]*|[ \t]+)(["']?)([^\s"']+)\2[ \t]*;?$/.exec(replacement);
  if (setting && isSecretKey(setting[1])) {
    const at = parts.replacement + setting[0].indexOf(setting[3], setting[1].length);
    const a = valueIn(text, word, at, at + setting[3].length, setting[1], setting[1]);
    if (a) yield a;
    return;
  }
  // The pattern names a secret (a placeholder: `__DB_PASSWORD__`, `@api_token@`, `{{ secret }}`) and the replacement is one word.
  const pattern = word.text.slice(parts.pattern, parts.replacement - 1);
  // A name starts with a letter, so only its tail is trimmed (`DB_PASSWORD__` -> `DB_PASSWORD`).
  const name = (pattern.match(/[A-Za-z][\w.-]*/g) ?? []).find((n) => isSecretKey(trimEndOf(n, '_.-')));
  if (!name || !/^[^\s"']+$/.test(replacement)) return;
  const key = trimEndOf(name, '_.-');
  const a = valueIn(text, word, parts.replacement, parts.end, key, key);
  if (a) yield a;
}

/** Where an s-expression's pattern and replacement start and its replacement ends, delimiters escaped by `\`. */
function sExpressionParts(s: string, from: number, delimiter: string): { pattern: number; replacement: number; end: number } | undefined {
  const ends: number[] = [];
  for (let k = from; k < s.length && ends.length < 2; k++) {
    if (s[k] === '\\') k++;
    else if (s[k] === delimiter) ends.push(k);
  }
  if (ends.length < 2 || !/^[gIimpe0-9]*$/.test(s.slice(ends[1] + 1))) return undefined;
  return { pattern: from, replacement: ends[0] + 1, end: ends[1] };
}

/**
 * The characters `from`..`to` of `word` as an assignment named `key` (shown as `shown`): undefined when the word
 * expands something or the value is not written as one run of the file.
 */
function valueIn(text: string, word: CommandWord, from: number, to: number, key: string, shown: string): Assignment | undefined {
  if (word.expands || to <= from) return undefined;
  const value = word.text.slice(from, to);
  const start = word.offsets[from];
  const end = word.offsets[to - 1] + 1;
  if (text.slice(start, end) !== value) return undefined;
  const q = text[start - 1];
  const quote = (q === '"' || q === "'") && text[end] === q ? q : '';
  const literalSpan = quote ? { start: start - 1, end: end + 1 } : { start, end };
  return { key, shownKey: shown, keySpan: { start, end: start }, value, valueSpan: { start, end }, literalSpan, quote, prefix: '', operator: ' ', embedded: true };
}

/** Which of the forms a logical line can hold, by its text before its words are read (bits: 1 a setting verb, 2 a printed pipe, 4 a substitution). */
export function settingFormsIn(line: string): number {
  return (SETTING_VERB_IN_LINE.test(line) ? 1 : 0) | (line.includes('|') && (line.includes('echo') || line.includes('printf')) ? 2 : 0) | (SUBSTITUTION_IN_LINE.test(line) ? 4 : 0);
}
const SUBSTITUTION_IN_LINE = /(?:^|[\s;&|(])(?:g?sed|perl)\s/;
const SETTING_VERB_IN_LINE = /(?:^|[\s:])(?:set|setx|setenv|put|add|create|store|write|update)(?:[\s:-]|$)/;

/** The setting, pipe and substitution forms (`forms`, from settingFormsIn) of the command `commands[k]` of one logical line. */
export function* settingSecrets(text: string, commands: readonly Command[], k: number, isSecretKey: KeyClassifier, forms: number): Generator<Assignment> {
  const words = commands[k];
  if (forms & 1) yield* namedSettingSecrets(text, words, isSecretKey);
  if (forms & 2 && k > 0 && pipedInto(text, commands[k - 1], words)) yield* pipedSecret(text, commands[k - 1], words, isSecretKey);
  if (forms & 4) for (const word of words) if (S_EXPRESSION.test(word.text)) yield* substitutedSecret(text, word, isSecretKey);
}

/** Whether only a pipe (`|`, not `||`) stands between two commands' words, read at their offsets. */
function pipedInto(text: string, before: Command, after: Command): boolean {
  const last = before[before.length - 1];
  const from = last.offsets[last.offsets.length - 1] + 1;
  const to = after[0].offsets[0];
  return to > from && to - from < 16 && text.slice(from, to).replace(/[\s"'\\]/g, '') === '|';
}
