import type * as http from 'node:http';
import type * as net from 'node:net';
import type * as tls from 'node:tls';
import { RegistryError } from './errors';

// HTTPS through an HTTP proxy (CONNECT tunnel, end-to-end TLS to the registry, so the proxy sees only
// the host name). The proxy comes from the editor's settings (http.proxy, http.noProxy) or the
// environment (HTTPS_PROXY, NO_PROXY). Plain HTTP is loopback-only and never proxied.

export interface ProxyConfig {
  readonly url: URL;
  /** Host names or suffixes (`.corp.example`, `*.corp.example`), `host:port`, or `*` for all. */
  readonly noProxy: readonly string[];
  /** Environment proxies never apply to loopback hosts (as Go and Docker do); explicit settings can. */
  readonly bypassLoopback: boolean;
}

export interface ProxyOption {
  readonly url: string;
  readonly noProxy?: readonly string[];
}

/** The explicit option wins; `false` means none; otherwise HTTPS_PROXY / NO_PROXY from `env`. */
export function resolveProxy(option: ProxyOption | false | undefined, env: NodeJS.ProcessEnv): ProxyConfig | undefined {
  if (option === false) return undefined;
  if (option) return { url: parseProxyUrl(option.url), noProxy: option.noProxy ?? [], bypassLoopback: false };
  const fromEnv = env.HTTPS_PROXY ?? env.https_proxy;
  if (!fromEnv) return undefined;
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { url: parseProxyUrl(fromEnv), noProxy, bypassLoopback: true };
}

function parseProxyUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new RegistryError('protocol', 'the proxy setting is not a URL (expected http://host:port)');
  }
  if (url.protocol !== 'http:') throw new RegistryError('protocol', `proxy ${url.host}: only http:// proxies are supported (HTTPS is tunnelled through them)`);
  return url;
}

export function usesProxy(url: URL, proxy: ProxyConfig | undefined, isLoopback: boolean): boolean {
  if (!proxy || url.protocol !== 'https:') return false;
  if (proxy.bypassLoopback && isLoopback) return false;
  const host = url.hostname.toLowerCase();
  const port = url.port || '443';
  return !proxy.noProxy.some((raw) => {
    const entry = raw.toLowerCase();
    if (entry === '*') return true;
    const [entryHost, entryPort] = entry.startsWith('[') ? [entry.slice(0, entry.indexOf(']') + 1), entry.slice(entry.indexOf(']') + 2)] : entry.split(':');
    if (entryPort && entryPort !== port) return false;
    const suffix = entryHost.replace(/^\*?\./, '');
    return host === suffix || host.endsWith(`.${suffix}`);
  });
}

/** A socket tunnelled to `url`'s host and port through the proxy (not yet TLS). */
/** Loaded by the first tunnel, not at start (start-up time). */
/* eslint-disable @typescript-eslint/no-require-imports */
const nodeHttp = (): typeof http => require('node:http') as typeof http;
const nodeNet = (): typeof net => require('node:net') as typeof net;
const nodeTls = (): typeof tls => require('node:tls') as typeof tls;
/* eslint-enable @typescript-eslint/no-require-imports */

export function openTunnel(url: URL, proxy: URL, timeoutMs: number): Promise<net.Socket> {
  const target = `${url.hostname}:${url.port || '443'}`;
  const headers: Record<string, string> = { host: target };
  if (proxy.username) {
    const user = decodeURIComponent(proxy.username);
    const pass = decodeURIComponent(proxy.password);
    headers['proxy-authorization'] = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  }
  return new Promise((resolve, reject) => {
    const hostname = proxy.hostname.replace(/^\[|\]$/g, '');
    const req = nodeHttp().request({ host: hostname, port: proxy.port || 80, method: 'CONNECT', path: target, headers, agent: false });
    req.setTimeout(timeoutMs, () => req.destroy(new RegistryError('timeout', `the proxy ${proxy.host} did not open a tunnel to ${url.host} within ${timeoutMs / 1000} s`)));
    req.on('connect', (res, socket) => {
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      const why = res.statusCode === 407 || res.statusCode === 401 ? 'it requires proxy credentials (or refused the ones configured)' : `it answered ${res.statusCode}`;
      reject(new RegistryError('unreachable', `the proxy ${proxy.host} refused to connect to ${url.host}: ${why}`, res.statusCode));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      reject(error instanceof RegistryError ? error : new RegistryError('unreachable', `cannot reach the proxy ${proxy.host} (${error.code ?? error.message}): check the proxy setting`));
    });
    req.end();
  });
}

/** TLS to the registry over the tunnel, verified as a direct connection would be. */
export function tlsOverTunnel(socket: net.Socket, url: URL, secureContext: tls.SecureContext | undefined): tls.TLSSocket {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  // SNI carries names only; an IP address is checked against the certificate's IP SANs via `host`.
  const names = nodeNet().isIP(hostname) ? { host: hostname } : { host: hostname, servername: hostname };
  return nodeTls().connect({ socket, ...names, ...(secureContext ? { secureContext } : {}) });
}
