// TEMPORARY: the RegistryClient interface agreed in policy-shared.md, until p-registry's
// server/src/node/registry/types.ts is merged; then this file goes and imports point there.

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export interface FetchedManifest {
  bytes: Buffer;
  digest: string;
  mediaType: string;
}

export interface RegistryClient {
  readonly registry: string;
  headManifest(repository: string, reference: string): Promise<{ digest: string; mediaType: string; size: number } | undefined>;
  getManifest(repository: string, reference: string): Promise<FetchedManifest | undefined>;
  getBlob(repository: string, descriptor: Pick<Descriptor, 'digest' | 'size'>): Promise<Buffer>;
  putBlob(repository: string, bytes: Buffer): Promise<{ digest: string; size: number }>;
  putManifest(repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string>;
}
