import type * as crypto from 'node:crypto';
import { imageLayoutTar, openLayoutBytes, type OpenedBundle } from '../bundle';
import type { RegistryClient } from '../registry';
import { parseSignatureManifest, signatureTag, verifyArtifact } from '../signing';
import { PolicyError } from './policy-error';
import { policyDescriptors } from './pull-policy';

// `bulwark policy inspect REF`: what a registry holds under a reference, and whether it is signed. Unlike
// a pull, nothing is cached or applied: the bundle is read (safely, as any bundle) even when its signature
// fails, so a champion can see what is there and why it would be refused.

export type SignatureStatus =
  /** One signature verifies with the given key. */
  | { readonly state: 'verified'; readonly index: number; readonly identity: string }
  /** No `.sig` manifest, or one without cosign signatures. */
  | { readonly state: 'unsigned'; readonly message: string }
  /** Signatures exist and none verifies with the given key (or they are malformed). */
  | { readonly state: 'invalid'; readonly message: string }
  /** Signatures exist; no key was given to judge them. */
  | { readonly state: 'unchecked'; readonly count: number };

export interface RemoteBundle {
  readonly opened: OpenedBundle;
  readonly signature: SignatureStatus;
}

export async function inspectRemoteBundle(client: RegistryClient, repository: string, digest: string, key: crypto.KeyObject | undefined, engineVersion: string): Promise<RemoteBundle> {
  const where = `${client.registry}/${repository}@${digest}`;
  const manifest = await client.getManifest(repository, digest);
  if (!manifest) throw new PolicyError('not-found', `${where} does not exist in the registry`);
  const signature = await signatureStatus(client, repository, digest, key, manifest);
  const { config, layer } = policyDescriptors(manifest.bytes, where);
  const tar = imageLayoutTar({ config: await client.getBlob(repository, config), layer: await client.getBlob(repository, layer), manifest: manifest.bytes, digest }, digest);
  return { opened: openLayoutBytes(tar, engineVersion, where), signature };
}

async function signatureStatus(
  client: RegistryClient,
  repository: string,
  digest: string,
  key: crypto.KeyObject | undefined,
  manifest: NonNullable<Awaited<ReturnType<RegistryClient['getManifest']>>>,
): Promise<SignatureStatus> {
  if (key) {
    const result = await verifyArtifact(client, repository, digest, key, { manifest });
    if (result.verified) return { state: 'verified', index: result.signature.index, identity: result.signature.payload.dockerReference };
    return result.failure === 'no-signature' ? { state: 'unsigned', message: result.message } : { state: 'invalid', message: result.message };
  }
  const tag = signatureTag(digest);
  const sig = await client.getManifest(repository, tag);
  if (!sig) return { state: 'unsigned', message: `no ${tag} in the repository` };
  const parsed = parseSignatureManifest(sig.bytes);
  if (!parsed.ok) return { state: 'invalid', message: `${tag} is not a signature manifest: ${parsed.error}` };
  return parsed.manifest.signatures.length === 0 ? { state: 'unsigned', message: `${tag} holds no cosign signature` } : { state: 'unchecked', count: parsed.manifest.signatures.length };
}
