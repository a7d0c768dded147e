import { MAX_POLICY_ARCHIVE_BYTES } from '../node/policy';
import { readRegularFile } from '../node/regular-file';
import type { ImportPolicyParams, ImportPolicyResult } from '../protocol/custom-protocol';
import type { PolicyService } from './policy-service';

/**
 * bulwark/importPolicy: reads the archive the user picked (a regular file, size-capped) and hands it to
 * the policy service, which verifies it as a pull would. Every refusal is an answer, never a failed
 * request: the client shows the reason, and the last good bundle stays in force.
 */
export async function importPolicyArchive(params: ImportPolicyParams | undefined, policy: PolicyService): Promise<ImportPolicyResult> {
  const archive = typeof params?.archive === 'string' ? params.archive : '';
  if (archive === '') return { status: policy.status(), error: 'no archive was given' };
  const read = readRegularFile(archive, { maxBytes: MAX_POLICY_ARCHIVE_BYTES, followSymlinks: true });
  switch (read.kind) {
    case 'bytes':
      return policy.importArchive(read.bytes);
    case 'absent':
      return { status: policy.status(), error: `${archive} does not exist` };
    case 'not-regular':
      return { status: policy.status(), error: `${archive} is ${read.what}, not a bundle archive` };
    case 'too-large':
      return { status: policy.status(), error: `${archive} is ${read.size} bytes; a bundle archive is at most ${MAX_POLICY_ARCHIVE_BYTES}` };
    case 'unreadable':
      return { status: policy.status(), error: `${archive} cannot be read (${read.reason})` };
  }
}
