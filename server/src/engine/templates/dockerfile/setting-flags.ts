import type { DockerfileModel } from '../../parsers/dockerfile';
import type { ShellWord } from '../../parsers/dockerfile-shell-syntax';
import type { RegexCompiler, SafeRegex } from '../../safe-regex';
import type { Span, TextEdit } from '../../types';
import { COMMANDS_SCHEMA, compileCommands, editable, matchingCommands, type CommandPattern } from './command-patterns';
import { deleteToken } from './edits';

/** A command-line option of a RUN command: `curl -k`, `pip --trusted-host h`, `git -c http.sslVerify=false`. */
export interface FlagMatcher {
  readonly commands: readonly string[];
  /** `-k` (one letter: also inside combined short options like -fsSLk), `--insecure`, `--setopt`. */
  readonly names: readonly string[];
  /** The option takes a value: the next word, `--name=value`, or `-nvalue`. */
  readonly takesValue?: boolean;
  /** Only options whose value matches (RE2); for options without a value, `--name=value` is tested. */
  readonly valuePattern?: string;
  /** Short options of the command that take a value, so a cluster ends there (`curl -ko file`). */
  readonly shortOptionsWithValue?: string;
  /** The fix replaces the option with this one (unless present already) instead of deleting it. */
  readonly replaceWith?: string;
  /** Subcommands for which the option is harmless (`apk index --allow-untrusted` only reads local files): the first argument that is not an option. */
  readonly exceptSubcommands?: readonly string[];
}

export const FLAG_MATCHER_SCHEMA = {
  type: 'object',
  required: ['commands', 'names'],
  additionalProperties: false,
  properties: {
    commands: COMMANDS_SCHEMA,
    names: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^--?[A-Za-z0-9][A-Za-z0-9_.-]*$' } },
    takesValue: { type: 'boolean' },
    valuePattern: { type: 'string', minLength: 1 },
    shortOptionsWithValue: { type: 'string', pattern: '^[A-Za-z0-9]*$' },
    replaceWith: { type: 'string', pattern: '^--?[A-Za-z0-9][A-Za-z0-9_.=-]*$' },
    exceptSubcommands: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' } },
  },
} as const;

export interface SettingHit {
  readonly span: Span;
  readonly command: string;
  readonly setting: string;
  /** The edits of the fix, when one keeps the file valid. */
  readonly edits?: readonly TextEdit[];
  /**
   * The setting outlives the RUN that makes it (ENV, a config file written into the image): removing it
   * changes what the image does at run time, so the fix is a suggestion, never an autofix.
   */
  readonly persists?: boolean;
}

interface Compiled {
  readonly matcher: FlagMatcher;
  readonly commands: readonly CommandPattern[];
  readonly short: ReadonlySet<string>;
  readonly long: readonly string[];
  readonly value?: SafeRegex;
  readonly except: ReadonlySet<string>;
}

export function compileFlagMatchers(matchers: readonly FlagMatcher[], regex: RegexCompiler): (model: DockerfileModel) => SettingHit[] {
  const compiled: Compiled[] = matchers.map((matcher) => ({
    matcher,
    commands: compileCommands(matcher.commands),
    short: new Set(matcher.names.filter((n) => /^-[A-Za-z0-9]$/.test(n)).map((n) => n[1])),
    long: matcher.names.filter((n) => !/^-[A-Za-z0-9]$/.test(n)),
    value: matcher.valuePattern ? regex(matcher.valuePattern) : undefined,
    except: new Set(matcher.exceptSubcommands ?? []),
  }));
  return (model) => {
    const hits: SettingHit[] = [];
    for (const { script, command, matcher: c, match } of matchingCommands(model, compiled)) {
      if (c.except.has(match.args.find((a) => !a.value.startsWith('-'))?.value ?? '')) continue;
      const canEdit = editable(script, command);
      for (const hit of scanArgs(model, c, match.args, canEdit)) hits.push({ ...hit, command: match.pattern.label });
    }
    return hits;
  };
}

function scanArgs(model: DockerfileModel, c: Compiled, args: readonly ShellWord[], canEdit: boolean): Omit<SettingHit, 'command'>[] {
  const hits: Omit<SettingHit, 'command'>[] = [];
  const withValue = new Set(c.matcher.shortOptionsWithValue ?? '');
  const accepts = (value: string | undefined): boolean => !c.value || c.value.test(value ?? '');
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const v = word.value;
    if (v === '--') break;
    if (!v.startsWith('-') || v === '-') continue;
    const long = c.long.find((name) => v === name || v.startsWith(name + '='));
    if (long) {
      const inline = v.length > long.length ? v.slice(long.length + 1) : undefined;
      const valueWord = c.matcher.takesValue && inline === undefined ? args[i + 1] : undefined;
      if (valueWord) i++;
      if (!accepts(inline ?? valueWord?.value)) continue;
      const span = { start: word.start, end: valueWord?.end ?? word.end };
      hits.push({ span, setting: valueWord ? `${v} ${valueWord.value}` : v, edits: canEdit && !word.expands ? wholeEdit(model, c, span, args) : undefined });
      continue;
    }
    if (v.startsWith('--')) continue;
    for (let j = 1; j < v.length; j++) {
      const letter = v[j];
      if (c.short.has(letter)) {
        const attached = c.matcher.takesValue ? v.slice(j + 1) : '';
        const valueWord = c.matcher.takesValue && attached === '' ? args[i + 1] : undefined;
        if (valueWord) i++;
        if (accepts(c.matcher.takesValue ? attached || valueWord?.value : undefined)) {
          const alone = v.length === 2 || (c.matcher.takesValue && j === 1);
          const span = alone ? { start: word.start, end: valueWord?.end ?? word.end } : { start: word.starts[j], end: word.ends[j] };
          const edits = !canEdit || word.expands ? undefined : alone ? wholeEdit(model, c, span, args) : c.matcher.takesValue ? undefined : [{ span, newText: '' }];
          hits.push({ span, setting: c.matcher.takesValue ? `-${letter} ${attached || valueWord?.value || ''}`.trim() : `-${letter}`, edits });
        }
        if (c.matcher.takesValue) break;
      } else if (withValue.has(letter)) {
        if (j === v.length - 1) i++;
        break;
      }
    }
  }
  return hits;
}

function wholeEdit(model: DockerfileModel, c: Compiled, span: Span, args: readonly ShellWord[]): TextEdit[] | undefined {
  const replacement = c.matcher.replaceWith;
  if (replacement && !present(replacement, args)) return [{ span, newText: replacement }];
  return deleteToken(model, span);
}

function present(option: string, args: readonly ShellWord[]): boolean {
  const short = /^-[A-Za-z0-9]$/.test(option) ? option[1] : undefined;
  return args.some((a) => a.value === option || (short !== undefined && /^-[A-Za-z0-9]+$/.test(a.value) && a.value.includes(short)));
}
