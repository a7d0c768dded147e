// The OCI distribution client's public shapes, agreed with the signing and bundle modules
// (briefs: policy-shared.md). Keep these names stable: other modules build on them.

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export interface FetchedManifest {
  bytes: Buffer;
  /** sha256 of `bytes` exactly as served (never of a re-serialisation). */
  digest: string;
  mediaType: string;
}

export interface ManifestHead {
  digest: string;
  mediaType: string;
  size: number;
}

export interface RegistryClient {
  /** The registry as given (`host[:port]`, no scheme). */
  readonly registry: string;
  /** Undefined when the registry answers 404. */
  headManifest(repository: string, reference: string): Promise<ManifestHead | undefined>;
  /** Undefined when the registry answers 404. */
  getManifest(repository: string, reference: string): Promise<FetchedManifest | undefined>;
  /** Verifies digest and size, refuses blobs above the configured cap. */
  getBlob(repository: string, descriptor: Pick<Descriptor, 'digest' | 'size'>): Promise<Buffer>;
  putBlob(repository: string, bytes: Buffer): Promise<{ digest: string; size: number }>;
  /** Returns the digest of `bytes`. */
  putManifest(repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string>;
}

/**
 * What verifying and reading an artifact needs: a registry, or an air-gapped archive read back
 * (node/policy/bundle-archive.ts), so both go through the same checks.
 */
export type ArtifactSource = Pick<RegistryClient, 'registry' | 'getManifest' | 'getBlob'>;

/** Explicit credentials: a user name and password (or a registry token used as password), or an identity token. */
export type RegistryCredentials = { username: string; password: string } | { identityToken: string };

export interface RegistryClientOptions {
  /** Used instead of Docker's config.json (e.g. from VS Code secret storage or CLI flags). */
  credentials?: RegistryCredentials;
  /**
   * Where Docker's config.json is read from: its folder (default `$DOCKER_CONFIG`, else `~/.docker`),
   * or false to never read it.
   */
  dockerConfigDir?: string | false;
  /** Environment for DOCKER_CONFIG, HOME and the PATH credential helpers are found on (default process.env). */
  env?: NodeJS.ProcessEnv;
  /**
   * A PEM file of extra CA certificates (a private registry CA), trusted besides the system's CA bundle
   * (`SSL_CERT_FILE`, else the distribution's bundle, else Node's roots) and NODE_EXTRA_CA_CERTS.
   */
  caFile?: string;
  /**
   * 'https' (the default, except for loopback hosts), or 'http', which is accepted only for loopback
   * addresses (127.0.0.0/8, ::1, localhost). A loopback host without a scheme is tried over HTTPS first
   * and falls back to HTTP only if the server does not speak TLS at all.
   */
  scheme?: 'https' | 'http';
  /** Idle timeout of every request in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** Default 4 MiB. */
  maxManifestBytes?: number;
  /** Default 64 MiB. */
  maxBlobBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Timeout of a docker-credential-* helper in milliseconds (default 5 000). */
  credentialHelperTimeoutMs?: number;
  userAgent?: string;
  /**
   * An http:// proxy for HTTPS (CONNECT), e.g. from VS Code's http.proxy / http.noProxy; false: none.
   * Default: HTTPS_PROXY and NO_PROXY from `env`, never applied to loopback hosts.
   */
  proxy?: { url: string; noProxy?: readonly string[] } | false;
}
