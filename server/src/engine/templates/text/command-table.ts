// The command table as pack data (the rule's `commandLines` parameter): which files hold commands, and what the
// options and arguments the general command-line model cannot tell by their name mean for one family of
// commands. `-p` is a port, a path or a pattern for most tools, and a password only where a tool documents it
// (mysql's glued `-p…`, 7-Zip's and zip's `-p`, macOS `security … -p`, `altool -p`, `signtool /p`); a
// positional argument is a password only in a command's documented place (`net user NAME PASSWORD`).

export interface CommandOptionSpec {
  /** Command names (the last path part, without `.exe`): `7z`, `signtool`. */
  readonly commands: readonly string[];
  /** The options as written: `-p`, `/p`, `-passin`. */
  readonly options: readonly string[];
  /** The value may be glued to the option (`-pSECRET`); otherwise only the next word is its value. */
  readonly glued?: 'only' | 'also';
  /** The name the finding gives the secret; it must name one (`password`, `archivePassword`). */
  readonly name: string;
}

export interface CommandArgumentSpec {
  readonly command: string;
  /** The subcommand before the arguments: `user` in `net user NAME PASSWORD`. */
  readonly subcommand: string;
  /** The argument's position after the subcommand, 1-based, options not counted. */
  readonly argument: number;
  readonly name: string;
}

export interface CommandLineParams {
  /** RE2 patterns on the file name of files that hold commands (scripts, Dockerfiles, CI YAML, MSBuild projects, Makefiles). */
  readonly files: readonly string[];
  readonly options?: readonly CommandOptionSpec[];
  readonly arguments?: readonly CommandArgumentSpec[];
}

const NAMES = { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[\\w.+-]{1,40}$' } } as const;

export const COMMAND_LINES_SCHEMA = {
  type: 'object',
  required: ['files'],
  additionalProperties: false,
  properties: {
    files: { type: 'array', items: { type: 'string', minLength: 1 } },
    options: {
      type: 'array',
      items: {
        type: 'object',
        required: ['commands', 'options', 'name'],
        additionalProperties: false,
        properties: {
          commands: NAMES,
          options: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^(?:-{1,2}|/)[A-Za-z][\\w-]{0,30}$' } },
          glued: { enum: ['only', 'also'] },
          name: { type: 'string', minLength: 2 },
        },
      },
    },
    arguments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['command', 'subcommand', 'argument', 'name'],
        additionalProperties: false,
        properties: {
          command: { type: 'string', pattern: '^[\\w.+-]{1,40}$' },
          subcommand: { type: 'string', pattern: '^[\\w.+:-]{1,40}$' },
          argument: { type: 'integer', minimum: 1, maximum: 6 },
          name: { type: 'string', minLength: 2 },
        },
      },
    },
  },
} as const;

export interface CommandTable {
  /** Options by command name, then by the option as written. */
  readonly options: ReadonlyMap<string, ReadonlyMap<string, CommandOptionSpec>>;
  /** Arguments by `command subcommand`. */
  readonly arguments: ReadonlyMap<string, CommandArgumentSpec>;
  /** The keywords a command line is found by: the model's own and the table's command names, lower-cased. */
  readonly keywords: readonly string[];
  /** The commands of the table's argument places (`net`, `rabbitmqctl`): a line without one of them has no table argument. */
  readonly argumentCommands: readonly string[];
  /** The subcommands of the argument places (`user`, `add_user`): a word that is none of them starts no place. */
  readonly argumentSubcommands: ReadonlySet<string>;
}

export function compileCommandTable(params: CommandLineParams | undefined): CommandTable {
  const options = new Map<string, Map<string, CommandOptionSpec>>();
  for (const spec of params?.options ?? []) {
    for (const command of spec.commands) {
      const byOption = options.get(command.toLowerCase()) ?? new Map<string, CommandOptionSpec>();
      for (const option of spec.options) byOption.set(option, spec);
      options.set(command.toLowerCase(), byOption);
    }
  }
  const args = new Map((params?.arguments ?? []).map((a) => [`${a.command.toLowerCase()} ${a.subcommand.toLowerCase()}`, a]));
  return { options, arguments: args, keywords: commandKeywords(params), argumentCommands: [...new Set((params?.arguments ?? []).map((a) => a.command.toLowerCase()))], argumentSubcommands: new Set((params?.arguments ?? []).map((a) => a.subcommand.toLowerCase())) };
}

/**
 * An in-place `sed`/`perl` substitution (command-settings.ts), whose secret may be named without a keyword above
 * (`sed -i 's|^bind_pw .*|bind_pw …|'`); only in-place edits, which write a file's setting (`sed -` cost 0.8% of a secrets scan).
 */
const SUBSTITUTION_KEYWORDS = ['sed -i', 'perl -pi'];

/**
 * What a command line with a secret holds, found in the rule set's shared keyword pass: a secret word of an option or
 * a query parameter (`pass`, `pwd`, `secret`, `token`, `credential`, `-key`/`_key`/`apikey`, `auth`), a login
 * subcommand, a licence option (no secret word is on a line that gives only a licence key: `-serial …`), the grammar
 * keywords before a password (`… user U using …`, `identified by …`) and a prompt asking for one (`expect "*assword*"`).
 */
const MODEL_KEYWORDS = ['pass', 'assword', 'using', 'identified', 'pwd', 'secret', 'token', 'credential', 'apikey', '-key', '_key', 'auth', 'login', 'unlock', 'signin', '-serial', '-license', '-licence', ...SUBSTITUTION_KEYWORDS];

/** The keywords of the table: each command name, lower-cased (`signtool`, `7z`, `net user`), and the licence options. */
export function commandKeywords(params: CommandLineParams | undefined): string[] {
  if (!params) return [];
  const names = new Set<string>(MODEL_KEYWORDS);
  for (const spec of params?.options ?? []) for (const c of spec.commands) names.add(c.toLowerCase());
  for (const a of params?.arguments ?? []) names.add(`${a.command} ${a.subcommand}`.toLowerCase());
  return [...names];
}
