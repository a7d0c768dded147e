import type { Instruction, ModifiableInstruction } from 'dockerfile-ast';
import type { DockerfileModel, InstructionEntry } from '../../parsers/dockerfile';
import { jsonStrings, logicalText } from '../../parsers/dockerfile-script';
import type { RegexCompiler, SafeRegex } from '../../safe-regex';
import type { Span, TextEdit } from '../../types';
import { defineTemplate } from '../template';
import { COMMANDS_SCHEMA, compileCommands, matchingCommands } from './command-patterns';
import { deleteInstruction, deleteToken } from './edits';
import { fromText, hasTextMemo } from '../../parsers/dockerfile-text-memo';

// One value written in the Dockerfile, judged by a pattern: an instruction's argument (EXPOSE 22,
// WORKDIR /proc/x, COPY id_rsa …), an instruction's flag (RUN --security=insecure, COPY --chmod=777)
// or an operand of a RUN command (chmod 777 …, apt-get dist-upgrade). Rules are data over these.

interface Common {
  /** RE2 the value must match (anchor it: `^22(/tcp)?$`). */
  readonly pattern?: string;
  /** RE2: values that match `pattern` but are fine (`.env.example`). */
  readonly exceptPattern?: string;
  /** Fills `{{meaning}}`: what this value does, when one rule has several matchers. */
  readonly meaning?: string;
}

interface ArgumentMatcher extends Common {
  readonly pattern: string;
  /** Instruction keywords (EXPOSE, WORKDIR, COPY, ADD); ONBUILD triggers included. */
  readonly instructions: readonly string[];
  /** `all` arguments, the `first`, or the `sources` (every argument but the last: COPY, ADD); the first that matches is reported. */
  readonly arguments: 'all' | 'first' | 'sources';
  /** Only instructions that carry this flag (`from`: COPY --from=…). */
  readonly requireFlag?: string;
  /** RE2: only instructions whose last argument (COPY/ADD's destination) matches. */
  readonly destinationPattern?: string;
  /** `remove`: a suggestion deletes the argument, or the instruction when it is the only one. */
  readonly fix?: 'remove';
}

interface FlagMatcher extends Common {
  /** Instruction keywords (RUN, COPY, ADD). */
  readonly instructions: readonly string[];
  /** The flag's name without dashes (`security`, `network`, `chmod`); its value is tested, `--flag` alone as an empty value. */
  readonly name: string;
  /** `remove`: a suggestion deletes the flag. */
  readonly fix?: 'remove';
}

interface OperandMatcher extends Common {
  readonly pattern: string;
  readonly commands: readonly string[];
  /** The `first` operand (the first argument that is not an option), or `all` of them. */
  readonly operands: 'first' | 'all';
}

interface Params {
  readonly arguments?: readonly ArgumentMatcher[];
  readonly flags?: readonly FlagMatcher[];
  readonly operands?: readonly OperandMatcher[];
}

const KEYWORDS = { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Z]+$' } } as const;
const COMMON = {
  pattern: { type: 'string', minLength: 1, description: 'RE2 the value must match (anchor it: `^22(/tcp)?$`).' },
  exceptPattern: { type: 'string', minLength: 1, description: 'RE2: values that match `pattern` but are fine (`.env.example`).' },
  meaning: { type: 'string', minLength: 1, description: 'Fills `{{meaning}}`: what this value does, when one rule has several matchers.' },
} as const;

interface Hit {
  readonly span: Span;
  readonly instruction: string;
  readonly value: string;
  readonly meaning: string;
  readonly edits?: readonly TextEdit[];
}

export const argument = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-argument',
  language: 'dockerfile',
  description:
    'Flags one value written in the Dockerfile that matches a pattern: an instruction\'s argument (`arguments`: EXPOSE 22, WORKDIR /proc/…, the sources of COPY/ADD, optionally only with a flag such as --from), ' +
    'an instruction\'s flag (`flags`: RUN --security=insecure, COPY --chmod=777) or an operand of a RUN command (`operands`: chmod 777 …, apt-get dist-upgrade), every stage and ONBUILD included. ' +
    'JSON-form arguments are read too. With `fix: remove`, a suggestion deletes the argument or flag.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      arguments: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['instructions', 'arguments', 'pattern'],
          additionalProperties: false,
          properties: {
            ...COMMON,
            instructions: KEYWORDS,
            arguments: { enum: ['all', 'first', 'sources'], description: '`all` arguments, the `first`, or the `sources` (every argument but the last: COPY, ADD); the first that matches is reported, once per instruction.' },
            requireFlag: { type: 'string', pattern: '^[a-z][a-z-]*$', description: 'Only instructions that carry this flag (`from`: COPY --from=…).' },
            destinationPattern: { type: 'string', minLength: 1, description: 'RE2: only instructions whose last argument (COPY/ADD\'s destination) matches.' },
            fix: { enum: ['remove'], description: '`remove`: a suggestion deletes the argument, or the instruction when it is the only one.' },
          },
        },
      },
      flags: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['instructions', 'name'],
          additionalProperties: false,
          properties: {
            ...COMMON,
            instructions: KEYWORDS,
            name: { type: 'string', pattern: '^[a-z][a-z-]*$', description: 'The flag without dashes (`security`, `chmod`); its value is tested, `--flag` alone as an empty value. Without `pattern`, any value.' },
            fix: { enum: ['remove'], description: '`remove`: a suggestion deletes the flag.' },
          },
        },
      },
      operands: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['commands', 'operands', 'pattern'],
          additionalProperties: false,
          properties: {
            ...COMMON,
            commands: COMMANDS_SCHEMA,
            operands: { enum: ['first', 'all'], description: 'The `first` operand (the first argument that is not an option), or `all` of them.' },
          },
        },
      },
    },
  },
  placeholders: ['instruction', 'value', 'meaning'],
  fixKind: 'suggestion',
  // Operands come from one RUN script each, arguments and flags from the instructions. One finding per
  // value: an argument of a RUN could be an operand too, so such rules run on the whole model.
  runScriptsApart: (params) => !(params.arguments ?? []).some((m) => m.instructions.includes('RUN')),
  instantiate: (params, regex) => {
    const finders = [
      ...(params.arguments ?? []).map((m) => argumentFinder(m, regex)),
      ...(params.flags ?? []).map((m) => flagFinder(m, regex)),
      ...(params.operands ? [operandFinder(params.operands, regex)] : []),
    ];
    return (model, ctx) => {
      // One finding per value: the first matcher that recognises it.
      const seen = new Set<number>();
      for (const find of finders) {
        for (const hit of find(model)) {
          if (seen.has(hit.span.start)) continue;
          seen.add(hit.span.start);
          ctx.report({
            span: hit.span,
            data: { instruction: hit.instruction, value: oneLine(hit.value), meaning: hit.meaning },
            origins: { value: hit.span },
            key: `${hit.instruction} ${hit.value}`,
            fixes: hit.edits ? [{ title: `Remove ${oneLine(hit.value)}`, kind: 'suggestion', edits: hit.edits }] : [],
          });
        }
      }
    };
  },
});

type Finder = (model: DockerfileModel) => Hit[];

function valueTest(m: Common, regex: RegexCompiler): (value: string) => boolean {
  const pattern: SafeRegex | undefined = m.pattern ? regex(m.pattern) : undefined;
  const except = m.exceptPattern ? regex(m.exceptPattern) : undefined;
  return (value) => (!pattern || pattern.test(value)) && !except?.test(value);
}

function argumentFinder(m: ArgumentMatcher, regex: RegexCompiler): Finder {
  const keywords = new Set(m.instructions);
  const test = valueTest(m, regex);
  const destination = m.destinationPattern ? regex(m.destinationPattern) : undefined;
  return (model) => {
    const hits: Hit[] = [];
    for (const entry of model.entries) {
      if (!keywords.has(entry.keyword)) continue;
      if (m.requireFlag && !flagsOf(entry.instruction).some((f) => f.getName().toLowerCase() === m.requireFlag)) continue;
      const all = argumentsOf(model, entry.instruction);
      if (all.some((a) => a.value.startsWith('<<'))) continue; // a heredoc: the content is written here, not copied
      if (destination && !(all.length > 1 && destination.test(all[all.length - 1].value))) continue;
      const chosen = m.arguments === 'first' ? all.slice(0, 1) : m.arguments === 'sources' ? all.slice(0, -1) : all;
      // One finding per instruction: `COPY id_rsa /root/.ssh/id_rsa` is one key copied, `EXPOSE 22 22/tcp` one port.
      const arg = chosen.find((a) => test(a.value));
      if (arg) {
        const edits = m.fix === 'remove' && !arg.json ? (all.length === 1 ? deleteInstruction(model, entry) : deleteToken(model, arg.span)) : undefined;
        hits.push({ span: arg.span, instruction: entry.keyword, value: arg.value, meaning: m.meaning ?? '', edits });
      }
    }
    return hits;
  };
}

function flagFinder(m: FlagMatcher, regex: RegexCompiler): Finder {
  const keywords = new Set(m.instructions);
  const test = valueTest(m, regex);
  return (model) => {
    const hits: Hit[] = [];
    for (const entry of model.entries) {
      if (!keywords.has(entry.keyword)) continue;
      for (const flag of flagsOf(entry.instruction)) {
        if (flag.getName().toLowerCase() !== m.name || !test(flag.getValue() ?? '')) continue;
        const span = model.span(flag.getRange());
        const written = model.text.slice(span.start, span.end);
        hits.push({ span, instruction: entry.keyword, value: written, meaning: m.meaning ?? '', edits: m.fix === 'remove' ? deleteToken(model, span) : undefined });
      }
    }
    return hits;
  };
}

function operandFinder(matchers: readonly OperandMatcher[], regex: RegexCompiler): Finder {
  const compiled = matchers.map((m) => ({ commands: compileCommands(m.commands), operands: m.operands, test: valueTest(m, regex), meaning: m.meaning ?? '' }));
  return (model) => {
    const hits: Hit[] = [];
    for (const { matcher, match } of matchingCommands(model, compiled)) {
      const operands = match.args.filter((a) => !a.value.startsWith('-'));
      for (const word of matcher.operands === 'first' ? operands.slice(0, 1) : operands) {
        if (matcher.test(word.value)) hits.push({ span: { start: word.start, end: word.end }, instruction: match.pattern.label, value: word.value, meaning: matcher.meaning });
      }
    }
    return hits;
  };
}

function flagsOf(instruction: Instruction): ReturnType<ModifiableInstruction['getFlags']> {
  const withFlags = instruction as Partial<ModifiableInstruction>;
  return typeof withFlags.getFlags === 'function' ? withFlags.getFlags.call(instruction) : [];
}

export interface ArgumentRef {
  /** Quotes removed. */
  readonly value: string;
  readonly span: Span;
  /** Written as an element of a JSON array (editing it needs the array's syntax kept). */
  readonly json: boolean;
}

const ARGUMENTS_KEY = Symbol('argumentsOf');
/** Under this key of an instruction's text memo: its arguments, offsets from its start, and the text they were read from. */
const RELATIVE_ARGUMENTS_KEY = Symbol('relativeArguments');

/**
 * An instruction's arguments after its flags, in shell or JSON form (`COPY ["a b", "/dst/"]`); read
 * once per model (several rules and matchers ask for those of every COPY). Callers must not change them.
 */
export function argumentsOf(model: DockerfileModel, instruction: InstructionEntry['instruction']): readonly ArgumentRef[] {
  let read = model.memo.get(ARGUMENTS_KEY) as Map<Instruction, readonly ArgumentRef[]> | undefined;
  if (!read) model.memo.set(ARGUMENTS_KEY, (read = new Map()));
  let args = read.get(instruction);
  if (!args) read.set(instruction, (args = keptArguments(model, instruction)));
  return args;
}

interface RelativeArguments {
  /** The instruction as the model's text has it (the parser reads `<<` in exec form as `<_`: the same parse, other values). */
  readonly written: string;
  readonly args: readonly ArgumentRef[];
}

/**
 * readArguments from the arguments read last from the same instruction text (the editor's parse shares an
 * instruction's text memo between keystrokes, dockerfile-text-memo.ts), moved to where it is now: at each
 * keystroke of a long file every COPY, ADD, EXPOSE… was read again.
 */
function keptArguments(model: DockerfileModel, instruction: InstructionEntry['instruction']): readonly ArgumentRef[] {
  // The CLI's parse keeps nothing: read once, in the file's offsets.
  if (!hasTextMemo(instruction)) return readArguments(model, instruction);
  const { start, end } = model.span(instruction.getRange());
  const written = model.text.slice(start, end);
  const derive = (): RelativeArguments => ({ written, args: readArguments(model, instruction).map((a) => ({ ...a, span: { start: a.span.start - start, end: a.span.end - start } })) });
  let kept = fromText(instruction, RELATIVE_ARGUMENTS_KEY, derive);
  if (kept.written !== written) kept = derive();
  return start === 0 ? kept.args : kept.args.map((a) => ({ ...a, span: { start: a.span.start + start, end: a.span.end + start } }));
}

function readArguments(model: DockerfileModel, instruction: InstructionEntry['instruction']): ArgumentRef[] {
  const args = instruction.getArguments();
  const argsRange = instruction.getArgumentsRange();
  if (args.length === 0 || !argsRange) return [];
  const range = model.span(argsRange);
  const line = logicalText(model.text, range.start, range.end, model.escape);
  const json = jsonStrings(line.text);
  if (json) return json.map((s) => ({ value: s.value, span: { start: line.offsets[s.start], end: line.offsets[s.end - 1] + 1 }, json: true }));
  return args.map((a) => ({ value: unquote(a.getValue()), span: model.span(a.getRange()), json: false }));
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** Messages are one line: collapse whitespace and cut long values. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
