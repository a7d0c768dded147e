// Tells "the network cannot reach the VS Code download" apart from real failures, so the electron
// suite is reported as not run (with the reason) rather than as passed or as broken.

export const NOT_RUN_EXIT_CODE = 2;
export const NOT_RUN_PATTERN = /^@vscode\/test-electron: VS Code download not possible here \((.*)\); suite not run$/m;

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const NETWORK_MESSAGE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|timed? ?out|socket hang up/i;

/** The network reason of a download error (its message), or undefined when it is some other failure. */
export function describeDownloadFailure(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = typeof e === 'object' && 'code' in e ? String(e.code) : '';
    const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
    if (NETWORK_CODES.has(code) || NETWORK_MESSAGE.test(message)) return message.split('\n')[0];
    e = typeof e === 'object' && 'cause' in e ? e.cause : undefined;
  }
  return undefined;
}
