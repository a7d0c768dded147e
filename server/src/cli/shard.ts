import { UsageError } from './exit-codes';

// `bulwark scan --shard i/n`: each job of a CI matrix scans the files whose path hashes to its slot.
// The hash is of the path as reported (relative to the scan root, `/` separators), so a file lands in
// the same shard on every machine and every run, whatever else is added to or removed from the tree.

export interface Shard {
  /** 1-based, as CI matrices count: 1 ≤ index ≤ count. */
  readonly index: number;
  readonly count: number;
}

export function parseShard(value: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 1/4 (got "${value}")`);
  }
  return { index, count };
}

/** True when the file at `reportedPath` belongs to `shard`; every path belongs to exactly one shard. */
export function inShard(reportedPath: string, shard: Shard): boolean {
  return shard.count === 1 || fnv1a(reportedPath.replace(/\\/g, '/')) % shard.count === shard.index - 1;
}

/** 32-bit FNV-1a over the path's UTF-8 bytes: fixed, portable, and well spread over similar names. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
