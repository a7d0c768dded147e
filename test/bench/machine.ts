import * as fs from 'node:fs';
import * as os from 'node:os';

export interface Machine {
  readonly nproc: number;
  readonly cpuModel: string;
  readonly node: string;
  /** 1, 5 and 15 minute load averages when the run started. */
  readonly loadavg: readonly number[];
  readonly platform: string;
}

/** The machine a run happened on, as /proc/cpuinfo and the OS describe it. */
export function describeMachine(): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1].trim();
  } catch {
    // Not Linux: the OS's own CPU name stays.
  }
  return { nproc: os.availableParallelism(), cpuModel, node: process.version, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), platform: `${os.type()} ${os.release()}` };
}
