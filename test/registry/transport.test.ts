import * as assert from 'node:assert/strict';
import * as diagnostics from 'node:diagnostics_channel';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createRegistryClient, isLoopbackHost, sha256Digest } from '../../server/src/node/registry';
import { freePort, requireRegistry, startRegistry, type RunningRegistry } from '../support/registry';
import { pushArtifact, rejectsWith } from './artifact';

// TLS with a test CA, plain HTTP only to loopback, and redirects that never carry Authorization to
// another host, against the real docker-registry.

interface Recorded {
  readonly url: string;
  readonly authorization?: string;
}

interface FileServer {
  readonly seen: Recorded[];
  close(): Promise<void>;
}

describe('registry client: TLS with a test CA (real docker-registry)', function () {
  this.timeout(60_000);
  let registry: RunningRegistry;

  before(async function () {
    requireRegistry(this);
    registry = await startRegistry({ tls: true, auth: 'basic' });
  });
  after(async () => registry?.stop());

  it('works with the CA file, and detects TLS on a loopback host without being told', async () => {
    const client = createRegistryClient(registry.host, { caFile: registry.caFile, credentials: { username: registry.username!, password: registry.password! }, dockerConfigDir: false });
    const pushed = await pushArtifact(client, 'secops/tls', 'v1');
    assert.ok((await client.getManifest('secops/tls', 'v1'))?.bytes.equals(pushed.manifest));
    const viaLocalhost = createRegistryClient(registry.host.replace('127.0.0.1', 'localhost'), { caFile: registry.caFile, credentials: { username: registry.username!, password: registry.password! }, dockerConfigDir: false });
    assert.equal((await viaLocalhost.headManifest('secops/tls', 'v1'))?.digest, pushed.digest, 'the certificate names localhost too');
  });

  it('fails clearly without the CA file, and never falls back to plain HTTP', async () => {
    const client = createRegistryClient(registry.host, { credentials: { username: registry.username!, password: registry.password! }, dockerConfigDir: false });
    await rejectsWith(client.headManifest('secops/tls', 'v1'), 'unreachable', /certificate of 127\.0\.0\.1:\d+ is not trusted .*CA file/);
    const forcedHttps = createRegistryClient(`https://${registry.host}`, { dockerConfigDir: false });
    await rejectsWith(forcedHttps.headManifest('secops/tls', 'v1'), 'unreachable', /not trusted/);
  });

  it("trusts the system's CA bundle: SSL_CERT_FILE naming the CA is enough", async () => {
    const env = { ...process.env, SSL_CERT_FILE: registry.caFile };
    const client = createRegistryClient(registry.host, { env, credentials: { username: registry.username!, password: registry.password! }, dockerConfigDir: false });
    assert.ok(await client.headManifest('secops/tls', 'v1'));
  });

  it('a CA file that is missing or holds no certificate is named in the error', async () => {
    const missing = createRegistryClient(registry.host, { caFile: path.join(registry.workDir, 'nope.pem'), dockerConfigDir: false });
    await rejectsWith(missing.headManifest('secops/tls', 'v1'), 'unreachable', /cannot read the CA file .*nope\.pem \(ENOENT\)/);
    const notPem = path.join(registry.workDir, 'not-a-cert.pem');
    fs.writeFileSync(notPem, 'hello');
    await rejectsWith(createRegistryClient(registry.host, { caFile: notPem, dockerConfigDir: false }).headManifest('secops/tls', 'v1'), 'unreachable', /holds no PEM certificate/);
  });
});

describe('registry client: redirects (real docker-registry)', function () {
  this.timeout(60_000);
  let registry: RunningRegistry;
  let storage: FileServer;

  before(async function () {
    requireRegistry(this);
    // The registry's own `redirect` storage middleware sends blob GETs to another host (127.0.0.2),
    // as registries backed by object storage or a CDN do; that host serves the registry's storage files.
    const port = await freePort('127.0.0.2');
    registry = await startRegistry({ auth: 'basic', redirectBlobsTo: `http://127.0.0.2:${port}` });
    storage = await fileServerOn('127.0.0.2', port, registry.storageDir);
  });
  after(async () => {
    await storage?.close();
    await registry?.stop();
  });

  it('follows a blob redirect to another host without sending it Authorization', async () => {
    const client = createRegistryClient(registry.host, { credentials: { username: registry.username!, password: registry.password! }, dockerConfigDir: false });
    const pushed = await pushArtifact(client, 'secops/redirected', 'v1');
    const blob = await client.getBlob('secops/redirected', { digest: sha256Digest(pushed.layer), size: pushed.layer.length });
    assert.ok(blob.equals(pushed.layer));
    const blobRequests = storage.seen.filter((r) => r.url.includes(sha256Digest(pushed.layer).slice(7)));
    assert.ok(blobRequests.length >= 1, `the other host served the blob (saw ${JSON.stringify(storage.seen.map((r) => r.url))})`);
    assert.deepEqual(storage.seen.map((r) => r.authorization), storage.seen.map(() => undefined), 'no Authorization header reached the other host');
  });
});

/** Plain HTTP on a loopback address that serves files of `root` and records what it was sent. */
async function fileServerOn(host: string, port: number, root: string): Promise<FileServer> {
  const seen: Recorded[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const bytes = fs.readFileSync(file);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    seen,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('registry client: plain HTTP only to loopback', () => {
  it('knows loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '[::1]', '::1']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['10.0.0.1', '128.0.0.1', '127.0.0.256', 'localhost.evil.com', '127.0.0.1.nip.io', '[::2]', 'registry.example.com', '0.0.0.0']) assert.equal(isLoopbackHost(host), false, host);
  });

  it('refuses http to a non-loopback host before any connection is made', async () => {
    const connections: unknown[] = [];
    const onRequest = (message: unknown): void => void connections.push(message);
    diagnostics.subscribe('http.client.request.start', onRequest);
    diagnostics.subscribe('net.client.socket', onRequest);
    try {
      for (const client of [
        createRegistryClient('registry.example.com', { scheme: 'http', dockerConfigDir: false }),
        createRegistryClient('http://10.1.2.3:5000', { dockerConfigDir: false }),
        createRegistryClient('http://localhost.evil.com', { dockerConfigDir: false }),
      ]) {
        await rejectsWith(client.getManifest('secops/policy', 'v1'), 'insecure', /refusing plain HTTP to .*only loopback/);
        await rejectsWith(client.putBlob('secops/policy', Buffer.from('x')), 'insecure');
      }
    } finally {
      diagnostics.unsubscribe('http.client.request.start', onRequest);
      diagnostics.unsubscribe('net.client.socket', onRequest);
    }
    assert.equal(connections.length, 0, 'no request or socket was opened');
  });

  it('refuses a redirect from loopback to plain HTTP elsewhere, without following it', async () => {
    // A loopback server standing in for a registry that redirects (to check our redirect rule only).
    const server = http.createServer((_req, res) => res.writeHead(307, { location: 'http://registry.example.invalid/v2/blob' }).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = createRegistryClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { dockerConfigDir: false });
      await rejectsWith(client.getBlob('secops/x', { digest: sha256Digest(Buffer.from('x')), size: 1 }), 'insecure', /registry\.example\.invalid/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('stops after the redirect limit', async () => {
    const server = http.createServer((req, res) => res.writeHead(302, { location: `${req.url}x` }).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = createRegistryClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { dockerConfigDir: false, maxRedirects: 3 });
      await rejectsWith(client.getBlob('secops/x', { digest: sha256Digest(Buffer.from('x')), size: 1 }), 'protocol', /redirected more than 3 times/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('times out a registry that accepts the connection but never answers', async () => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = createRegistryClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { dockerConfigDir: false, timeoutMs: 300 });
      await rejectsWith(client.headManifest('secops/x', 'v1'), 'timeout', /did not answer within 0\.3 s/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
