import type { CliIo } from '../run';
import { ExitCode, UsageError, type ExitCodeValue } from '../exit-codes';
import { buildCommand } from './build';
import { exportCommand } from './export';
import { importCommand } from './import';
import { initCommand } from './init';
import { inspectCommand } from './inspect';
import { keygenCommand } from './keygen';
import { lockCommand } from './lock';
import { previewCommand } from './preview';
import { pullCommand } from './pull';
import { pushCommand } from './push';
import { signCommand } from './sign';
import { testCommand } from './test';
import { verifyCommand } from './verify';

// `bulwark policy <subcommand>`: the security champion's commands (docs/policy.md). Each subcommand
// parses its own flags and returns an exit code: 0 ok, 1 check failed, 2 usage or configuration error.

export interface PolicySubcommand {
  /** One line for `bulwark policy --help`. */
  readonly summary: string;
  /** Full usage text for `bulwark policy <name> --help`. */
  readonly help: string;
  /** Synchronous where nothing is awaited; runPolicyCommand turns a throw into a rejection either way. */
  run(argv: readonly string[], io: CliIo): ExitCodeValue | Promise<ExitCodeValue>;
}

/** The registered subcommands, in the order `bulwark policy --help` lists them. */
function subcommands(): ReadonlyMap<string, PolicySubcommand> {
  return new Map<string, PolicySubcommand>([
    ['init', initCommand],
    ['test', testCommand],
    ['build', buildCommand],
    ['push', pushCommand],
    ['sign', signCommand],
    ['verify', verifyCommand],
    ['pull', pullCommand],
    ['inspect', inspectCommand],
    ['lock', lockCommand],
    ['export', exportCommand],
    ['import', importCommand],
    ['preview', previewCommand],
    ['keygen', keygenCommand],
  ]);
}

function policyHelp(commands: ReadonlyMap<string, PolicySubcommand> = subcommands()): string {
  const width = Math.max(0, ...[...commands.keys()].map((n) => n.length));
  const lines = [...commands].map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: bulwark policy <command> [options]\n\nBuild, sign, publish and apply the organisation's policy bundle.\n\nCommands:\n${lines.join('\n')}\n`;
}

export async function runPolicyCommand(argv: readonly string[], io: CliIo): Promise<ExitCodeValue> {
  const commands = subcommands();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(policyHelp(commands));
    return ExitCode.Ok;
  }
  const command = commands.get(name);
  if (command === undefined) {
    throw new UsageError(`unknown policy command "${name}" (expected ${[...commands.keys()].join(', ')})`, [], true);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help);
    return ExitCode.Ok;
  }
  return command.run(rest, io);
}
