import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatImageReference, parseImageReference, type ImageRef } from '../../engine/images/reference';
import { createRegistryClient, isRegistryError, type RegistryClient } from '../../node/registry';
import { SigningError } from '../../node/signing';
import { UsageError } from '../exit-codes';
import type { CliIo } from '../run';

// What `policy sign` and `policy verify` share: REF → registry client → the manifest digest to act on,
// and turning registry/key failures into exit-2 messages that name the cause (never a stack trace).

export interface RegistryTarget {
  readonly client: RegistryClient;
  readonly ref: ImageRef;
  /** The manifest digest: the one written in REF, or what its tag points to now. */
  readonly digest: string;
  /** `registry/repository@digest`, for messages. */
  readonly pinned: string;
}

export async function resolveTarget(text: string, io: CliIo, caFile: string | undefined): Promise<RegistryTarget> {
  const parsed = parseImageReference(text);
  if (!parsed.ok) throw new UsageError(parsed.error);
  const ref = parsed.ref;
  const client = createRegistryClient(ref.registry, { env: { ...io.env }, ...(caFile ? { caFile: path.resolve(io.cwd, caFile) } : {}) });
  let digest = ref.digest;
  if (digest === undefined) {
    const tag = ref.tag ?? 'latest';
    const head = await client.headManifest(ref.repository, tag);
    if (head === undefined) throw new UsageError(`${formatImageReference({ ...ref, tag })} does not exist in the registry`);
    digest = head.digest;
  }
  return { client, ref, digest, pinned: `${ref.registry}/${ref.repository}@${digest}` };
}

export function readKeyFile(file: string, io: CliIo, what: string): string {
  const full = path.resolve(io.cwd, file);
  try {
    return fs.readFileSync(full, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the ${what} ${full}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** Registry and key errors are configuration problems (exit 2) with their own message; others propagate. */
export async function asUsageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isRegistryError(err) || err instanceof SigningError) throw new UsageError(err.message);
    throw err;
  }
}
