// One error type for everything that goes wrong with keys, payloads and signature manifests, so callers
// (the CLI, the pull flow) can tell a bad key or a bad signature from a registry failure, and so no
// message ever carries a stack trace or key material.

export type SigningErrorCode =
  /** A key file is not a PEM key of a supported kind (label, encoding, curve, KDF or cipher). */
  | 'bad-key'
  /** The password does not open the encrypted private key. */
  | 'wrong-password'
  /** No password was given and none can be asked for. */
  | 'no-password'
  /** A reference, digest or manifest given to sign or verify is malformed. */
  | 'bad-input'
  /** The existing signature manifest cannot be read, so signing would destroy it. */
  | 'bad-signature-manifest';

export class SigningError extends Error {
  constructor(
    readonly code: SigningErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SigningError';
  }
}
