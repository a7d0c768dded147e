import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ThroughputResult {
  readonly files: number;
  readonly analysed: number;
  readonly megabytes: number;
  readonly seconds: number;
  readonly exitCode: number | null;
}

/** Runs `node dist/cli.js scan <dir> --format json --fail-on none` once and sizes what it read. */
export async function measureCliScan(cliJs: string, dir: string): Promise<ThroughputResult> {
  const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bench-')), 'scan.json');
  const out = fs.openSync(outFile, 'w');
  const start = process.hrtime.bigint();
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [cliJs, 'scan', dir, '--format', 'json', '--fail-on', 'none'], { stdio: ['ignore', out, 'inherit'] });
    child.on('exit', (code) => resolve(code));
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  fs.closeSync(out);
  const report = JSON.parse(fs.readFileSync(outFile, 'utf8')) as { summary?: { files?: number; analysed?: number }; files?: { path: string }[] };
  fs.rmSync(path.dirname(outFile), { recursive: true, force: true });
  let bytes = 0;
  for (const f of report.files ?? []) {
    try {
      bytes += fs.statSync(path.isAbsolute(f.path) ? f.path : path.resolve(f.path)).size;
    } catch {
      // A path the CLI printed relative to somewhere else: not counted.
    }
  }
  return { files: report.summary?.files ?? report.files?.length ?? 0, analysed: report.summary?.analysed ?? 0, megabytes: bytes / (1024 * 1024), seconds, exitCode };
}
