import { parseChallenges, type Challenge } from './challenge';
import type { FoundCredentials } from './docker-credentials';
import { RegistryError, printable, registryErrorDetail } from './errors';
import type { HttpResponse, Transport } from './transport';

// Registry authentication (distribution's token.md and oauth.md): learn the scheme from the first 401,
// then send Basic credentials, or fetch a Bearer token from the challenge's realm for the operation's
// scope (`repository:<name>:pull[,push]`) and cache it per realm, service and scope until shortly
// before it expires. Tokens and passwords never appear in a message.

interface CachedToken {
  readonly value: string;
  readonly expiresAt: number;
}

export interface AuthorizerOptions {
  readonly registry: string;
  readonly transport: Transport;
  readonly credentials: () => Promise<FoundCredentials | undefined>;
  readonly now?: () => number;
}

const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;
/** The token spec's default lifetime when the service names none. */
const DEFAULT_TOKEN_SECONDS = 60;

export class Authorizer {
  /** The scheme the registry asked for, learnt from its last 401; undefined: try anonymously. */
  private challenge: Challenge | undefined;
  private readonly tokens = new Map<string, Promise<CachedToken>>();
  private readonly now: () => number;

  constructor(private readonly options: AuthorizerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The Authorization header to send before any 401, when the scheme is already known. */
  async header(scope: string): Promise<string | undefined> {
    const challenge = this.challenge;
    if (challenge?.scheme === 'bearer') return `Bearer ${await this.token(challenge, scope)}`;
    if (challenge?.scheme === 'basic') {
      const found = await this.options.credentials();
      return found && 'username' in found.credentials ? basic(found.credentials.username, found.credentials.password) : undefined;
    }
    return undefined;
  }

  /** After a 401: the header to retry with once, or an 'unauthorized' error that says what to do. */
  async afterUnauthorized(response: HttpResponse, scope: string, sent: string | undefined): Promise<string> {
    const challenges = parseChallenges(headerText(response.headers['www-authenticate']));
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    const basicChallenge = challenges.find((c) => c.scheme === 'basic');
    if (bearer) {
      this.challenge = { scheme: 'bearer', params: { realm: bearer.params.realm, ...(bearer.params.service !== undefined ? { service: bearer.params.service } : {}) } };
      // A token we sent was refused (expired or revoked early): fetch a fresh one, once.
      if (sent?.startsWith('Bearer ')) this.tokens.delete(tokenKey(this.challenge, scope));
      return `Bearer ${await this.token(this.challenge, scope)}`;
    }
    if (basicChallenge) {
      this.challenge = { scheme: 'basic', params: {} };
      const found = await this.options.credentials();
      if (sent?.startsWith('Basic ')) throw this.refused(found);
      if (!found) throw new RegistryError('unauthorized', `${this.options.registry} requires credentials: run "docker login ${this.options.registry}" or sign in to the policy registry`, 401);
      if (!('username' in found.credentials)) throw new RegistryError('unauthorized', `${this.options.registry} asks for a user name and password, but ${found.source} holds only an identity token`, 401);
      return basic(found.credentials.username, found.credentials.password);
    }
    throw new RegistryError('unauthorized', `${this.options.registry} answered 401 without a Basic or Bearer challenge${detail(response)}`, 401);
  }

  /** The message once a retried request is still refused. */
  refused(found?: FoundCredentials, response?: HttpResponse, scope?: string): RegistryError {
    const who = found ? `the credentials from ${found.source}` : 'anonymous access';
    const what = scope ? ` for ${scope.replace(/^repository:/, '')}` : '';
    const action = found ? 'check the user name and password (or run docker login again)' : `run "docker login ${this.options.registry}" or sign in to the policy registry`;
    return new RegistryError('unauthorized', `${this.options.registry} refused ${who}${what}${response ? detail(response) : ''}: ${action}`, 401);
  }

  credentials(): Promise<FoundCredentials | undefined> {
    return this.options.credentials();
  }

  /** One token request per realm, service and scope at a time, however many calls wait for it. */
  private async token(challenge: Challenge, scope: string): Promise<string> {
    const key = tokenKey(challenge, scope);
    const cached = this.tokens.get(key);
    if (cached) {
      const token = await cached.catch(() => undefined);
      if (token && token.expiresAt > this.now()) return token.value;
      // Expired or failed: renew, unless another call already has.
      if (this.tokens.get(key) !== cached && this.tokens.has(key)) return this.token(challenge, scope);
    }
    const pending = this.fetchToken(challenge, scope);
    this.tokens.set(key, pending);
    pending.catch(() => this.tokens.get(key) === pending && this.tokens.delete(key));
    return (await pending).value;
  }

  private async fetchToken(challenge: Challenge, scope: string): Promise<CachedToken> {
    let realm: URL;
    try {
      realm = new URL(challenge.params.realm);
    } catch {
      throw new RegistryError('protocol', `${this.options.registry} names a token service that is not a URL ("${printable(challenge.params.realm, 80)}")`);
    }
    const found = await this.options.credentials();
    const service = challenge.params.service;
    let response: HttpResponse;
    if (found && 'identityToken' in found.credentials) {
      // oauth.md: an identity token is a refresh token, exchanged with a form POST.
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: found.credentials.identityToken, client_id: 'bulwark', scope });
      if (service !== undefined) form.set('service', service);
      response = await this.options.transport.send({
        method: 'POST',
        url: realm,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.from(form.toString()),
        maxBodyBytes: MAX_TOKEN_RESPONSE_BYTES,
      });
    } else {
      const url = new URL(realm);
      if (service !== undefined) url.searchParams.set('service', service);
      url.searchParams.append('scope', scope);
      const authorization = found && 'username' in found.credentials ? basic(found.credentials.username, found.credentials.password) : undefined;
      response = await this.options.transport.send({ method: 'GET', url, authorization, maxBodyBytes: MAX_TOKEN_RESPONSE_BYTES });
    }
    if (response.status === 401 || response.status === 403) {
      const who = found ? `the credentials from ${found.source}` : 'anonymous access';
      const action = found ? 'check the user name and password (or run docker login again)' : `run "docker login ${this.options.registry}" or sign in to the policy registry`;
      throw new RegistryError('unauthorized', `the token service ${realm.host} refused ${who} for ${this.options.registry}: ${action}`, response.status);
    }
    if (response.status !== 200 || response.overflow) {
      throw new RegistryError(response.status >= 500 ? 'unreachable' : 'protocol', `the token service ${realm.host} answered ${response.status} for ${this.options.registry}${detail(response)}`, response.status);
    }
    return this.parseToken(response, realm);
  }

  private parseToken(response: HttpResponse, realm: URL): CachedToken {
    let parsed: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(response.body.toString('utf8')) as typeof parsed;
    } catch {
      throw new RegistryError('protocol', `the token service ${realm.host} answered something that is not JSON`);
    }
    const value = typeof parsed.token === 'string' && parsed.token !== '' ? parsed.token : parsed.access_token;
    if (typeof value !== 'string' || value === '' || /[\s\u0000-\u001f]/.test(value)) {
      throw new RegistryError('protocol', `the token service ${realm.host} answered without a usable token`);
    }
    const seconds = typeof parsed.expires_in === 'number' && Number.isFinite(parsed.expires_in) && parsed.expires_in > 0 ? parsed.expires_in : DEFAULT_TOKEN_SECONDS;
    // Renew a little early (clock skew, request time), but never sooner than half the lifetime.
    const margin = Math.min(30, seconds / 2);
    return { value, expiresAt: this.now() + (seconds - margin) * 1000 };
  }
}

function tokenKey(challenge: Challenge, scope: string): string {
  return `${challenge.params.realm}\n${challenge.params.service ?? ''}\n${scope}`;
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function detail(response: HttpResponse): string {
  const text = registryErrorDetail(response.body);
  return text ? ` (${text})` : '';
}
