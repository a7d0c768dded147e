import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../../parsers/dockerfile';
import type { RunScript } from '../../parsers/dockerfile-script';
import { effectiveCommand, programName } from '../../parsers/dockerfile-shell-commands';
import { defineTemplate } from '../template';
import { imageOf } from './image-reference';

// A pipeline's status is its last command's: `curl … | tar -x` succeeds when the download failed,
// unless the shell runs with pipefail (a SHELL instruction, or `set -o pipefail` earlier in the RUN).

interface Params {
  /** Programs whose failure the pipe would hide: they report only when one of these feeds the pipe. */
  readonly producers: readonly string[];
}

/** The shells SHELL may name whose pipes we read; cmd and PowerShell have other error rules. */
const POSIX_SHELL = /^\s*\[\s*"(?:[^"]*\/)?(?:sh|bash|dash|ash|zsh|ksh|mksh)"/;

export const pipefail = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-pipefail',
  language: 'dockerfile',
  description:
    'Flags a pipeline in a shell-form RUN (heredocs, sh -c strings and ONBUILD included) where one of `producers` writes into the pipe while pipefail is off: ' +
    'no SHELL instruction of the stage (or the stages it is built FROM) sets `-o pipefail`, and no `set -o pipefail` (`set -euo pipefail`) runs earlier in the RUN. ' +
    'A SHELL that is not a POSIX shell (cmd, PowerShell) silences it. The finding is on the producer.',
  paramsSchema: {
    type: 'object',
    required: ['producers'],
    additionalProperties: false,
    properties: {
      producers: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z0-9_.+-]+$' }, description: 'Programs whose failure the pipe would hide (curl, wget).' },
    },
  },
  placeholders: ['command'],
  instantiate: (params) => {
    const producers = new Set(params.producers);
    return (model, ctx) => {
      for (const script of model.runScripts()) {
        if (script.form === 'exec') continue;
        // The piped producers first: the stage's shell is looked up only for a script that has one.
        const piped = script.commands.flatMap((command) => {
          if (command.after !== '|' && command.after !== '|&') return [];
          const effective = effectiveCommand(command);
          return effective && producers.has(effective.name) ? [effective] : [];
        });
        if (piped.length === 0 || shellOf(model, script) !== 'posix') continue;
        const pipefailFrom = setPipefailAt(script);
        for (const effective of piped) {
          if (effective.nameWord.start > pipefailFrom) continue;
          ctx.report({ span: { start: effective.nameWord.start, end: effective.nameWord.end }, data: { command: effective.name }, key: effective.name });
        }
      }
    };
  },
});

/** Where the script switches pipefail on (`set -o pipefail`, `set -euxo pipefail`); Infinity when it never does. */
function setPipefailAt(script: RunScript): number {
  for (const command of script.commands) {
    const words = command.words;
    if (words.length > 1 && programName(words[0].value) === 'set' && words.some((w) => w.value === 'pipefail')) return command.start;
  }
  return Infinity;
}

/** Which shell runs the RUN: `posix` without pipefail, `pipefail` when SHELL sets it, `other` for cmd/PowerShell. */
function shellOf(model: DockerfileModel, script: RunScript): 'posix' | 'pipefail' | 'other' {
  const runAt = script.entry.span.start;
  const seen = new Set<Stage>();
  for (let stage: Stage | undefined = script.entry.stage; stage && !seen.has(stage); stage = imageOf(model, stage)?.stage) {
    const first = seen.size === 0;
    seen.add(stage);
    const shells = stage.instructions.filter((i: Instruction) => i.getKeyword() === 'SHELL' && (!first || model.span(i.getRange()).start < runAt));
    const last = shells[shells.length - 1];
    if (!last) continue;
    const content = last.getArgumentsContent() ?? '';
    if (!POSIX_SHELL.test(content)) return 'other';
    return /"pipefail"/.test(content) ? 'pipefail' : 'posix';
  }
  return 'posix';
}
