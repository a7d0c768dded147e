import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { skipUnlessRequired } from './real-client';

// Real hostile file-system objects for the CLI and server tests: FIFOs, links to devices, folders
// where a file is expected, files and folders only root may read.

/** A temporary folder anyone may enter (so a scan run as `nobody` can reach it), with files. */
export function openTempDir(files: Readonly<Record<string, string | Buffer>> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-hostile-'));
  fs.chmodSync(dir, 0o755);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** Creates a FIFO with mkfifo(1), or skips the test saying why. */
export function makeFifo(ctx: Mocha.Context, file: string): void {
  const run = spawnSync('mkfifo', [file]);
  if (run.error || run.status !== 0) skipUnlessRequired(ctx, `mkfifo is not available (${run.error?.message ?? run.stderr.toString()})`);
}

export function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return order === 'le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
}

/**
 * The command prefix that runs a program as an unprivileged user, so that permissions apply (the
 * suite runs as root in CI, and root reads everything). Empty when already unprivileged.
 */
export function unprivilegedPrefix(ctx: Mocha.Context): string[] {
  if (typeof process.getuid !== 'function') {
    console.log('      skipped: this platform has no process.getuid (no POSIX users to drop privileges to)');
    return ctx.skip();
  }
  if (process.getuid() !== 0) return [];
  const candidates = [
    ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'],
    ['runuser', '-u', 'nobody', '--'],
  ];
  for (const prefix of candidates) {
    const probe = spawnSync(prefix[0], [...prefix.slice(1), 'true']);
    if (!probe.error && probe.status === 0) return prefix;
  }
  return skipUnlessRequired(ctx, 'neither setpriv nor runuser can run a process as nobody, and the suite runs as root');
}
