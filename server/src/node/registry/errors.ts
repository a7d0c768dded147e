// One error type for everything the registry client can fail with, so callers (pull, verify, the
// status item) can keep the last good bundle and say why. Messages name the cause and the action and
// never contain a credential, a token or an Authorization header.

export type RegistryErrorCode =
  | 'unreachable'
  | 'unauthorized'
  | 'not-found'
  | 'too-large'
  | 'digest-mismatch'
  | 'protocol'
  | 'insecure'
  | 'timeout';

export class RegistryError extends Error {
  readonly code: RegistryErrorCode;
  /** HTTP status, when the registry answered. */
  readonly status?: number;

  constructor(code: RegistryErrorCode, message: string, status?: number) {
    super(message);
    this.name = 'RegistryError';
    this.code = code;
    this.status = status;
  }
}

export function isRegistryError(error: unknown): error is RegistryError {
  return error instanceof RegistryError;
}

/** The first `{errors:[{code,message}]}` entry of a registry error body, short and printable. */
export function registryErrorDetail(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.subarray(0, 64 * 1024).toString('utf8')) as { errors?: { code?: unknown; message?: unknown }[] };
    const first = Array.isArray(parsed.errors) ? parsed.errors[0] : undefined;
    if (!first) return undefined;
    const text = [first.code, first.message].filter((p) => typeof p === 'string' && p !== '').join(': ');
    return text ? printable(text, 200) : undefined;
  } catch {
    return undefined;
  }
}

export function printable(text: string, max: number): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 3)}...` : clean;
}
