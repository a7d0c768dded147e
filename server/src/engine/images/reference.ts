import { linesOf } from '../trim';
// Docker image references, parsed and normalised the way `docker pull` reads them (distribution/reference
// `ParseNormalizedNamed`), so that policy compares parsed values, never string prefixes:
// `registry.acme.example.evil.com/x` and `registry.acme.example:5000/x` are not on `registry.acme.example`.

export interface ImageRef {
  /** Registry host as written, with its port if any (`docker.io` when none is written; `index.docker.io` → `docker.io`). */
  readonly registry: string;
  /** Repository path inside the registry (`library/nginx` for the official `nginx`). */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

export type ParseImageReferenceResult = { ok: true; ref: ImageRef } | { ok: false; error: string };

export interface ParseImageReferenceOptions {
  /** Add the tag `latest` when neither a tag nor a digest is written (what `docker pull nginx` does). */
  readonly defaultTag?: boolean;
}

const DEFAULT_REGISTRY = 'docker.io';
const LEGACY_DEFAULT_REGISTRY = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
const MAX_REPOSITORY_LENGTH = 255;
/** Far above any real reference; keeps a pasted megabyte from reaching the regexes. */
const MAX_INPUT_LENGTH = 4096;

// The grammar of distribution/reference (reference.go): lower-case path components joined by `/`;
// a host is DNS-like labels, an IPv4 address, or a bracketed IPv6 address (no zone), with an optional port.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

const DOMAIN_RE = new RegExp(`^${HOST}(?::[0-9]+)?$`);
const REMAINDER_RE = new RegExp(`^(${REMOTE_NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const IDENTIFIER_RE = /^[a-f0-9]{64}$/;
const TAG_RE = new RegExp(`^${TAG}$`);
/** The algorithms registries and go-digest accept, with their hex lengths; hex is lower case. */
// A Map: the algorithm comes from the file (`image@constructor:…` must not find Object's constructor).
const DIGEST_HEX_LENGTH: ReadonlyMap<string, number> = new Map([['sha256', 64], ['sha384', 96], ['sha512', 128]]);

export function parseImageReference(text: string, options: ParseImageReferenceOptions = {}): ParseImageReferenceResult {
  const fail = (why: string): ParseImageReferenceResult => ({ ok: false, error: `invalid image reference "${preview(text)}": ${why}` });
  // `user:password@host/repo` or a URL with credentials (no valid reference has a `/` after its `@`):
  // say so without echoing the text back.
  if (linesOf(text).some((line) => line.includes('@') && line.includes('/', line.indexOf('@') + 1))) return { ok: false, error: 'invalid image reference: a registry host cannot carry credentials (user:password@host); use Docker credentials or a sign-in instead' };
  if (text.length === 0) return fail('it is empty');
  if (text.length > MAX_INPUT_LENGTH) return fail(`it is longer than ${MAX_INPUT_LENGTH} characters`);
  if (IDENTIFIER_RE.test(text)) return fail('a 64-character hexadecimal string is an image ID, not a repository name');

  const { registry, remainder } = splitRegistry(text);
  if (!DOMAIN_RE.test(registry)) return fail(`"${registry}" is not a valid registry host[:port]`);
  const nameEnd = remainder.search(/[:@]/);
  const name = nameEnd < 0 ? remainder : remainder.slice(0, nameEnd);
  if (name.toLowerCase() !== name) return fail(`repository name "${name}" must be lowercase`);
  const match = REMAINDER_RE.exec(remainder);
  if (!match) return fail(describeSyntaxError(remainder));
  const [, repository, tag, digest] = match;
  if (repository.length > MAX_REPOSITORY_LENGTH) return fail(`repository name is longer than ${MAX_REPOSITORY_LENGTH} characters`);
  if (digest !== undefined) {
    const digestError = checkDigest(digest);
    if (digestError) return fail(digestError);
  }
  const withDefault = tag === undefined && digest === undefined && options.defaultTag ? 'latest' : tag;
  return { ok: true, ref: { registry, repository, ...(withDefault !== undefined ? { tag: withDefault } : {}), ...(digest !== undefined ? { digest } : {}) } };
}

/**
 * Docker's rule for whether the first path element is a registry: `localhost`, anything with a `.` or
 * `:`, or anything with an upper-case letter (repository names cannot have one). Otherwise it is a Docker
 * Hub namespace, and a single-element Docker Hub name is an official image under `library/`.
 */
function splitRegistry(text: string): { registry: string; remainder: string } {
  const slash = text.indexOf('/');
  if (slash < 0) return { registry: DEFAULT_REGISTRY, remainder: OFFICIAL_PREFIX + text };
  const first = text.slice(0, slash);
  const rest = text.slice(slash + 1);
  let registry: string;
  let remainder: string;
  if (first === LEGACY_DEFAULT_REGISTRY) [registry, remainder] = [DEFAULT_REGISTRY, rest];
  else if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) [registry, remainder] = [first, rest];
  else [registry, remainder] = [DEFAULT_REGISTRY, text];
  if (registry === DEFAULT_REGISTRY && !remainder.includes('/')) remainder = OFFICIAL_PREFIX + remainder;
  return { registry, remainder };
}

function describeSyntaxError(remainder: string): string {
  const at = remainder.indexOf('@');
  const nameAndTag = at < 0 ? remainder : remainder.slice(0, at);
  const colon = nameAndTag.indexOf(':');
  const tag = colon < 0 ? undefined : nameAndTag.slice(colon + 1);
  if (tag !== undefined && !TAG_RE.test(tag)) return `tag "${preview(tag)}" is not valid (letters, digits, _ . -, at most 128, not starting with . or -)`;
  if (at >= 0 && !new RegExp(`^${DIGEST}$`).test(remainder.slice(at + 1))) return 'the digest is not of the form algorithm:hex';
  return 'the repository name must be lower-case letters and digits separated by single "/", ".", "_", "__" or dashes';
}

function checkDigest(digest: string): string | undefined {
  const [algorithm, hex] = digest.split(':', 2);
  const length = DIGEST_HEX_LENGTH.get(algorithm);
  if (length === undefined) return `digest algorithm "${algorithm}" is not supported (sha256, sha384 or sha512)`;
  if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) return `a ${algorithm} digest has exactly ${length} lower-case hexadecimal characters`;
  return undefined;
}

function preview(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** The full, normalised reference: `docker.io/library/nginx:1.27@sha256:…`. */
export function formatImageReference(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** The name as Docker shows it, without tag or digest: `nginx`, `bitnami/redis`, `ghcr.io/org/app`. */
export function familiarName(ref: Pick<ImageRef, 'registry' | 'repository'>): string {
  if (ref.registry !== DEFAULT_REGISTRY) return `${ref.registry}/${ref.repository}`;
  const official = ref.repository.startsWith(OFFICIAL_PREFIX) ? ref.repository.slice(OFFICIAL_PREFIX.length) : undefined;
  return official !== undefined && !official.includes('/') ? official : ref.repository;
}

/** `familiarName` plus tag and digest as written: `nginx:1.27`. */
export function familiarString(ref: ImageRef): string {
  return `${familiarName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** Host names are case-insensitive; a different port (or none) is a different registry. */
export function sameRegistry(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Same registry and same repository path (tags and digests not compared). */
export function sameRepository(a: Pick<ImageRef, 'registry' | 'repository'>, b: Pick<ImageRef, 'registry' | 'repository'>): boolean {
  return sameRegistry(a.registry, b.registry) && a.repository === b.repository;
}

/** Where the registry API of `registry` lives: Docker Hub's API is not on `docker.io` itself. */
export function registryApiHost(registry: string): string {
  return registry === DEFAULT_REGISTRY ? 'registry-1.docker.io' : registry;
}

/** True for a tag a registry accepts (`[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`). */
export function isValidTag(tag: string): boolean {
  return TAG_RE.test(tag);
}

/** True for a repository path a registry accepts (`library/nginx`, `secops/ide-policy`). */
export function isValidRepository(repository: string): boolean {
  return repository.length <= MAX_REPOSITORY_LENGTH && new RegExp(`^${REMOTE_NAME}$`).test(repository);
}

/** Undefined for a well-formed `sha256:<64 hex>` (or sha384/sha512) digest, else why not. */
export function digestError(digest: string): string | undefined {
  if (!new RegExp(`^${DIGEST}$`).test(digest)) return `"${preview(digest)}" is not a digest (algorithm:hex)`;
  return checkDigest(digest);
}

/** A reference to pull or push: `target` is what the registry API is asked for (digest, else tag, else `latest`). */
export interface RegistryReference extends ImageRef {
  readonly target: string;
}

/**
 * `registry.acme.example/secops/policy:v1` → registry, repository and the manifest to ask for. The same
 * grammar and defaults as `docker pull` (a name without a host is on Docker Hub), for CLI arguments.
 */
export function parseRegistryReference(text: string): { ok: true; ref: RegistryReference } | { ok: false; error: string } {
  const parsed = parseImageReference(text.trim(), { defaultTag: true });
  if (!parsed.ok) return parsed;
  return { ok: true, ref: { ...parsed.ref, target: parsed.ref.digest ?? parsed.ref.tag ?? 'latest' } };
}
