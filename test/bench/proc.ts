import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

// What the kernel accounts for a process (Linux /proc): CPU seconds and resident memory. Read from
// outside the measured process, so a server or CLI is measured the same way whoever wrote it.

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

const TICKS_PER_SECOND = clockTicks();

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces). */
function statFields(pid: number | 'self'): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds a live process has used so far. */
export function processCpuSeconds(pid: number): number {
  const f = statFields(pid);
  return f ? (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND : NaN;
}

/** User and system CPU seconds of this process's children that have exited and been reaped. */
export function reapedChildrenCpu(): { user: number; system: number } {
  const f = statFields('self');
  return f ? { user: Number(f[13]) / TICKS_PER_SECOND, system: Number(f[14]) / TICKS_PER_SECOND } : { user: NaN, system: NaN };
}

/** VmRSS (now) or VmHWM (peak so far) of a live process, in MiB. */
export function memoryMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
