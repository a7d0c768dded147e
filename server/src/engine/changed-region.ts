/** Where a text differs from the one before it: what lies before `prefix`, and from `suffixFrom` on in the old text, is unchanged. */
export interface ChangedRegion {
  /** The first offset at which the texts differ (both texts' offsets). */
  readonly prefix: number;
  /** Where the unchanged end starts in the old text (at or after `prefix`). */
  readonly suffixFrom: number;
  /** The new text's length less the old one's: how far the unchanged end moved. */
  readonly delta: number;
}

/** The one changed region between `before` and `text`, from their common start and common end. */
export function changedRegion(before: string, text: string): ChangedRegion {
  const max = Math.min(before.length, text.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { prefix, suffixFrom: before.length - suffix, delta: text.length - before.length };
}
