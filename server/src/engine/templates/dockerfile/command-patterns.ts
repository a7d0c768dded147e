import type { DockerfileModel } from '../../parsers/dockerfile';
import type { RunScript } from '../../parsers/dockerfile-script';
import { effectiveCommand, type EffectiveCommand } from '../../parsers/dockerfile-shell-commands';
import type { ShellCommand, ShellWord } from '../../parsers/dockerfile-shell-syntax';
import { trimEndOf } from '../../trim';

// How rule params name commands: a program, optionally followed by fixed words
// ("python -m pip", "npm config set"). A program name also matches its versioned binaries
// (pip → pip3, pip3.12; python → python3.11; dnf → dnf5) and, on Windows, its .exe.

export interface CommandPattern {
  readonly label: string;
  readonly program: string;
  readonly words: readonly string[];
}

export interface CommandMatch {
  readonly pattern: CommandPattern;
  readonly effective: EffectiveCommand;
  /** Arguments after the pattern's fixed words. */
  readonly args: readonly ShellWord[];
}

export const COMMANDS_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: { type: 'string', pattern: '^[A-Za-z0-9_.+-]+( [^ ]+)*$' },
  description: 'Programs, optionally followed by fixed words: "curl", "python -m pip", "npm config set". Versioned binaries match too (pip3.12).',
} as const;

export function compileCommands(specs: readonly string[]): CommandPattern[] {
  return specs.map((label) => {
    const [program, ...words] = label.split(' ');
    return { label, program, words };
  });
}

function matchEffective(patterns: readonly CommandPattern[], effective: EffectiveCommand): CommandMatch | undefined {
  for (const pattern of patterns) {
    if (!sameProgram(effective.name, pattern.program)) continue;
    if (pattern.words.every((w, i) => effective.args[i]?.value === w)) return { pattern, effective, args: effective.args.slice(pattern.words.length) };
  }
  return undefined;
}

export function sameProgram(written: string, program: string): boolean {
  const name = written.replace(/\.exe$/i, ''); // Windows images: curl.exe
  if (name === program) return true;
  return name.startsWith(program) && /^\d+(?:\.\d+)*$/.test(name.slice(program.length));
}

/** Every command of every RUN script, with the script it belongs to. */
export function* runCommands(model: DockerfileModel): Generator<{ script: RunScript; command: ShellCommand }> {
  for (const script of model.runScripts()) for (const command of script.commands) yield { script, command };
}

interface IndexedCommand {
  readonly order: number;
  readonly script: RunScript;
  readonly command: ShellCommand;
  readonly effective: EffectiveCommand;
}

const INDEX_KEY = Symbol('commandIndex');

/**
 * A program name without `.exe` and without trailing digits and dots: a name sameProgram() matches
 * to a pattern's program (itself, or it followed by a version) has the same stem as that program.
 */
function stem(name: string): string {
  return trimEndOf(name.replace(/\.exe$/i, ''), '0123456789.');
}

/** The model's RUN commands by the stem of the program each runs, unwrapped once for every rule. */
function commandIndex(model: DockerfileModel): ReadonlyMap<string, readonly IndexedCommand[]> {
  let index = model.memo.get(INDEX_KEY) as Map<string, IndexedCommand[]> | undefined;
  if (index) return index;
  index = new Map();
  let order = 0;
  for (const { script, command } of runCommands(model)) {
    const effective = effectiveCommand(command);
    if (!effective) continue;
    const key = stem(effective.name);
    const list = index.get(key);
    const entry = { order: order++, script, command, effective };
    if (list) list.push(entry);
    else index.set(key, [entry]);
  }
  model.memo.set(INDEX_KEY, index);
  return index;
}

/**
 * Each RUN command with every matcher whose command patterns it matches, in source order; only the
 * commands whose program could match are looked at.
 */
export function* matchingCommands<M extends { readonly commands: readonly CommandPattern[] }>(
  model: DockerfileModel,
  matchers: readonly M[],
): Generator<{ script: RunScript; command: ShellCommand; matcher: M; match: CommandMatch }> {
  const index = commandIndex(model);
  const programs = matchers.flatMap((m) => m.commands.map((p) => p.program));
  // `x.exe` as a pattern's program would match `x.exe.exe`, whose stem differs: read every command.
  const stems = programs.some((p) => /\.exe$/i.test(p)) ? [...index.keys()] : [...new Set(programs.map(stem))];
  const candidates = stems.flatMap((s) => index.get(s) ?? []);
  if (stems.length > 1) candidates.sort((a, b) => a.order - b.order);
  for (const { script, command, effective } of candidates) {
    for (const matcher of matchers) {
      const match = matchEffective(matcher.commands, effective);
      if (match) yield { script, command, matcher, match };
    }
  }
}

/** Whether text edits inside this command keep the file valid (not for exec-form argv elements, nor a flat-scanned script). */
export function editable(script: RunScript, command: ShellCommand): boolean {
  return script.tooComplex === undefined && !(script.form === 'exec' && !command.nesting);
}
