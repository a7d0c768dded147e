import { execFile, execFileSync } from 'node:child_process';
import * as path from 'node:path';

// Whether git tracks a file, asked of git itself (`git ls-files --error-unmatch`) within a deadline.
// Any trouble (git not installed, not a repository, a repository git refuses as unsafe, a timeout)
// means "not known to be tracked": the caller then offers nothing, and never fails.
//
// Git reads the repository's own configuration, which a hostile workspace controls. `ls-files` runs no
// hooks, pager or diff driver; `core.fsmonitor` (a command git may run to refresh the index) is turned
// off on the command line, which wins over every configuration file, and pathspecs are literal.

export interface TrackedFile {
  /** The repository's top folder, as a path on this machine. */
  readonly repoRoot: string;
  /** The file's path inside the repository, with `/`. */
  readonly pathInRepo: string;
}

export const GIT_DEADLINE_MS = 2_000;

interface GitCall {
  readonly args: string[];
  readonly options: { cwd: string; timeout: number; env: NodeJS.ProcessEnv; windowsHide: true; maxBuffer: number };
}

function gitCall(file: string, timeoutMs: number): GitCall {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
  // The server's own environment must not point git at another repository than the file's.
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_CEILING_DIRECTORIES']) delete env[name];
  return {
    args: ['-c', 'core.fsmonitor=false', '--literal-pathspecs', 'ls-files', '--error-unmatch', '--full-name', '-z', '--', path.basename(file)],
    options: { cwd: path.dirname(file), timeout: timeoutMs, env, windowsHide: true, maxBuffer: 64 * 1024 },
  };
}

/** Reads `git ls-files --full-name -z` output for `file` into the repository's root and the path in it. */
function trackedFrom(file: string, stdout: string): TrackedFile | undefined {
  const pathInRepo = stdout.split('\0')[0];
  // A name with control characters would break the .gitignore line and the advice: not offered.
  if (!pathInRepo || /[\u0000-\u001f\u007f]/.test(pathInRepo)) return undefined;
  const segments = pathInRepo.split('/');
  if (segments[segments.length - 1] !== path.basename(file)) return undefined;
  // The root is the file's folder, up one level per folder git names; the names must agree (a link
  // inside the repository would make them differ, and then the root is not known for sure).
  let root = path.dirname(file);
  for (const folder of segments.slice(0, -1).reverse()) {
    if (path.basename(root) !== folder) return undefined;
    root = path.dirname(root);
  }
  return { repoRoot: root, pathInRepo };
}

/** For the language server: never blocks the event loop, settles within the deadline. */
export function gitTrackedFile(file: string, timeoutMs = GIT_DEADLINE_MS): Promise<TrackedFile | undefined> {
  const call = gitCall(file, timeoutMs);
  return new Promise((resolve) => {
    try {
      execFile('git', call.args, { ...call.options, encoding: 'utf8' }, (err, stdout) => resolve(err ? undefined : trackedFrom(file, stdout)));
    } catch {
      resolve(undefined);
    }
  });
}

/** For the CLI, which reads its files one after the other. */
export function gitTrackedFileSync(file: string, timeoutMs = GIT_DEADLINE_MS): TrackedFile | undefined {
  const call = gitCall(file, timeoutMs);
  try {
    const stdout = execFileSync('git', call.args, { ...call.options, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return trackedFrom(file, stdout);
  } catch {
    return undefined;
  }
}
