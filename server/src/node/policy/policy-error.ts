// Why a policy could not be applied. The code tells the status item and the CLI which part failed
// (and so which action helps); the message says it in words. The last good bundle stays active.

export type PolicyErrorCode =
  /** The settings: a malformed reference or public key. */
  | 'config'
  /** The registry could not be reached, refused the credentials, or broke the protocol. */
  | 'registry'
  | 'not-found'
  /** Unsigned, signed with another key, tampered. */
  | 'signature'
  /** Not a valid Bulwark bundle (schema, artifact type, unsafe tar, digest mismatch). */
  | 'invalid'
  /** The bundle needs a newer Bulwark. */
  | 'upgrade-required'
  /** --offline and no cached bundle. */
  | 'offline';

export class PolicyError extends Error {
  constructor(
    readonly code: PolicyErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'PolicyError';
  }
}
