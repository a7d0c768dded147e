import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { BundleError, openBundle, type OpenedBundle } from '../../node/bundle';
import { UsageError } from '../exit-codes';
import { TOOL_VERSION } from '../tool-info';

// What the p-bundle subcommands share: strict flag parsing, and opening a local bundle (folder or
// image-layout tar) with every bundle problem turned into a configuration error that names it.

type Flags = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

export function parsePolicyArgs<F extends Flags>(command: string, args: readonly string[], options: F) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (err) {
    const message = err instanceof Error ? err.message.split('. To specify a positional')[0] : String(err);
    throw new UsageError(`policy ${command}: ${message.charAt(0).toLowerCase() + message.slice(1)}`, [], true);
  }
}

export function onePositional(command: string, positionals: readonly string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`policy ${command} needs exactly one ${what} (got ${positionals.length})`, [], true);
  return positionals[0];
}

/** Relative to the current directory when inside it, else absolute: what a person can paste back. */
export function shownPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

export function openLocalBundle(target: string, engineVersion: string = TOOL_VERSION): OpenedBundle {
  try {
    return openBundle(target, engineVersion);
  } catch (err) {
    throw asUsageError(err);
  }
}

export function asUsageError(err: unknown): unknown {
  if (err instanceof BundleError) return new UsageError(err.message, err.details);
  return err;
}

/** `--now YYYY-MM-DD` pins the clock (suppression dates, fixtures); otherwise the caller's now. */
export function parseNow(value: string | undefined, fallback: Date): Date {
  if (value === undefined) return fallback;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.getUTCDate() !== Number(m?.[3])) throw new UsageError(`--now must be a date YYYY-MM-DD (got "${value}")`);
  return date;
}

/** An output file (`-o FILE` of build and export) written whole or not at all: a failed write leaves no partial file. */
export function writeAtomically(file: string, bytes: Buffer): void {
  const temp = `${file}.partial-${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(`cannot write "${file}": ${err instanceof Error ? err.message : String(err)}`);
  }
}
