import * as path from 'node:path';
import type { RuleSet } from '../engine';
import { readApprovedImagesFile } from '../node/approved-images-file';
import { UsageError } from './exit-codes';

// `bulwark scan --approved-images FILE`: the organisation's list without a policy bundle (docs/approved-images.md).

/**
 * The rule set with the list from `file` in force. Validation errors are file:line usage errors (exit 2).
 * A policy bundle's own list cannot be replaced from the command line: the policy decides.
 */
export function withApprovedImagesFile(ruleSet: RuleSet, file: string, cwd: string): RuleSet {
  if (ruleSet.approvedImages) {
    throw new UsageError(`--approved-images: the policy bundle ${ruleSet.bundle?.name ?? ''} already carries approved-images.yaml, which the command line cannot replace`);
  }
  const read = readApprovedImagesFile(path.resolve(cwd, file), file);
  if (!read.ok) throw new UsageError(`--approved-images: ${read.message}`, read.details);
  return { ...ruleSet, approvedImages: read.approvedImages };
}
