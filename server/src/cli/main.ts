// `bulwark` entry (dist/cli.js). All behaviour lives in run.ts; this only binds the process.
import { runCli } from './run';
import { processStdout } from './stdout';
import { setThroughputFlags } from './throughput-flags';

// `bulwark scan | head` closes the pipe early: that is the reader's choice, not a crash.
const stdout = processStdout(() => process.exit(process.exitCode ?? 0));

// Registry commands are asynchronous; the exit code is set once the command has finished.
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout,
  // Opened when first written to (a warning, an error): a clean scan never loads node's streams.
  stderr: { write: (text: string) => process.stderr.write(text) },
  now: new Date(),
  onLongScan: setThroughputFlags,
}).then((code) => {
  process.exitCode = code;
});
