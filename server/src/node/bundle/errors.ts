/**
 * Why a bundle cannot be built, read or applied. `code` lets callers (CLI exit codes, the editor's
 * status) tell a hostile or broken artifact from one that needs a newer Bulwark.
 */
export type BundleErrorCode = 'invalid' | 'unsafe' | 'too-large' | 'digest-mismatch' | 'upgrade-required' | 'io';

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'BundleError';
  }
}
