import { parseShell } from './dockerfile-shell';
import { ASSIGNMENT, ReadBudget, type OffsetMap, type PipelineCounter, type ShellCommand, type ShellWord } from './dockerfile-shell-syntax';

// What shell commands mean for a build: the program a command really runs (behind sudo, env, …)
// and the scripts handed to `sh -c`, read as commands of their own.

export const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/**
 * Every command of a script in source order, with `sh -c '…'` strings read as nested scripts.
 * Throws ScriptTooComplex beyond SHELL_LIMITS.
 */
export function readScript(text: string, map: OffsetMap, counter: PipelineCounter = { next: 0 }): ShellCommand[] {
  const budget = new ReadBudget(text.length);
  return withShellStrings(parseShell(text, map, undefined, counter, budget), counter, budget);
}

/** Inserts, after each `sh -c` command, the commands of its script string (recursively, one budgeted level each). */
export function withShellStrings(commands: readonly ShellCommand[], counter: PipelineCounter, budget: ReadBudget): ShellCommand[] {
  const out: ShellCommand[] = [];
  for (const command of commands) {
    out.push(command);
    const inner = budget.nested(() => withShellStrings(shellStringCommands(command, counter, budget), counter, budget));
    for (const c of inner) out.push(c);
  }
  return out;
}

/** The basename of a program path (`/usr/bin/env` → `env`). */
export function programName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

/**
 * For `sh -c 'script'` (also behind sudo/env) and `su user -c 'script'` (which hands the string to the
 * user's shell), the commands of the script string.
 */
function shellStringCommands(command: ShellCommand, counter: PipelineCounter, budget: ReadBudget): ShellCommand[] {
  const effective = effectiveCommand(command);
  const script = effective && scriptArgument(effective);
  if (!script) return [];
  const map: OffsetMap = { start: (k) => script.starts[k] ?? script.end, end: (k) => (k > 0 ? script.ends[k - 1] : script.start) };
  const commands = parseShell(script.value, map, 'shell-string', counter, budget);
  // Substitutions in the string were already read as part of the word; keep one copy of each.
  const seen = new Set(script.nested.map((c) => `${c.start}:${c.end}`));
  return commands.filter((c) => c.nesting === 'shell-string' || !seen.has(`${c.start}:${c.end}`));
}

/** The word a shell runs as a script: after `-c` for sh; after `-c`/`--command` (anywhere) for su and runuser. */
function scriptArgument(effective: EffectiveCommand): ShellWord | undefined {
  const args = effective.args;
  if (SHELLS.has(effective.name)) {
    for (let i = 0; i < args.length - 1; i++) {
      const arg = args[i].value;
      if (arg === '--' || !arg.startsWith('-')) return undefined;
      if (/^-[abd-z]*c[a-z]*$/.test(arg)) return args[i + 1];
    }
    return undefined;
  }
  if (effective.name !== 'su' && effective.name !== 'runuser') return undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i].value;
    if (arg === '--') return undefined;
    if (arg === '--command' || /^-[a-zA-Z]*c$/.test(arg)) return args[i + 1];
    if (arg.startsWith('--command=')) return tail(args[i], '--command='.length);
  }
  return undefined;
}

/** The part of a word from its `from`-th value character on, with offsets kept. */
function tail(word: ShellWord, from: number): ShellWord {
  return { ...word, value: word.value.slice(from), starts: word.starts.slice(from), ends: word.ends.slice(from), start: word.starts[from] ?? word.end };
}

export interface EffectiveCommand {
  /** Basename of the program, after wrappers such as sudo and env. */
  readonly name: string;
  readonly nameWord: ShellWord;
  readonly args: readonly ShellWord[];
  /** Wrapper words in front of the program (`sudo`, `env`, their options). */
  readonly wrappers: readonly ShellWord[];
  /** NAME=value words: the command's own prefix assignments and those given to `env`. */
  readonly assignments: readonly ShellWord[];
}

// A Map: the command name comes from the Dockerfile, and `RUN constructor …` must not find Object's constructor.
const WRAPPER_VALUE_OPTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries({
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '--user', '--group', '--chdir', '--host', '--prompt', '--role', '--type', '--other-user', '--command-timeout']),
  doas: new Set(['-u', '-C']),
  env: new Set(['-u', '-C', '-S', '--unset', '--chdir', '--split-string']),
  nice: new Set(['-n', '--adjustment']),
  command: new Set(),
  exec: new Set(['-a']),
  nohup: new Set(),
  time: new Set(['-f', '-o', '--format', '--output']),
  builtin: new Set(),
  gosu: new Set(),
  'su-exec': new Set(),
}));

/** Wrappers whose first operand is the user to run as (`gosu app:app cmd …`), not the program. */
const USER_OPERAND_WRAPPERS: ReadonlySet<string> = new Set(['gosu', 'su-exec']);

const EFFECTIVE = Symbol('effectiveCommand');

/**
 * The program a simple command really runs: `sudo -E env A=1 /usr/bin/curl …` runs curl. Kept on the
 * command (most RUN rules ask for every command); not enumerable, so a moved copy of a cached command
 * ({...command} with new offsets) never carries the words of the original.
 */
export function effectiveCommand(command: ShellCommand): EffectiveCommand | undefined {
  const kept = command as ShellCommand & { [EFFECTIVE]?: EffectiveCommand | null };
  let effective = kept[EFFECTIVE];
  if (effective === undefined) {
    effective = readEffective(command) ?? null;
    Object.defineProperty(kept, EFFECTIVE, { value: effective, enumerable: false });
  }
  return effective ?? undefined;
}

function readEffective(command: ShellCommand): EffectiveCommand | undefined {
  const words = command.words;
  const assignments = [...command.assignments];
  let i = 0;
  while (i < words.length) {
    const name = programName(words[i].value);
    const valueOptions = WRAPPER_VALUE_OPTIONS.get(name);
    if (!valueOptions || i === words.length - 1) break;
    const wrapperAt = i;
    let lookup = false;
    i++;
    while (i < words.length) {
      const v = words[i].value;
      if (v === '--') {
        i++;
        break;
      }
      if (name === 'env' && ASSIGNMENT.test(v)) assignments.push(words[i]);
      else if (!v.startsWith('-') || v === '-') break;
      else if (valueOptions.has(v)) i++;
      // `command -v sudo` only asks whether sudo exists; it runs nothing.
      if (name === 'command' && /^-[a-zA-Z]*[vV]/.test(v)) lookup = true;
      i++;
    }
    if (lookup) {
      i = wrapperAt;
      break;
    }
    if (USER_OPERAND_WRAPPERS.has(name)) i++;
  }
  if (i >= words.length) return undefined;
  return { name: programName(words[i].value), nameWord: words[i], args: words.slice(i + 1), wrappers: words.slice(0, i), assignments };
}
