// Exit codes are a contract with CI scripts: keep them stable and documented in docs/cli.md.
export const ExitCode = {
  /** Nothing at or above the --fail-on threshold. */
  Ok: 0,
  /** At least one unsuppressed finding at or above the --fail-on threshold, or (at --fail-on high or below) a check that could not be completed. */
  Findings: 1,
  /** Bad usage or configuration: unknown flag, bad value, unreadable path, invalid rule pack. */
  UsageOrConfig: 2,
  /**
   * Part of the input could not be read (a folder or file without permission, an I/O error): the
   * result is incomplete, so CI must not pass on it. Wins over Findings; --allow-incomplete opts out.
   */
  Incomplete: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A problem the user must fix before a scan can mean anything. `details` are printed one per line
 * (for example each pack validation error with its file and line).
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
    readonly showHelpHint = false,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
