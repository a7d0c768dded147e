import { digestError, isValidRepository, isValidTag, registryApiHost } from '../../engine/images/reference';
import { Authorizer } from './auth';
import { digestLike, sha256Digest } from './digest';
import { findDockerCredentials, type FoundCredentials } from './docker-credentials';
import { RegistryError, registryErrorDetail } from './errors';
import { MANIFEST_ACCEPT } from './media-types';
import { resolveProxy, type ProxyConfig } from './proxy';
import { Transport, assertTransportAllowed, isLoopbackHost, isPlainHttpAnswer, type HttpRequest, type HttpResponse } from './transport';
import type { Descriptor, FetchedManifest, ManifestHead, RegistryClient, RegistryClientOptions } from './types';
import { trimEndOf } from '../../engine/trim';

// The OCI distribution API (distribution-spec v1.1) over node:http(s): manifests by tag or digest with
// the digest of the bytes as served, blobs verified against digest and size, monolithic blob upload
// (POST, then PUT to the Location with `digest` added), manifest PUT.

export const DEFAULT_MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const DEFAULT_MAX_BLOB_BYTES = 64 * 1024 * 1024;
const MAX_ERROR_BODY_BYTES = 64 * 1024;

type Action = 'pull' | 'pull,push';

export function createRegistryClient(registry: string, options: RegistryClientOptions = {}): RegistryClient {
  return new HttpRegistryClient(registry, options);
}

class HttpRegistryClient implements RegistryClient {
  readonly registry: string;
  private readonly transport: Transport;
  private readonly authorizer: Authorizer;
  private readonly maxManifestBytes: number;
  private readonly maxBlobBytes: number;
  private readonly explicitScheme: 'https' | 'http' | undefined;
  private origin: Promise<string> | undefined;
  private credentials: Promise<FoundCredentials | undefined> | undefined;
  /** A proxy setting that cannot be used: every call fails with it rather than going direct. */
  private readonly proxyProblem: RegistryError | undefined;

  constructor(registry: string, private readonly options: RegistryClientOptions) {
    const schemeMatch = /^(https?):\/\//i.exec(registry);
    this.registry = trimEndOf(registry.replace(/^https?:\/\//i, ''), '/');
    this.explicitScheme = options.scheme ?? (schemeMatch ? (schemeMatch[1].toLowerCase() as 'https' | 'http') : undefined);
    this.maxManifestBytes = options.maxManifestBytes ?? DEFAULT_MAX_MANIFEST_BYTES;
    this.maxBlobBytes = options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
    const env = options.env ?? process.env;
    const userAgent = options.userAgent ?? 'bulwark-registry-client';
    let proxy: ProxyConfig | undefined;
    try {
      proxy = resolveProxy(options.proxy, env);
    } catch (error) {
      this.proxyProblem = error as RegistryError;
    }
    this.transport = new Transport({ timeoutMs: options.timeoutMs ?? 30_000, maxRedirects: options.maxRedirects ?? 5, caFile: options.caFile, userAgent, env, proxy });
    this.authorizer = new Authorizer({ registry: this.registry, transport: this.transport, credentials: () => this.findCredentials() });
  }

  async headManifest(repository: string, reference: string): Promise<ManifestHead | undefined> {
    const response = await this.request(repository, 'pull', { method: 'HEAD', path: manifestPath(repository, reference), headers: { accept: MANIFEST_ACCEPT } });
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw this.statusError(response, `HEAD manifest ${repository}:${reference}`);
    const digest = header(response, 'docker-content-digest');
    const comparable = digest !== undefined && digestError(digest) === undefined && (!isDigest(reference) || algorithm(digest) === algorithm(reference));
    if (!comparable) {
      // No usable digest header (or one in another algorithm): the digest of the bytes is the only trustworthy answer.
      const fetched = await this.getManifest(repository, reference);
      return fetched && { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.bytes.length };
    }
    if (isDigest(reference) && digest !== reference) {
      throw new RegistryError('digest-mismatch', `${this.registry} answered digest ${digest} for ${repository}@${reference}`);
    }
    return { digest, mediaType: mediaTypeOf(response) ?? '', size: Number(header(response, 'content-length') ?? 0) };
  }

  async getManifest(repository: string, reference: string): Promise<FetchedManifest | undefined> {
    const response = await this.request(repository, 'pull', { method: 'GET', path: manifestPath(repository, reference), headers: { accept: MANIFEST_ACCEPT }, maxBodyBytes: this.maxManifestBytes });
    if (response.status === 404) return undefined;
    const where = `manifest ${repository}${isDigest(reference) ? '@' : ':'}${reference} on ${this.registry}`;
    if (response.status !== 200) throw this.statusError(response, `GET ${where}`);
    if (response.overflow) throw new RegistryError('too-large', `the ${where} is larger than ${this.maxManifestBytes} bytes: refused`);
    if (!response.complete) throw new RegistryError('digest-mismatch', `the ${where} was truncated (the connection closed early)`);
    const bytes = response.body;
    const digest = sha256Digest(bytes);
    const served = header(response, 'docker-content-digest');
    if (served !== undefined && digestError(served) === undefined && digestLike(served, bytes) !== served) {
      throw new RegistryError('digest-mismatch', `the ${where} does not match the digest the registry announced (${served}); got ${digest}`);
    }
    if (isDigest(reference) && digestLike(reference, bytes) !== reference) {
      throw new RegistryError('digest-mismatch', `the ${where} has digest ${digest}: not the one requested`);
    }
    return { bytes, digest, mediaType: manifestMediaType(response, bytes, where) };
  }

  async getBlob(repository: string, descriptor: Pick<Descriptor, 'digest' | 'size'>): Promise<Buffer> {
    const { digest, size } = descriptor;
    const invalid = digestError(digest);
    if (invalid) throw new RegistryError('protocol', `blob digest ${invalid}`);
    if (!Number.isSafeInteger(size) || size < 0) throw new RegistryError('protocol', `blob ${digest} has no valid size (${String(size)})`);
    const where = `blob ${digest} of ${repository} on ${this.registry}`;
    if (size > this.maxBlobBytes) throw new RegistryError('too-large', `the ${where} is ${size} bytes, above the limit of ${this.maxBlobBytes}: refused`);
    const response = await this.request(repository, 'pull', { method: 'GET', path: `/v2/${repository}/blobs/${digest}`, maxBodyBytes: size });
    if (response.status !== 200) throw this.statusError(response, `GET ${where}`);
    if (response.overflow) throw new RegistryError('digest-mismatch', `the ${where} is longer than the ${size} bytes its descriptor says`);
    if (!response.complete || response.body.length !== size) {
      throw new RegistryError('digest-mismatch', `the ${where} was truncated: ${response.body.length} of ${size} bytes arrived`);
    }
    if (digestLike(digest, response.body) !== digest) {
      throw new RegistryError('digest-mismatch', `the ${where} does not match its digest (got ${sha256Digest(response.body)})`);
    }
    return response.body;
  }

  async putBlob(repository: string, bytes: Buffer): Promise<{ digest: string; size: number }> {
    const digest = sha256Digest(bytes);
    const result = { digest, size: bytes.length };
    const head = await this.request(repository, 'pull,push', { method: 'HEAD', path: `/v2/${repository}/blobs/${digest}` });
    if (head.status === 200) return result; // content-addressed: already there
    const start = await this.request(repository, 'pull,push', { method: 'POST', path: `/v2/${repository}/blobs/uploads/`, body: Buffer.alloc(0) });
    if (start.status !== 202) throw this.statusError(start, `start blob upload to ${repository} on ${this.registry}`);
    const location = header(start, 'location');
    if (!location) throw new RegistryError('protocol', `${this.registry} started a blob upload without a Location header`);
    // Location may be relative and usually carries its own query (upload state): add, never concatenate.
    const target = new URL(location, start.url);
    target.searchParams.set('digest', digest);
    const put = await this.request(repository, 'pull,push', {
      method: 'PUT',
      url: target,
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    if (put.status !== 201) throw this.statusError(put, `upload blob ${digest} to ${repository} on ${this.registry}`);
    const stored = header(put, 'docker-content-digest');
    if (stored !== undefined && stored !== digest) throw new RegistryError('digest-mismatch', `${this.registry} stored blob ${digest} as ${stored}`);
    return result;
  }

  async putManifest(repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string> {
    const digest = sha256Digest(bytes);
    if (bytes.length > this.maxManifestBytes) throw new RegistryError('too-large', `manifest of ${bytes.length} bytes is above the limit of ${this.maxManifestBytes}: not pushed`);
    if (isDigest(reference) && digestLike(reference, bytes) !== reference) {
      throw new RegistryError('digest-mismatch', `cannot push a manifest with digest ${digest} as ${reference}`);
    }
    const response = await this.request(repository, 'pull,push', { method: 'PUT', path: manifestPath(repository, reference), headers: { 'content-type': mediaType }, body: bytes });
    if (response.status !== 201 && response.status !== 200) throw this.statusError(response, `push manifest ${repository}:${reference} to ${this.registry}`);
    const stored = header(response, 'docker-content-digest');
    if (stored !== undefined && stored !== digest) throw new RegistryError('digest-mismatch', `${this.registry} stored the manifest as ${stored}, not ${digest}`);
    return digest;
  }

  /** One API call with authentication: anonymous or the known scheme first, one retry after a 401. */
  private async request(
    repository: string,
    action: Action,
    call: { method: HttpRequest['method']; path?: string; url?: URL; headers?: Record<string, string>; body?: Buffer; maxBodyBytes?: number },
  ): Promise<HttpResponse> {
    if (this.proxyProblem) throw this.proxyProblem;
    if (!isValidRepository(repository)) throw new RegistryError('protocol', `"${repository}" is not a valid repository name`);
    const base = await this.baseUrl();
    const url = call.url ?? new URL(call.path ?? '/', base);
    const scope = `repository:${repository}:${action}`;
    // An upload Location on another origin (object storage) never receives the registry's credentials.
    const ours = url.origin === new URL(base).origin;
    const send = (authorization: string | undefined): Promise<HttpResponse> =>
      this.transport.send({ method: call.method, url, headers: call.headers, body: call.body, authorization: ours ? authorization : undefined, maxBodyBytes: call.maxBodyBytes ?? MAX_ERROR_BODY_BYTES });
    const first = ours ? await this.authorizer.header(scope) : undefined;
    const response = await send(first);
    if (response.status !== 401) return response;
    const retry = await this.authorizer.afterUnauthorized(response, scope, first);
    const second = await send(retry);
    if (second.status === 401) throw this.authorizer.refused(await this.authorizer.credentials(), second, scope);
    return second;
  }

  /** `https://host`, or for loopback hosts without a scheme, whatever the server speaks. */
  private baseUrl(): Promise<string> {
    this.origin ??= this.resolveOrigin();
    return this.origin;
  }

  private async resolveOrigin(): Promise<string> {
    let parsed: URL;
    try {
      parsed = new URL(`https://${registryApiHost(this.registry)}`);
    } catch {
      throw new RegistryError('protocol', `"${this.registry}" is not a registry host[:port]`);
    }
    if (parsed.pathname !== '/' || parsed.username || parsed.password || parsed.search) throw new RegistryError('protocol', `"${this.registry}" is not a registry host[:port]`);
    const host = parsed.host;
    if (this.explicitScheme === 'http') {
      assertTransportAllowed(new URL(`http://${host}`));
      return `http://${host}`;
    }
    if (this.explicitScheme === 'https' || !isLoopbackHost(parsed.hostname)) return `https://${host}`;
    // Docker's rule for local registries: HTTPS if the server speaks it, plain HTTP otherwise.
    try {
      await this.transport.send({ method: 'GET', url: new URL(`https://${host}/v2/`), maxBodyBytes: MAX_ERROR_BODY_BYTES, followRedirects: false });
      return `https://${host}`;
    } catch (error) {
      if (isPlainHttpAnswer(error)) return `http://${host}`;
      this.origin = undefined; // let a later call try again (the registry may not be up yet)
      throw error;
    }
  }

  private findCredentials(): Promise<FoundCredentials | undefined> {
    if (this.options.credentials) return Promise.resolve({ credentials: this.options.credentials, source: 'the configured credentials' });
    if (this.options.dockerConfigDir === false) return Promise.resolve(undefined);
    const configDir = this.options.dockerConfigDir;
    this.credentials ??= findDockerCredentials(this.registry, {
      configDir,
      env: this.options.env ?? process.env,
      helperTimeoutMs: this.options.credentialHelperTimeoutMs ?? 5000,
    });
    return this.credentials;
  }

  private statusError(response: HttpResponse, what: string): RegistryError {
    const status = response.status;
    const detail = registryErrorDetail(response.body);
    const suffix = detail ? ` (${detail})` : '';
    if (status === 403) return new RegistryError('unauthorized', `${what}: access denied${suffix}; the credentials lack permission for this repository`, status);
    if (status === 404) return new RegistryError('not-found', `${what}: not found${suffix}`, status);
    if (status === 413) return new RegistryError('too-large', `${what}: the registry refused the size${suffix}`, status);
    if (status === 429) return new RegistryError('unreachable', `${what}: rate limited by the registry (429)${retryAfter(response)}${suffix}`, status);
    if (status >= 500) return new RegistryError('unreachable', `${what}: the registry failed with ${status}${suffix}; try again later`, status);
    return new RegistryError('protocol', `${what}: unexpected answer ${status}${suffix}`, status);
  }
}

function manifestPath(repository: string, reference: string): string {
  if (!isDigest(reference) && !isValidTag(reference)) {
    const why = reference.includes(':') ? digestError(reference) : 'it is neither a tag nor a digest';
    throw new RegistryError('protocol', `"${reference}" is not a valid manifest reference: ${why}`);
  }
  return `/v2/${repository}/manifests/${reference}`;
}

function algorithm(digest: string): string {
  return digest.slice(0, digest.indexOf(':'));
}

function isDigest(reference: string): boolean {
  return reference.includes(':') && digestError(reference) === undefined;
}

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? undefined : text.trim();
}

function mediaTypeOf(response: HttpResponse): string | undefined {
  return header(response, 'content-type')?.split(';')[0].trim().toLowerCase();
}

/** Content-Type, cross-checked with the manifest's own `mediaType` field when it has one. */
function manifestMediaType(response: HttpResponse, bytes: Buffer, where: string): string {
  const served = mediaTypeOf(response);
  let declared: string | undefined;
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as { mediaType?: unknown };
    if (typeof parsed?.mediaType === 'string') declared = parsed.mediaType;
  } catch {
    throw new RegistryError('protocol', `the ${where} is not JSON`);
  }
  const generic = served === undefined || served === 'application/json' || served === 'application/octet-stream' || served === 'text/plain';
  if (generic) {
    if (declared === undefined) throw new RegistryError('protocol', `the ${where} names no media type (neither Content-Type nor mediaType)`);
    return declared;
  }
  if (declared !== undefined && declared !== served) throw new RegistryError('protocol', `the ${where} was served as ${served} but declares ${declared}`);
  return served;
}

function retryAfter(response: HttpResponse): string {
  const value = header(response, 'retry-after');
  return value && /^\d{1,6}$/.test(value) ? `; retry after ${value} s` : '';
}
