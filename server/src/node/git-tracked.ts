import type * as ChildProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Whether git tracks a file, asked of git itself (`git ls-files --error-unmatch`) within a deadline.
// Any trouble (git not installed, not a repository, a repository git refuses as unsafe, a timeout)
// means "not known to be tracked": the caller then offers nothing, and never fails.
//
// Git reads the repository's own configuration, which a hostile workspace controls. `ls-files` runs no
// hooks, pager or diff driver; `core.fsmonitor` (a command git may run to refresh the index) is turned
// off on the command line, which wins over every configuration file, and pathspecs are literal. Git
// itself is found on PATH by absolute path: Windows would look for a bare `git` in the current folder
// first, where a workspace could plant its own git.exe.

export interface TrackedFile {
  /** The repository's top folder, as a path on this machine. */
  readonly repoRoot: string;
  /** The file's path inside the repository, with `/`. */
  readonly pathInRepo: string;
}

export const GIT_DEADLINE_MS = 2_000;

/**
 * node:child_process (with net, dgram and streams under it) is loaded when git is first asked: most scans
 * and every start of the CLI ask it nothing, and loading it is a measurable part of the start-up.
 */
function childProcess(): typeof ChildProcess {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:child_process') as typeof ChildProcess;
}

interface GitCall {
  readonly git: string;
  readonly args: string[];
  readonly options: { cwd: string; timeout: number; env: NodeJS.ProcessEnv; windowsHide: true; maxBuffer: number };
}

/**
 * Whether a folder or one above it holds a `.git` entry (a folder, or a file for worktrees and
 * submodules): git finds a work tree no other way once GIT_DIR is unset, so without one there is no
 * need to start git at all (a scan of a tree outside any repository would start it once per .env file).
 */
function insideWorkTree(folder: string): boolean {
  for (let dir = folder; ; ) {
    try {
      fs.statSync(path.join(dir, '.git'));
      return true;
    } catch {
      // Not here: one level up.
    }
    const up = path.dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
}

function gitCall(file: string, timeoutMs: number): GitCall | undefined {
  if (!insideWorkTree(path.dirname(file))) return undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
  // The server's own environment must not point git at another repository than the file's (a pre-commit
  // hook running the CLI has GIT_DIR and GIT_INDEX_FILE set).
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_CEILING_DIRECTORIES']) delete env[name];
  const git = gitExecutable(env);
  if (!git) return undefined;
  return {
    git,
    args: ['-c', 'core.fsmonitor=false', '--literal-pathspecs', 'ls-files', '--error-unmatch', '--full-name', '-z', '--', path.basename(file)],
    options: { cwd: path.dirname(file), timeout: timeoutMs, env, windowsHide: true, maxBuffer: 64 * 1024 },
  };
}

/** The first `git` (Windows: `git.exe`) in an absolute folder of PATH. */
function gitExecutable(env: NodeJS.ProcessEnv): string | undefined {
  const pathKey = Object.keys(env).find((k) => k.toUpperCase() === 'PATH');
  const name = process.platform === 'win32' ? 'git.exe' : 'git';
  for (const folder of (pathKey ? (env[pathKey] ?? '') : '').split(path.delimiter)) {
    if (!path.isAbsolute(folder)) continue;
    const candidate = path.join(folder, name);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
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
  if (!call) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    try {
      childProcess().execFile(call.git, call.args, { ...call.options, encoding: 'utf8' }, (err, stdout) => resolve(err ? undefined : trackedFrom(file, stdout)));
    } catch {
      resolve(undefined);
    }
  });
}

/** For the CLI, which reads its files one after the other. */
export function gitTrackedFileSync(file: string, timeoutMs = GIT_DEADLINE_MS): TrackedFile | undefined {
  const call = gitCall(file, timeoutMs);
  if (!call) return undefined;
  try {
    const stdout = childProcess().execFileSync(call.git, call.args, { ...call.options, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return trackedFrom(file, stdout);
  } catch {
    return undefined;
  }
}
