// `bulwark` entry (dist/cli.js). All behaviour lives in run.ts; this only binds the process.
import { runCli } from './run';

// `bulwark scan | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

// Registry commands are asynchronous; the exit code is set once the command has finished.
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  now: new Date(),
}).then((code) => {
  process.exitCode = code;
});
