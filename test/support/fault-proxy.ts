import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

// FAULT INJECTION ONLY: a tiny loopback proxy in front of the real docker-registry that damages chosen
// responses (a flipped byte, a body cut short, a lying Docker-Content-Digest, an endless manifest). A
// real registry never serves these on purpose; everything else passes through to it unchanged.

export type Fault =
  | { kind: 'flip-byte' }
  | { kind: 'truncate' }
  | { kind: 'wrong-digest-header' }
  | { kind: 'endless-body'; bytes: number }
  /** Answer this status (e.g. 503, 429) instead of the registry's. */
  | { kind: 'status'; status: number }
  /** Accept the request and never answer (the client's timeout must end it). */
  | { kind: 'hang' };

export interface FaultProxy {
  readonly host: string;
  /** Damage the next responses whose path contains `pathPart`. */
  inject(pathPart: string, fault: Fault): void;
  clear(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const faults = new Map<string, Fault>();
  const server = http.createServer((req, res) => {
    const early = [...faults].find(([part]) => (req.url ?? '').includes(part))?.[1];
    if (early?.kind === 'hang') return;
    if (early?.kind === 'status') {
      res.writeHead(early.status, { 'content-type': 'application/json', ...(early.status === 429 ? { 'retry-after': '30' } : {}) });
      res.end(JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: `injected ${early.status}` }] }));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const forward = http.request(`http://${upstream}${req.url}`, { method: req.method, headers: { ...req.headers, host: upstream } }, (up) => {
        const parts: Buffer[] = [];
        up.on('data', (c: Buffer) => parts.push(c));
        up.on('end', () => {
          const body = Buffer.concat(parts);
          const fault = [...faults].find(([part]) => (req.url ?? '').includes(part))?.[1];
          const headers = { ...up.headers };
          if (!fault || up.statusCode !== 200 || (req.method === 'HEAD' && fault.kind !== 'wrong-digest-header')) {
            res.writeHead(up.statusCode ?? 502, headers).end(body);
            return;
          }
          if (fault.kind === 'flip-byte') {
            const damaged = Buffer.from(body);
            damaged[damaged.length >> 1] ^= 0x01;
            res.writeHead(200, headers).end(damaged);
          } else if (fault.kind === 'truncate') {
            res.writeHead(200, headers);
            res.write(body.subarray(0, body.length >> 1));
            // Content-Length promised the whole body: cut the connection halfway.
            setTimeout(() => res.socket?.destroy(), 20);
          } else if (fault.kind === 'wrong-digest-header') {
            headers['docker-content-digest'] = `sha256:${'0'.repeat(64)}`;
            res.writeHead(200, headers).end(body);
          } else if (fault.kind === 'endless-body') {
            delete headers['content-length'];
            res.writeHead(200, headers);
            const chunk = Buffer.alloc(64 * 1024, 0x20);
            let sent = 0;
            const pump = (): void => {
              while (sent < fault.bytes && !res.destroyed) {
                sent += chunk.length;
                if (!res.write(chunk)) return void res.once('drain', pump);
              }
              res.end();
            };
            pump();
          } else {
            res.writeHead(up.statusCode ?? 502, headers).end(body);
          }
        });
      });
      forward.on('error', () => res.writeHead(502).end());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    inject: (pathPart, fault) => void faults.set(pathPart, fault),
    clear: () => faults.clear(),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
