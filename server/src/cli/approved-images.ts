import * as fs from 'node:fs';
import * as path from 'node:path';
import { PolicyValidator } from '../engine/policy';
import type { RuleSet } from '../engine';
import { UsageError } from './exit-codes';

// `bulwark scan --approved-images FILE`: the organisation's list without a policy bundle (docs/approved-images.md).

/** Far above any real list; a wrong path to a huge file is refused rather than read. */
const MAX_LIST_BYTES = 4 * 1024 * 1024;

/**
 * The rule set with the list from `file` in force. Validation errors are file:line usage errors (exit 2).
 * A policy bundle's own list cannot be replaced from the command line: the policy decides.
 */
export function withApprovedImagesFile(ruleSet: RuleSet, file: string, cwd: string): RuleSet {
  if (ruleSet.approvedImages) {
    throw new UsageError(`--approved-images: the policy bundle ${ruleSet.bundle?.name ?? ''} already carries approved-images.yaml, which the command line cannot replace`);
  }
  const resolved = path.resolve(cwd, file);
  let text: string;
  try {
    const stat = fs.statSync(resolved);
    if (!stat.isFile()) throw new UsageError(`--approved-images: ${file} is not a file`);
    if (stat.size > MAX_LIST_BYTES) throw new UsageError(`--approved-images: ${file} is larger than ${MAX_LIST_BYTES / 1024 / 1024} MB`);
    text = fs.readFileSync(resolved, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--approved-images: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const { approvedImages, errors } = new PolicyValidator().parseApprovedImages(text, file);
  if (!approvedImages || errors.length > 0) {
    throw new UsageError(`--approved-images: ${file} is not a valid approved-images list`, errors.map((e) => `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`));
  }
  return { ...ruleSet, approvedImages };
}
