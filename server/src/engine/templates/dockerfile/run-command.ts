import { effectiveCommand, programName } from '../../parsers/dockerfile-shell-commands';
import type { ShellWord } from '../../parsers/dockerfile-shell-syntax';
import type { Fix } from '../../types';
import { defineTemplate } from '../template';
import { editable, runCommands } from './command-patterns';

interface Params {
  /** Program names; they match in wrapper position too (`sudo` in `sudo apt-get …`). */
  readonly commands: readonly string[];
  /** `unwrap`: the fix deletes a wrapper (the program and its harmless options), keeping the command it runs. */
  readonly fix?: 'unwrap';
}

/** Options of sudo/doas that only shape the environment; anything else (-u user, -g group) changes who runs it. */
const HARMLESS_WRAPPER_OPTIONS = new Set(['-E', '-H', '-n', '-S', '--preserve-env', '--set-home', '--non-interactive']);

export const runCommand = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-run-command',
  language: 'dockerfile',
  description:
    'Flags RUN steps that run one of the listed programs, wherever it sits in the script: after && or ;, in a pipeline, behind sudo/env, inside $(…), sh -c strings, heredocs and JSON form. ' +
    'With `fix: unwrap`, a wrapper such as sudo can be removed as a suggestion when only -E/-H/-n-style options follow it (never when it switches to another user).',
  paramsSchema: {
    type: 'object',
    required: ['commands'],
    additionalProperties: false,
    properties: {
      commands: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z0-9_.+-]+$' } },
      fix: { enum: ['unwrap'] },
    },
  },
  placeholders: ['command'],
  fixKind: 'suggestion',
  perRunScript: true,
  instantiate: (params) => {
    const wanted = new Set(params.commands);
    return (model, ctx) => {
      for (const { script, command } of runCommands(model)) {
        const effective = effectiveCommand(command);
        if (!effective) continue;
        const programs = [...effective.wrappers, effective.nameWord].filter((w) => wanted.has(programName(w.value)));
        for (const word of programs) {
          const name = programName(word.value);
          const fix = params.fix === 'unwrap' && editable(script, command) ? unwrap(word, [...effective.wrappers, effective.nameWord]) : undefined;
          ctx.report({ span: { start: word.start, end: word.end }, data: { command: name }, key: name, fixes: fix ? [fix] : [] });
        }
      }
    };
  },
});

/** Deletes `sudo [-E …] ` up to the next program word, when every option in between is harmless. */
function unwrap(wrapper: ShellWord, programWords: readonly ShellWord[]): Fix | undefined {
  const at = programWords.indexOf(wrapper);
  const rest = programWords.slice(at + 1);
  const next = rest.find((w) => !w.value.startsWith('-'));
  if (!next || next === wrapper) return undefined;
  const options = rest.slice(0, rest.indexOf(next));
  if (options.some((o) => !HARMLESS_WRAPPER_OPTIONS.has(o.value))) return undefined;
  return { title: `Remove ${programName(wrapper.value)}`, kind: 'suggestion', edits: [{ span: { start: wrapper.start, end: next.start }, newText: '' }] };
}
