import { SigningError } from './errors';

// Where a key password comes from: BULWARK_KEY_PASSWORD, else COSIGN_PASSWORD (so a CI secret set up for
// cosign works unchanged), else a prompt on a terminal with echo off. With neither (CI without the
// variable) there is no silent default: the caller gets 'no-password' and exits 2.

const PASSWORD_VARIABLES = ['BULWARK_KEY_PASSWORD', 'COSIGN_PASSWORD'] as const;

/** The terminal a password may be asked on: stdin in raw mode, the prompt on stderr. */
export interface PasswordTerminal {
  readonly input: NodeJS.ReadStream;
  readonly output: { write(text: string): unknown };
}

/** The process terminal when stdin is a TTY, else undefined (no prompt possible). */
export function processTerminal(): PasswordTerminal | undefined {
  return process.stdin.isTTY === true ? { input: process.stdin, output: process.stderr } : undefined;
}

/**
 * The password to open (`purpose: 'open'`) or to create (`'create'`: asked twice on a terminal, and never
 * empty) a private key. A variable set to the empty string counts as set, as cosign reads it.
 */
export async function readKeyPassword(
  env: Readonly<Record<string, string | undefined>>,
  terminal: PasswordTerminal | undefined,
  purpose: 'open' | 'create',
): Promise<string> {
  for (const name of PASSWORD_VARIABLES) {
    const value = env[name];
    if (value === undefined) continue;
    if (purpose === 'create' && value === '') throw new SigningError('no-password', `${name} is empty: a new key needs a password`);
    return value;
  }
  if (terminal === undefined) {
    throw new SigningError('no-password', `no key password: set ${PASSWORD_VARIABLES.join(' or ')}, or run in a terminal to be asked for it`);
  }
  if (purpose === 'open') return prompt(terminal, 'Enter password for private key: ');
  const first = await prompt(terminal, 'Enter password for new private key: ');
  if (first === '') throw new SigningError('no-password', 'a new key needs a non-empty password');
  const again = await prompt(terminal, 'Enter password again: ');
  if (again !== first) throw new SigningError('no-password', 'the two passwords differ');
  return first;
}

/**
 * Reads one line from the terminal in raw mode, so nothing typed is echoed. Raw mode is on before the
 * prompt is shown: whatever is typed as soon as the prompt appears is never echoed. Ctrl-C or Ctrl-D abort.
 */
function prompt(terminal: PasswordTerminal, question: string): Promise<string> {
  const { input, output } = terminal;
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new SigningError('no-password', 'password entry cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    input.setRawMode(true);
    output.write(question);
    input.resume();
    input.on('data', onData);
  });
}
