import type { DockerfileModel } from '../../parsers/dockerfile';
import { defineTemplate } from '../template';
import { CONFIG_MATCHER_SCHEMA, compileConfigMatchers, type ConfigMatcher } from './setting-config';
import { FLAG_MATCHER_SCHEMA, compileFlagMatchers, type FlagMatcher, type SettingHit } from './setting-flags';
import { VARIABLE_MATCHER_SCHEMA, compileVariableMatchers, type VariableMatcher } from './setting-variables';

interface Params {
  readonly flags?: readonly FlagMatcher[];
  readonly configs?: readonly ConfigMatcher[];
  readonly variables?: readonly VariableMatcher[];
}

export const setting = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-setting',
  language: 'dockerfile',
  description:
    'Finds a setting switched on during the build, in three shapes: an option of a RUN command (flags: curl -k, also inside -fsSLk, pip --trusted-host <host>, --setopt=<value matching a pattern>), ' +
    'a configuration command (configs: npm config set strict-ssl false), or an environment variable (variables: in ENV and ARG, ONBUILD included, and inside RUN as X=1 cmd, export X=1 or env X=1 cmd). ' +
    'RUN scripts are read with line continuations, heredocs, JSON form and sh -c strings. The fix deletes the option (or one letter of a combined option), the configuration command, or the assignment; ENV and ARG lose just that pair, or the whole instruction when it has no other.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      flags: { type: 'array', minItems: 1, items: FLAG_MATCHER_SCHEMA },
      configs: { type: 'array', minItems: 1, items: CONFIG_MATCHER_SCHEMA },
      variables: { type: 'array', minItems: 1, items: VARIABLE_MATCHER_SCHEMA },
    },
  },
  placeholders: ['command', 'setting'],
  fixKind: 'autofix',
  // Options and configuration commands are read from one RUN script each, variables from ENV/ARG or one script.
  runScriptsApart: () => true,
  instantiate: (params, regex) => {
    const finders: ((model: DockerfileModel) => SettingHit[])[] = [];
    if (params.flags) finders.push(compileFlagMatchers(params.flags, regex));
    if (params.configs) finders.push(compileConfigMatchers(params.configs, regex));
    if (params.variables) finders.push(compileVariableMatchers(params.variables, regex));
    return (model, ctx) => {
      for (const find of finders) {
        for (const hit of find(model)) {
          ctx.report({
            span: hit.span,
            data: { command: hit.command, setting: oneLine(hit.setting) },
            // Read from the hit's range: a secret elsewhere with the same text does not mask it.
            origins: { setting: hit.span },
            key: `${hit.command} ${hit.setting}`,
            fixes: hit.edits ? [{ title: `Remove ${oneLine(hit.setting)}`, kind: hit.persists ? 'suggestion' : 'autofix', edits: hit.edits }] : [],
          });
        }
      }
    };
  },
});

/** Messages are one line: collapse whitespace and cut long values. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
