import * as fs from 'node:fs';
import type * as http from 'node:http';
import type * as https from 'node:https';
import type * as tls from 'node:tls';
import { RegistryError } from './errors';
import { openTunnel, tlsOverTunnel, usesProxy, type ProxyConfig } from './proxy';

// HTTP(S) for the registry client: one request at a time, bodies read into memory under a cap, redirects
// followed by hand so that an Authorization header never leaves the origin it was meant for, and plain
// HTTP only to loopback addresses (anything else could be read or altered on the way).

export interface TransportConfig {
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly caFile?: string;
  readonly userAgent: string;
  readonly env: NodeJS.ProcessEnv;
  readonly proxy?: ProxyConfig;
}

export interface HttpRequest {
  readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT';
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent only to the origin of `url`: dropped for good once a redirect leaves that origin. */
  readonly authorization?: string;
  readonly body?: Buffer;
  /** Bodies above this are not read: the response comes back with `overflow`. */
  readonly maxBodyBytes: number;
  readonly followRedirects?: boolean;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  /** Where the answer finally came from, after redirects. */
  readonly url: URL;
  /** False when the connection ended before the body the server announced was complete. */
  readonly complete: boolean;
  /** True when the body was larger than `maxBodyBytes` (then `body` is empty). */
  readonly overflow: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Where Linux distributions (Debian/Ubuntu, Fedora/RHEL, Alpine/Arch) keep the system's CA bundle. */
const SYSTEM_CA_FILES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem'];
const TLS_TRUST_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** 127.0.0.0/8, ::1 and `localhost`: the only hosts plain HTTP may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  if (host.toLowerCase() === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const ipv4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return ipv4 !== null && ipv4.slice(1).every((part) => Number(part) <= 255);
}

/** Throws 'insecure' for plain HTTP to anything but loopback, before any connection is made. */
export function assertTransportAllowed(url: URL): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return;
    throw new RegistryError('insecure', `refusing plain HTTP to ${url.host}: only loopback addresses (127.0.0.0/8, ::1, localhost) may be reached without TLS; use https://`);
  }
  throw new RegistryError('protocol', `unsupported URL scheme "${url.protocol}" for ${url.host}`);
}

/** The server answered TLS with something that is not TLS: it speaks plain HTTP on that port. */
export function isPlainHttpAnswer(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code === 'ERR_SSL_WRONG_VERSION_NUMBER' || (cause?.code === 'EPROTO' && /wrong version number|packet length too long|http request/i.test(cause.message ?? ''));
}

/** node:http, node:https and node:tls, loaded by the first client: a start that sends no request does not pay for them. */
function web(): { readonly http: typeof http; readonly https: typeof https; readonly tls: typeof tls } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return { http: require('node:http') as typeof http, https: require('node:https') as typeof https, tls: require('node:tls') as typeof tls };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export class Transport {
  private secureContext: tls.SecureContext | undefined;
  // Own connection pools: a pooled TLS connection verified under one client's CA file is never reused
  // by a client that trusts less (Node's global agent does not key its pool on a secure context).
  private readonly httpAgent = new (web().http.Agent)({ keepAlive: true });
  private readonly httpsAgent = new (web().https.Agent)({ keepAlive: true });

  constructor(private readonly config: TransportConfig) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    let { method, url, body } = request;
    let authorization = request.authorization;
    const origin = request.url.origin;
    for (let hop = 0; ; hop++) {
      assertTransportAllowed(url);
      if (url.origin !== origin) authorization = undefined;
      const headers: Record<string, string> = { 'user-agent': this.config.userAgent, ...request.headers };
      if (authorization !== undefined) headers.authorization = authorization;
      if (body !== undefined) headers['content-length'] = String(body.length);
      const response = await this.once(method, url, headers, body, request.maxBodyBytes);
      const location = response.headers.location;
      if (request.followRedirects === false || !REDIRECTS.has(response.status) || !location) return response;
      if (hop >= this.config.maxRedirects) {
        throw new RegistryError('protocol', `${request.url.host} redirected more than ${this.config.maxRedirects} times (${request.method} ${request.url.pathname})`);
      }
      const next = new URL(location, url);
      if (url.protocol === 'https:' && next.protocol === 'http:' && !isLoopbackHost(next.hostname)) {
        throw new RegistryError('insecure', `${url.host} redirected to plain HTTP at ${next.host}: refused`);
      }
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      url = next;
    }
  }

  private async once(method: string, url: URL, headers: Record<string, string>, body: Buffer | undefined, maxBodyBytes: number): Promise<HttpResponse> {
    const secureContext = url.protocol === 'https:' ? this.trustedContext() : undefined;
    const proxy = this.config.proxy;
    const tunnel = proxy && usesProxy(url, proxy, isLoopbackHost(url.hostname)) ? await openTunnel(url, proxy.url, this.config.timeoutMs) : undefined;
    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false;
      let timedOut = false;
      const finish = (outcome: { response?: HttpResponse; error?: unknown }): void => {
        if (settled) return;
        settled = true;
        if (outcome.response) resolve(outcome.response);
        else reject(timedOut ? this.timeoutError(method, url) : transportError(outcome.error, url));
      };
      const agent = url.protocol === 'https:' ? this.httpsAgent : this.httpAgent;
      const options: https.RequestOptions = tunnel
        ? { method, headers, createConnection: () => tlsOverTunnel(tunnel, url, secureContext) }
        : { method, headers, agent, ...(secureContext ? { secureContext } : {}) };
      const req = (url.protocol === 'https:' ? web().https : web().http).request(url, options, (res) => {
        const status = res.statusCode ?? 0;
        const base = { status, headers: res.headers, url };
        const declared = Number(res.headers['content-length']);
        if (method === 'HEAD' || status === 204 || status === 304) {
          res.resume();
          finish({ response: { ...base, body: Buffer.alloc(0), complete: true, overflow: false } });
          return;
        }
        if (Number.isFinite(declared) && declared > maxBodyBytes) {
          res.destroy();
          finish({ response: { ...base, body: Buffer.alloc(0), complete: false, overflow: true } });
          return;
        }
        const chunks: Buffer[] = [];
        let total = 0;
        res.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > maxBodyBytes) {
            res.destroy();
            finish({ response: { ...base, body: Buffer.alloc(0), complete: false, overflow: true } });
            return;
          }
          chunks.push(chunk);
        });
        const done = (): void => {
          if (timedOut) return finish({ error: new Error('timeout') });
          const bytes = Buffer.concat(chunks);
          const complete = res.complete && !(Number.isFinite(declared) && bytes.length < declared);
          finish({ response: { ...base, body: bytes, complete, overflow: false } });
        };
        res.on('end', done);
        res.on('error', done);
        res.on('close', done);
      });
      req.setTimeout(this.config.timeoutMs, () => {
        timedOut = true;
        req.destroy();
      });
      req.on('error', (error) => finish({ error }));
      req.end(body);
    });
  }

  /**
   * The system's CA bundle (`SSL_CERT_FILE`, else the distribution's bundle; Node's Mozilla roots where
   * the system keeps none as a file), plus NODE_EXTRA_CA_CERTS and the configured CA file. Built once.
   */
  private trustedContext(): tls.SecureContext {
    if (this.secureContext) return this.secureContext;
    const env = this.config.env;
    const systemFile = env.SSL_CERT_FILE || SYSTEM_CA_FILES.find((file) => fs.existsSync(file));
    const ca: (string | Buffer)[] = [];
    const system = systemFile ? readPem(systemFile) : undefined;
    ca.push(...(system ? [system] : web().tls.rootCertificates));
    const nodeExtra = env.NODE_EXTRA_CA_CERTS ? readPem(env.NODE_EXTRA_CA_CERTS) : undefined;
    if (nodeExtra) ca.push(nodeExtra);
    if (this.config.caFile !== undefined) {
      let extra: Buffer;
      try {
        extra = fs.readFileSync(this.config.caFile);
      } catch (error) {
        throw new RegistryError('unreachable', `cannot read the CA file ${this.config.caFile} (${(error as NodeJS.ErrnoException).code ?? 'error'}): fix the CA file setting`);
      }
      if (!extra.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) {
        throw new RegistryError('unreachable', `the CA file ${this.config.caFile} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
      }
      ca.push(extra);
    }
    this.secureContext = web().tls.createSecureContext({ ca });
    return this.secureContext;
  }

  private timeoutError(method: string, url: URL): RegistryError {
    return new RegistryError('timeout', `${url.host} did not answer within ${Math.round(this.config.timeoutMs / 100) / 10} s (${method} ${url.pathname}): check the network or the registry`);
  }
}

/** A readable PEM bundle, or undefined (missing or unreadable files fall back to the defaults). */
function readPem(file: string): Buffer | undefined {
  try {
    const bytes = fs.readFileSync(file);
    return bytes.toString('latin1').includes('-----BEGIN CERTIFICATE-----') ? bytes : undefined;
  } catch {
    return undefined;
  }
}

function transportError(error: unknown, url: URL): RegistryError {
  if (error instanceof RegistryError) return error;
  const err = error as NodeJS.ErrnoException;
  const code = err?.code ?? '';
  const host = url.host;
  let message: string;
  if (TLS_TRUST_CODES.has(code)) {
    message = `TLS: the certificate of ${host} is not trusted (${code}${code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? ': it is not valid for this host name' : ''}). If the registry uses a private CA, configure its CA file (bulwark.policy.caFile or --ca-file)`;
  } else if (code === 'ECONNREFUSED') {
    message = `cannot connect to ${host}: connection refused (is the registry running, and the address right?)`;
  } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    message = `cannot resolve the host name ${url.hostname}`;
  } else if (code === 'ECONNRESET' || code === 'EPIPE') {
    message = `the connection to ${host} was reset`;
  } else if (code === 'EPROTO' || code.startsWith('ERR_SSL')) {
    message = `TLS handshake with ${host} failed (${code})`;
  } else {
    message = `cannot reach ${host}: ${code || (err?.message ?? 'unknown error')}`;
  }
  const wrapped = new RegistryError('unreachable', message);
  Object.defineProperty(wrapped, 'cause', { value: { code, message: err?.message }, enumerable: false });
  return wrapped;
}
