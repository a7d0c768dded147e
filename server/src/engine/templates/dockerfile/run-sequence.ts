import type { ShellWord } from '../../parsers/dockerfile-shell-syntax';
import { defineTemplate } from '../template';
import { programName } from '../../parsers/dockerfile-shell-commands';
import { COMMANDS_SCHEMA, compileCommands, matchingCommands, runCommands, sameProgram, type CommandPattern } from './command-patterns';

// A command that is only useful when another follows it in the same RUN: `apt-get update` refreshes a
// package index that the layer cache then keeps, so an install in a later RUN reads a stale one.

interface Step {
  /** Programs ("apt-get"); versioned binaries match too. */
  readonly commands: readonly string[];
  /** Subcommands: the first argument that is not an option (`apt-get -q update` runs update). */
  readonly subcommands: readonly string[];
}

interface Params {
  /** The commands that need a follower. */
  readonly first: readonly Step[];
  /** Any of these after it in the same RUN satisfies it. */
  readonly then: readonly Step[];
  /** RE2 over a later command's words joined by spaces that satisfies it too (`rm -rf /var/lib/apt/lists/*`). */
  readonly thenCommand?: string;
}

const STEP_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['commands', 'subcommands'],
    additionalProperties: false,
    properties: {
      commands: COMMANDS_SCHEMA,
      subcommands: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' }, description: 'The first argument that is not an option (`apt-get -q update` runs update).' },
    },
  },
} as const;

interface CompiledStep {
  readonly commands: readonly CommandPattern[];
  readonly subcommands: ReadonlySet<string>;
}

export const runSequence = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-run-sequence',
  language: 'dockerfile',
  description:
    'Flags a RUN command from `first` (a program and its subcommand, after any options: apt-get -q update) that no command from `then` (or matching `thenCommand`) follows in the same RUN, ' +
    'wherever the commands sit in the script (&&, ;, sudo, sh -c strings, heredocs, JSON form, ONBUILD RUN). The finding is on the program and its subcommand.',
  paramsSchema: {
    type: 'object',
    required: ['first', 'then'],
    additionalProperties: false,
    properties: {
      first: { ...STEP_SCHEMA, description: 'The commands that need a follower.' },
      then: { ...STEP_SCHEMA, description: 'Any of these after it in the same RUN satisfies it.' },
      thenCommand: { type: 'string', minLength: 1, description: 'RE2 over a later command\'s words joined by spaces that satisfies it too (`rm -rf /var/lib/apt/lists/*`).' },
    },
  },
  placeholders: ['command'],
  // A command and its followers are in one RUN: each script's reports come from that script alone.
  perRunScript: true,
  instantiate: (params, regex) => {
    const thenCommand = params.thenCommand ? regex(params.thenCommand) : undefined;
    const compile = (steps: readonly Step[]): CompiledStep[] => steps.map((s) => ({ commands: compileCommands(s.commands), subcommands: new Set(s.subcommands) }));
    const first = compile(params.first);
    const then = compile(params.then);
    return (model, ctx) => {
      const followers = new Map<object, number[]>();
      for (const { script, command } of runCommands(model)) {
        const at = followerAt(then, command.words) ?? (thenCommand?.test(command.words.map((w) => w.value).join(' ')) ? command.start : undefined);
        if (at === undefined) continue;
        const list = followers.get(script);
        if (list) list.push(at);
        else followers.set(script, [at]);
      }
      for (const { script, matcher, match } of matchingCommands(model, first)) {
        const sub = subcommandOf(matcher, match.args);
        if (!sub) continue;
        const start = match.effective.nameWord.start;
        if ((followers.get(script) ?? []).some((at) => at > start)) continue;
        const command = `${match.pattern.label} ${sub.value}`;
        ctx.report({ span: { start, end: sub.end }, data: { command }, key: command });
      }
    };
  },
});

/** The first operand of `args` from index `from` on (an index, not a slice: followerAt asks at every word). */
function subcommandOf(step: CompiledStep, args: readonly ShellWord[], from = 0): ShellWord | undefined {
  for (let i = from; i < args.length; i++) if (!args[i].value.startsWith('-')) return step.subcommands.has(args[i].value) ? args[i] : undefined;
  return undefined;
}

/**
 * Where a `then` step starts in a command's words, as program or as the argument of a runner that the
 * reader does not unwrap (`xargs -r apt-get install …`, `timeout 60 apk add …`).
 */
function followerAt(steps: readonly CompiledStep[], words: readonly ShellWord[]): number | undefined {
  for (let i = 0; i < words.length; i++) {
    const name = programName(words[i].value);
    const step = steps.find((s) => s.commands.some((c) => c.words.length === 0 && sameProgram(name, c.program)));
    if (step && subcommandOf(step, words, i + 1)) return words[i].start;
  }
  return undefined;
}
