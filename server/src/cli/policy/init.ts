import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExitCode, UsageError } from '../exit-codes';
import type { PolicySubcommand } from './index';
import { initFiles } from './init-template';
import { onePositional, parsePolicyArgs, shownPath } from './local-bundle';
import { trimEndOf, trimStartOf } from '../../engine/trim';

export const initCommand: PolicySubcommand = {
  summary: 'create a bundle source folder with an example pack, policy.yaml and approved-images.yaml',
  help: `Usage: bulwark policy init DIR [--name NAME]

Creates DIR (which must not exist, or be empty) with policy.yaml, approved-images.yaml and
packs/example/, a pack with one rule and its fixture. It passes "bulwark policy test DIR" as created.

Options:
      --name NAME   the bundle name (kebab-case; default: the folder name)
`,
  run(argv, io) {
    const { values, positionals } = parsePolicyArgs('init', argv, { name: { type: 'string' } });
    const dir = path.resolve(io.cwd, onePositional('init', positionals, 'folder'));
    const name = values.name ?? kebab(path.basename(dir));
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) throw new UsageError(`the bundle name "${name}" must be kebab-case (use --name)`);
    if (fs.existsSync(dir) && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0)) {
      throw new UsageError(`"${dir}" already exists and is not an empty folder`);
    }
    for (const [rel, text] of initFiles(name)) {
      const file = path.join(dir, ...rel.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text, { flag: 'wx' });
    }
    io.stdout.write(`Created the policy bundle "${name}" in ${dir}\nNext: bulwark policy test ${shownPath(io.cwd, dir)}\n`);
    return ExitCode.Ok;
  },
};

function kebab(s: string): string {
  return trimStartOf(trimEndOf(s.toLowerCase().replace(/[^a-z0-9]+/g, '-'), '-'), '-') || 'policy';
}
