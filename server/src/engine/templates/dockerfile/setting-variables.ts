import type { DockerfileModel } from '../../parsers/dockerfile';
import type { RunScript } from '../../parsers/dockerfile-script';
import { effectiveCommand } from '../../parsers/dockerfile-shell-commands';
import { ASSIGNMENT, type ShellCommand, type ShellWord } from '../../parsers/dockerfile-shell-syntax';
import type { RegexCompiler } from '../../safe-regex';
import type { TextEdit } from '../../types';
import { editable, runCommands } from './command-patterns';
import { deleteCommand, deleteToken } from './edits';
import { deleteProperty, propertiesOf } from './properties';
import type { SettingHit } from './setting-flags';

/** An environment variable set in ENV, ARG, or inside RUN (`X=1 cmd`, `export X=1`, `env X=1 cmd`). */
export interface VariableMatcher {
  readonly names: readonly string[];
  /** Compare names case-insensitively (npm reads npm_config_* in any case). */
  readonly ignoreCase?: boolean;
  /** RE2 the value must match; absent: any value, even an empty one. */
  readonly valuePattern?: string;
}

export const VARIABLE_MATCHER_SCHEMA = {
  type: 'object',
  required: ['names'],
  additionalProperties: false,
  properties: {
    names: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } },
    ignoreCase: { type: 'boolean' },
    valuePattern: { type: 'string', minLength: 1 },
  },
} as const;

const EXPORTERS = new Set(['export', 'declare', 'typeset']);

export function compileVariableMatchers(matchers: readonly VariableMatcher[], regex: RegexCompiler): (model: DockerfileModel) => SettingHit[] {
  const compiled = matchers.map((m) => ({
    names: new Set(m.names.map((n) => (m.ignoreCase ? n.toLowerCase() : n))),
    ignoreCase: m.ignoreCase === true,
    value: m.valuePattern ? regex(m.valuePattern) : undefined,
  }));
  const matches = (name: string, value: string): boolean =>
    compiled.some((c) => c.names.has(c.ignoreCase ? name.toLowerCase() : name) && (!c.value || c.value.test(value)));
  return (model) => {
    const hits: SettingHit[] = [];
    for (const property of propertiesOf(model)) {
      if (property.value === undefined || !matches(property.name, property.value)) continue;
      hits.push({ span: property.span, command: property.keyword, setting: `${property.name}=${property.value}`, edits: deleteProperty(model, property), persists: property.keyword === 'ENV' });
    }
    for (const { script, command } of runCommands(model)) {
      for (const { word, edit } of assignmentsIn(model, script, command)) {
        const eq = word.value.indexOf('=');
        const name = word.value.slice(0, eq).replace(/\+$/, '');
        const value = word.value.slice(eq + 1);
        if (matches(name, value)) hits.push({ span: { start: word.start, end: word.end }, command: 'RUN', setting: `${name}=${value}`, edits: editable(script, command) ? edit() : undefined });
      }
    }
    return hits;
  };
}

/** The NAME=value words a command sets, each with the edit that removes it. */
function assignmentsIn(model: DockerfileModel, script: RunScript, command: ShellCommand): { word: ShellWord; edit: () => TextEdit[] | undefined }[] {
  const effective = effectiveCommand(command);
  const out: { word: ShellWord; edit: () => TextEdit[] | undefined }[] = [];
  if (!effective) {
    // Assignments alone (`X=1`) set a shell variable for the rest of the script.
    for (const word of command.assignments) out.push({ word, edit: () => (command.assignments.length === 1 ? deleteCommand(model, script, command) : deleteToken(model, word)) });
    return out;
  }
  for (const word of effective.assignments) out.push({ word, edit: () => deleteToken(model, word) });
  if (EXPORTERS.has(effective.name) && (effective.name === 'export' || effective.args.some((a) => /^-[a-z]*x/.test(a.value)))) {
    const declared = effective.args.filter((a) => ASSIGNMENT.test(a.value));
    const names = effective.args.filter((a) => !a.value.startsWith('-'));
    for (const word of declared) out.push({ word, edit: () => (names.length === 1 && command.assignments.length === 0 ? deleteCommand(model, script, command) : deleteToken(model, word)) });
  }
  return out;
}
