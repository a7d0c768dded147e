import * as fs from 'node:fs';
import { PolicyValidator, type ApprovedImages } from '../engine/policy';

// An approved-images.yaml given outside a policy bundle: `bulwark scan --approved-images FILE` and the
// editor's `bulwark.approvedImages.file` (docs/approved-images.md). Validated like the bundle's copy.

/** Far above any real list; a wrong path to a huge file is refused rather than read. */
export const MAX_APPROVED_IMAGES_BYTES = 4 * 1024 * 1024;

export type ApprovedImagesFile =
  | { readonly ok: true; readonly approvedImages: ApprovedImages }
  /** `details`: one `file:line: message` per schema or reference error. */
  | { readonly ok: false; readonly message: string; readonly details: readonly string[] };

/** `file` is an absolute path; `shown` is how messages name it. Never throws. */
export function readApprovedImagesFile(file: string, shown: string = file): ApprovedImagesFile {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { ok: false, message: `${shown} is not a file`, details: [] };
    if (stat.size > MAX_APPROVED_IMAGES_BYTES) return { ok: false, message: `${shown} is larger than ${MAX_APPROVED_IMAGES_BYTES / 1024 / 1024} MB`, details: [] };
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, message: `cannot read ${shown}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, details: [] };
  }
  const { approvedImages, errors } = new PolicyValidator().parseApprovedImages(text, shown);
  if (!approvedImages || errors.length > 0) {
    return { ok: false, message: `${shown} is not a valid approved-images list`, details: errors.map((e) => `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`) };
  }
  return { ok: true, approvedImages };
}
