import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { platformCacheRoot } from '../cache-root';

// The per-user cache of pulled policy bundles:
//   <root>/bundles/sha256-<hex>.tar   the bundle as an OCI image-layout tar, named by its manifest digest
//   <root>/bundles/sha256-<hex>.<validation>.json   the same bundle once validated, as start-up reads it
//                                     (prepared-bundle.ts; one per Bulwark build that validated it)
//   <root>/refs/<key>.json            which bundle is active for a reference, and how it was verified
// Writes go to a temporary file in the same folder and are renamed into place, so a reader (another
// editor window, a CI job) sees the old record or the new one, never half of either; a bundle file is
// complete before any record names it. Nothing is deleted on failure: the last good bundle stays.

export interface ActiveRecord {
  /** The reference as configured (`registry/repo:tag` or `…@sha256:…`). */
  readonly ref: string;
  /** Digest of the active bundle's manifest. */
  readonly digest: string;
  readonly name: string;
  readonly version: string;
  /** When the signature was verified (the pull that activated it). */
  readonly verifiedAt: string;
  /** When the registry was last asked and agreed (a HEAD that found the same digest). */
  readonly checkedAt: string;
  /** sha256 of the public key (SPKI DER) the signature verified with. */
  readonly keyFingerprint: string;
  /** The signed simple-signing payload (base64) and its signature, for offline re-verification. */
  readonly payload: string;
  readonly signature: string;
}

const RECORD_KEYS: readonly (keyof ActiveRecord)[] = ['ref', 'digest', 'name', 'version', 'verifiedAt', 'checkedAt', 'keyFingerprint', 'payload', 'signature'];
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** `BULWARK_CACHE_DIR`, else the platform's per-user cache folder, + `/bulwark`. */
export function defaultCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BULWARK_CACHE_DIR) return path.resolve(env.BULWARK_CACHE_DIR);
  return platformCacheRoot(env);
}

export class PolicyCache {
  private readonly policyRoot: string;

  constructor(root: string) {
    this.policyRoot = path.join(root, 'policy');
  }

  /** The active record for a reference, or undefined when there is none or it is unreadable. */
  read(ref: string): ActiveRecord | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.recordPath(ref), 'utf8');
    } catch {
      return undefined;
    }
    const record = parseRecord(text);
    return record && record.ref === ref && fs.existsSync(this.bundlePath(record.digest)) ? record : undefined;
  }

  bundlePath(digest: string): string {
    if (!DIGEST.test(digest)) throw new Error(`not a sha256 digest: ${digest}`);
    return path.join(this.policyRoot, 'bundles', digest.replace(':', '-') + '.tar');
  }

  /** Stores a bundle under its digest; it is active for nothing until a record names it. */
  store(digest: string, layoutTar: Buffer): string {
    const bundle = this.bundlePath(digest);
    atomicWrite(bundle, layoutTar);
    return bundle;
  }

  /** Where the validated form of a bundle is kept for one validation fingerprint (prepared-bundle.ts). */
  preparedPath(digest: string, validation: string): string {
    if (!DIGEST.test(validation)) throw new Error(`not a sha256 fingerprint: ${validation}`);
    return this.bundlePath(digest).replace(/\.tar$/, `.${validation.slice('sha256:'.length, 'sha256:'.length + 16)}.json`);
  }

  /** Best effort: a cache that cannot be written (read-only in CI) only costs the next start a full validation. */
  storePrepared(digest: string, validation: string, bytes: Buffer): boolean {
    try {
      atomicWrite(this.preparedPath(digest, validation), bytes);
      return true;
    } catch {
      return false;
    }
  }

  readPrepared(digest: string, validation: string): Buffer | undefined {
    try {
      return fs.readFileSync(this.preparedPath(digest, validation));
    } catch {
      return undefined;
    }
  }

  /** Removes a stored bundle that failed validation, unless some reference's record names it. */
  discard(digest: string): void {
    const refsDir = path.join(this.policyRoot, 'refs');
    const names = fs.existsSync(refsDir) ? fs.readdirSync(refsDir).filter((n) => n.endsWith('.json')) : [];
    const inUse = names.some((n) => parseRecord(readOrEmpty(path.join(refsDir, n)))?.digest === digest);
    if (!inUse) fs.rmSync(this.bundlePath(digest), { force: true });
  }

  /** Points the record's reference at its (already stored) bundle: the atomic switch. */
  activate(record: ActiveRecord): void {
    if (!fs.existsSync(this.bundlePath(record.digest))) throw new Error(`bundle ${record.digest} is not in the cache`);
    atomicWrite(this.recordPath(record.ref), Buffer.from(JSON.stringify(record, [...RECORD_KEYS], 2) + '\n'));
  }

  /** Records that the registry still serves the active digest. */
  touch(record: ActiveRecord, checkedAt: Date): ActiveRecord {
    const updated = { ...record, checkedAt: checkedAt.toISOString() };
    atomicWrite(this.recordPath(record.ref), Buffer.from(JSON.stringify(updated, [...RECORD_KEYS], 2) + '\n'));
    return updated;
  }

  private recordPath(ref: string): string {
    return path.join(this.policyRoot, 'refs', createHash('sha256').update(ref).digest('hex').slice(0, 32) + '.json');
  }
}

function parseRecord(text: string): ActiveRecord | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (!RECORD_KEYS.every((k) => typeof value[k] === 'string')) return undefined;
    const record = value as unknown as ActiveRecord;
    return DIGEST.test(record.digest) ? record : undefined;
  } catch {
    return undefined;
  }
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function atomicWrite(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, bytes, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
