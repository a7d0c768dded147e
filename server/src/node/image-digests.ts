import { digestQuery, type DigestQuery } from '../engine/images/pin';
import { digestError, familiarString } from '../engine/images/reference';
import { createRegistryClient, isRegistryError, type RegistryClient, type RegistryClientOptions } from './registry';

// The digest a registry serves for an image's tag now, for "Pin to digest", the pinned "Replace with the
// approved image", hover and `bulwark scan --fix --pin-digests`: a HEAD on the manifest with every
// manifest media type accepted (the registry client falls back to GET + sha256 when the answer has no
// Docker-Content-Digest), with the developer's credentials (Docker's config.json and helpers), HTTPS
// except to loopback. A lookup that fails says why; it never yields a guessed digest.

export type DigestLookup = { readonly ok: true; readonly digest: string } | { readonly ok: false; readonly reason: string };

export interface ImageDigestResolverOptions {
  /** Passed to every registry client (credentials, CA file, proxy, env). */
  readonly client?: RegistryClientOptions;
  /** The whole lookup of one image, connection and auth included (default 10 s). */
  readonly timeoutMs?: number;
  /** How long an answer is reused (default 60 s); failures are kept for a fifth of that. */
  readonly cacheMs?: number;
  readonly now?: () => number;
  /** For tests: the client for a registry host. */
  readonly clientFor?: (registry: string) => RegistryClient;
}

export interface ResolvedDigests {
  /** By DigestQuery.key (AnalyzeOptions.imageDigests). */
  readonly digests: Map<string, string>;
  /** By DigestQuery.key: why no digest. */
  readonly failures: Map<string, string>;
}

/** Owns one registry client per host and a short-lived cache of answers; one per server or CLI run. */
export class ImageDigestResolver {
  private readonly clients = new Map<string, RegistryClient>();
  private readonly answers = new Map<string, { readonly lookup: Promise<DigestLookup>; readonly at: number }>();
  private readonly timeoutMs: number;
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ImageDigestResolverOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.cacheMs = options.cacheMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The digest for `text`'s tag (`latest` when none is written); a pinned or invalid reference is refused with the reason. */
  lookup(text: string, timeoutMs = this.timeoutMs): Promise<DigestLookup> {
    const query = digestQuery(text);
    if (!query) return Promise.resolve({ ok: false, reason: `"${text}" is already pinned to a digest or is not a valid image reference` });
    return this.lookupQuery(query, timeoutMs);
  }

  lookupQuery(query: DigestQuery, timeoutMs = this.timeoutMs): Promise<DigestLookup> {
    const cached = this.answers.get(query.key);
    const age = cached ? this.now() - cached.at : Infinity;
    if (cached && age < this.cacheMs) return cached.lookup.then((l) => (l.ok || age < this.cacheMs / 5 ? l : this.fresh(query, timeoutMs)));
    return this.fresh(query, timeoutMs);
  }

  /** Many references at once, a few registries' requests in flight at a time; each answer once per key. */
  async resolveAll(texts: Iterable<string>, concurrency = 4): Promise<ResolvedDigests> {
    const queries = new Map<string, DigestQuery>();
    for (const text of texts) {
      const query = digestQuery(text);
      if (query) queries.set(query.key, query);
    }
    const result: ResolvedDigests = { digests: new Map(), failures: new Map() };
    const pending = [...queries.values()];
    const worker = async (): Promise<void> => {
      for (let query = pending.shift(); query; query = pending.shift()) {
        const found = await this.lookupQuery(query);
        if (found.ok) result.digests.set(query.key, found.digest);
        else result.failures.set(query.key, found.reason);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
    return result;
  }

  private fresh(query: DigestQuery, timeoutMs: number): Promise<DigestLookup> {
    const lookup = this.head(query, timeoutMs);
    this.answers.set(query.key, { lookup, at: this.now() });
    return lookup;
  }

  private async head(query: DigestQuery, timeoutMs: number): Promise<DigestLookup> {
    const { ref } = query;
    const name = familiarString(ref);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<DigestLookup>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: `${ref.registry} did not answer within ${Math.round(timeoutMs / 100) / 10} s` }), timeoutMs);
    });
    const ask = (async (): Promise<DigestLookup> => {
      try {
        const head = await this.client(ref.registry).headManifest(ref.repository, ref.tag);
        if (!head) return { ok: false, reason: `${name} is not in ${ref.registry} (no manifest for tag ${ref.tag})` };
        const invalid = digestError(head.digest);
        return invalid ? { ok: false, reason: `${ref.registry} answered an unusable digest for ${name}: ${invalid}` } : { ok: true, digest: head.digest };
      } catch (error) {
        return { ok: false, reason: isRegistryError(error) ? error.message : `${ref.registry}: ${error instanceof Error ? error.message : String(error)}` };
      }
    })();
    try {
      return await Promise.race([ask, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private client(registry: string): RegistryClient {
    let client = this.clients.get(registry);
    if (!client) {
      client = this.options.clientFor?.(registry) ?? createRegistryClient(registry, { timeoutMs: this.timeoutMs, ...this.options.client });
      this.clients.set(registry, client);
    }
    return client;
  }
}
