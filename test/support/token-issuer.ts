import { createPrivateKey, randomBytes, sign } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SigningCert } from './test-pki';

// A small token service for the registry's token auth (distribution docs/spec/auth/token.md), written
// for the tests: the registry itself stays the real one and verifies every token against the issuer's
// certificate (its `rootcertbundle`). Tokens are ES256 JWTs with the certificate in `x5c`, which is
// what registry 2.8 (registry/auth/token/token.go) accepts besides `kid`/`jwk`.

export interface TokenIssuerOptions {
  readonly issuer: string;
  readonly service: string;
  readonly signing: SigningCert;
  readonly username: string;
  readonly password: string;
  /** A refresh token accepted by the OAuth2 POST flow (Docker's identity token). */
  readonly identityToken?: string;
  /** Token lifetime in seconds (default 300). */
  readonly expiresIn?: number;
}

export interface TokenRequestRecord {
  readonly method: string;
  readonly scopes: string[];
  readonly service: string | null;
  /** How the client identified itself: 'basic' (right or wrong), 'refresh-token', or 'anonymous'. */
  readonly auth: 'basic' | 'refresh-token' | 'anonymous';
  readonly granted: boolean;
}

export interface TokenIssuer {
  readonly realm: string;
  readonly requests: TokenRequestRecord[];
  /**
   * The next `count` tokens are already expired (an hour ago) while the answer still says they last
   * `expires_in`: what a client holds when its token is revoked or the clocks disagree.
   */
  expireNext(count: number): void;
  stop(): Promise<void>;
}

export async function startTokenIssuer(options: TokenIssuerOptions): Promise<TokenIssuer> {
  const requests: TokenRequestRecord[] = [];
  const state = { expireNext: 0 };
  const key = createPrivateKey(options.signing.keyPem);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://issuer');
      const form = req.method === 'POST' ? new URLSearchParams(Buffer.concat(chunks).toString('utf8')) : undefined;
      const params = form ?? url.searchParams;
      const scopes = params.getAll('scope').flatMap((s) => s.split(' ')).filter(Boolean);
      const service = params.get('service');
      let auth: TokenRequestRecord['auth'] = 'anonymous';
      let subject: string | undefined;
      if (form) {
        auth = 'refresh-token';
        if (form.get('grant_type') === 'refresh_token' && options.identityToken && form.get('refresh_token') === options.identityToken) subject = options.username;
      } else if (req.headers.authorization?.startsWith('Basic ')) {
        auth = 'basic';
        const decoded = Buffer.from(req.headers.authorization.slice(6), 'base64').toString('utf8');
        if (decoded === `${options.username}:${options.password}`) subject = options.username;
      }
      const granted = subject !== undefined || auth === 'anonymous';
      requests.push({ method: req.method ?? '', scopes, service, auth, granted });
      if (!granted) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
        return;
      }
      // Anonymous clients get a valid token with no access: the registry then refuses the operation.
      const access = subject === undefined ? [] : scopes.map(toAccess).filter((a) => a !== undefined);
      const expiresIn = options.expiresIn ?? 300;
      const expired = state.expireNext > 0;
      if (expired) state.expireNext--;
      const token = jwt(key, options.signing.der, {
        iss: options.issuer,
        sub: subject ?? '',
        aud: service ?? options.service,
        exp: Math.floor(Date.now() / 1000) + (expired ? -3600 : expiresIn),
        nbf: Math.floor(Date.now() / 1000) - 5,
        iat: Math.floor(Date.now() / 1000),
        jti: randomBytes(12).toString('hex'),
        access,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(form ? { access_token: token, expires_in: expiresIn } : { token, expires_in: expiresIn, issued_at: new Date().toISOString() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    requests,
    expireNext: (count) => {
      state.expireNext = count;
    },
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function toAccess(scope: string): { type: string; name: string; actions: string[] } | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last <= first) return undefined;
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions: scope.slice(last + 1).split(',') };
}

function jwt(key: ReturnType<typeof createPrivateKey>, certDer: Buffer, claims: Record<string, unknown>): string {
  const header = { typ: 'JWT', alg: 'ES256', x5c: [certDer.toString('base64')] };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${b64url(signature)}`;
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}
