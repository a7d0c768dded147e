import type { DockerfileModel } from '../../parsers/dockerfile';
import type { ShellCommand, ShellWord } from '../../parsers/dockerfile-shell-syntax';
import type { RegexCompiler } from '../../safe-regex';
import { COMMANDS_SCHEMA, compileCommands, editable, matchingCommands } from './command-patterns';
import { deleteCommand } from './edits';
import type { SettingHit } from './setting-flags';

/** A configuration command: `npm config set strict-ssl false`, `git config --global http.sslVerify false`. */
export interface ConfigMatcher {
  /** The command up to the key: "npm config set", "git config". */
  readonly commands: readonly string[];
  /** RE2 the key must match (`key value` or `key=value`, options skipped). */
  readonly keyPattern: string;
  /** RE2 the value must match; absent: any value. */
  readonly valuePattern?: string;
}

export const CONFIG_MATCHER_SCHEMA = {
  type: 'object',
  required: ['commands', 'keyPattern'],
  additionalProperties: false,
  properties: {
    commands: COMMANDS_SCHEMA,
    keyPattern: { type: 'string', minLength: 1 },
    valuePattern: { type: 'string', minLength: 1 },
  },
} as const;

export function compileConfigMatchers(matchers: readonly ConfigMatcher[], regex: RegexCompiler): (model: DockerfileModel) => SettingHit[] {
  const compiled = matchers.map((m) => ({
    commands: compileCommands(m.commands),
    key: regex(m.keyPattern),
    value: m.valuePattern ? regex(m.valuePattern) : undefined,
  }));
  return (model) => {
    const hits: SettingHit[] = [];
    let reported: ShellCommand | undefined;
    for (const { script, command, matcher: c, match } of matchingCommands(model, compiled)) {
      // One finding per command: the first matcher that recognises its setting.
      if (command === reported) continue;
      const pair = keyValue(match.args);
      if (!pair || !c.key.test(pair.key) || (c.value && !c.value.test(pair.value))) continue;
      reported = command;
      hits.push({
        span: { start: pair.keyWord.start, end: pair.valueWord.end },
        command: match.pattern.label,
        setting: pair.inline ? `${pair.key}=${pair.value}` : `${pair.key} ${pair.value}`,
        edits: editable(script, command) ? deleteCommand(model, script, command) : undefined,
        // `npm config set` / `git config` write a file into the image: later stages and the app read it.
        persists: true,
      });
    }
    return hits;
  };
}

/** The first operand and its value, skipping options: `--global key value` or `key=value`. */
function keyValue(args: readonly ShellWord[]): { key: string; value: string; keyWord: ShellWord; valueWord: ShellWord; inline: boolean } | undefined {
  const operands = args.filter((a) => !a.value.startsWith('-'));
  const first = operands[0];
  if (!first) return undefined;
  const eq = first.value.indexOf('=');
  if (eq > 0) return { key: first.value.slice(0, eq), value: first.value.slice(eq + 1), keyWord: first, valueWord: first, inline: true };
  const second = operands[1];
  return second ? { key: first.value, value: second.value, keyWord: first, valueWord: second, inline: false } : undefined;
}
