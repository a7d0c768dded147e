import type { ShellWord } from '../../parsers/dockerfile-shell-syntax';
import type { SafeRegex } from '../../safe-regex';
import { defineTemplate } from '../template';
import { COMMANDS_SCHEMA, compileCommands, matchingCommands, type CommandPattern } from './command-patterns';

// Package installs without a version, one finding per package word. Each package manager is data: its
// commands, its install subcommands, the options that take a value (so the value is not read as a
// package), the options that pin or replace the whole list, what a pinned word looks like and which
// words are not package names at all (paths, URLs, archives).

interface Manager {
  /** Programs, optionally followed by fixed words ("python -m pip"); versioned binaries match too (pip3.12). */
  readonly commands: readonly string[];
  /** The first argument that is not an option (`apt-get -y install`, `npm i`). */
  readonly subcommands: readonly string[];
  /** Options whose value is the next word (`-t bookworm-backports`, `--virtual .deps`). */
  readonly optionsWithValue?: readonly string[];
  /** Options that make the command's packages not this rule's business (`-r requirements.txt`, `gem install x -v 1`). */
  readonly skipCommandOptions?: readonly string[];
  /** RE2: a package word that says its version (`curl=8.5.0-2`, `flask==3.0.2`, `left-pad@1.3.0`). */
  readonly pinnedPattern: string;
  /** RE2: words that are not package names from the index (paths, URLs, local archives), never reported. */
  readonly ignorePattern?: string;
}

interface Params {
  readonly managers: readonly Manager[];
}

interface CompiledManager {
  readonly commands: readonly CommandPattern[];
  readonly subcommands: ReadonlySet<string>;
  readonly optionsWithValue: ReadonlySet<string>;
  readonly skipCommandOptions: ReadonlySet<string>;
  readonly pinned: SafeRegex;
  readonly ignore?: SafeRegex;
}

const OPTIONS = { type: 'array', minItems: 1, items: { type: 'string', pattern: '^--?[A-Za-z0-9][A-Za-z0-9_.-]*$' } } as const;

export const packagePin = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-package-pin',
  language: 'dockerfile',
  description:
    'Flags each package a RUN installs without a version, on the package word: for every manager, a command from `commands` whose first argument that is not an option is one of `subcommands`, ' +
    'then every later word that is not an option, not the value of an option in `optionsWithValue`, not a variable or substitution, not matched by `ignorePattern` and not matched by `pinnedPattern`. ' +
    'A command with one of `skipCommandOptions` is skipped whole. Commands are found wherever they run (&&, ;, sudo, sh -c strings, heredocs, JSON form, ONBUILD RUN). No fix: choosing a version changes what is installed.',
  paramsSchema: {
    type: 'object',
    required: ['managers'],
    additionalProperties: false,
    properties: {
      managers: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['commands', 'subcommands', 'pinnedPattern'],
          additionalProperties: false,
          properties: {
            commands: COMMANDS_SCHEMA,
            subcommands: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' }, description: 'The first argument that is not an option (`apt-get -y install`, `npm i`).' },
            optionsWithValue: { ...OPTIONS, description: 'Options whose value is the next word (`-t bookworm-backports`, `--virtual .deps`).' },
            skipCommandOptions: { ...OPTIONS, description: 'Options that make the command\'s packages not this rule\'s business (`-r requirements.txt`, `gem install x -v 1`).' },
            pinnedPattern: { type: 'string', minLength: 1, description: 'RE2: a package word that says its version (`curl=8.5.0-2`, `flask==3.0.2`, `left-pad@1.3.0`).' },
            ignorePattern: { type: 'string', minLength: 1, description: 'RE2: words that are not package names from the index (paths, URLs, local archives), never reported.' },
          },
        },
      },
    },
  },
  placeholders: ['command', 'package'],
  perRunScript: true,
  instantiate: (params, regex) => {
    const managers: CompiledManager[] = params.managers.map((m) => ({
      commands: compileCommands(m.commands),
      subcommands: new Set(m.subcommands),
      optionsWithValue: new Set(m.optionsWithValue ?? []),
      skipCommandOptions: new Set(m.skipCommandOptions ?? []),
      pinned: regex(m.pinnedPattern),
      ...(m.ignorePattern ? { ignore: regex(m.ignorePattern) } : {}),
    }));
    return (model, ctx) => {
      for (const { matcher, match } of matchingCommands(model, managers)) {
        const read = packagesOf(matcher, match.args);
        if (!read) continue;
        // As written: `pip3 install`, `python3 -m pip install`.
        const command = [match.effective.name, ...match.pattern.words, read.subcommand].join(' ');
        for (const word of read.packages) {
          if (matcher.ignore?.test(word.value) || matcher.pinned.test(word.value)) continue;
          ctx.report({ span: { start: word.start, end: word.end }, data: { command, package: word.value }, key: `${command} ${word.value}` });
        }
      }
    };
  },
});

/** The subcommand and the package words after it; undefined when it is not an install or is skipped whole. */
function packagesOf(manager: CompiledManager, args: readonly ShellWord[]): { subcommand: string; packages: ShellWord[] } | undefined {
  let subcommand: string | undefined;
  const packages: ShellWord[] = [];
  let operandsOnly = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const value = word.value;
    if (!operandsOnly && value === '--') {
      operandsOnly = true;
      continue;
    }
    if (!operandsOnly && value.startsWith('-') && value !== '-') {
      const name = value.split('=')[0];
      if (manager.skipCommandOptions.has(name)) return undefined;
      if (manager.optionsWithValue.has(value)) i++;
      continue;
    }
    if (subcommand === undefined) {
      if (!manager.subcommands.has(value)) return undefined;
      subcommand = value;
      continue;
    }
    // A variable or substitution may hold a version, or many packages: not a guess to report.
    if (word.expands || value === '') continue;
    packages.push(word);
  }
  return subcommand === undefined ? undefined : { subcommand, packages };
}
