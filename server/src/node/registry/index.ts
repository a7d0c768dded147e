// The OCI distribution client: see client.ts. Other modules import from here only.
export type { ArtifactSource, Descriptor, FetchedManifest, ManifestHead, RegistryClient, RegistryClientOptions, RegistryCredentials } from './types';
export { RegistryError, isRegistryError, type RegistryErrorCode } from './errors';
export { createRegistryClient, DEFAULT_MAX_BLOB_BYTES, DEFAULT_MAX_MANIFEST_BYTES } from './client';
export { sha256Digest } from './digest';
export { isLoopbackHost } from './transport';
export { parseChallenges, type Challenge } from './challenge';
export * from './media-types';
