import * as assert from 'node:assert/strict';
import { createRegistryClient } from '../../server/src/node/registry';
import { skipUnlessRequired } from '../support/real-client';
import { proxyUnavailable, startProxy, type RunningProxy } from '../support/http-proxy';
import { freePort, requireRegistry, startRegistry, type RunningRegistry } from '../support/registry';
import { pushArtifact, rejectsWith } from './artifact';

// HTTPS to the real registry through a real HTTP proxy (Debian's tinyproxy), as behind a corporate proxy
// configured in VS Code (http.proxy) or the environment (HTTPS_PROXY).

describe('registry client: through an HTTP proxy (real tinyproxy, real docker-registry over TLS)', function () {
  this.timeout(60_000);
  let registry: RunningRegistry;
  let proxy: RunningProxy;
  const proxyCredentials = { username: 'proxyuser', password: 'proxy-pass-42' };

  before(async function () {
    requireRegistry(this);
    const missing = proxyUnavailable();
    if (missing) skipUnlessRequired(this, missing);
    registry = await startRegistry({ tls: true, auth: 'basic' });
    proxy = await startProxy({ connectPorts: [Number(registry.host.split(':')[1])], credentials: proxyCredentials });
  });
  after(async () => {
    await proxy?.stop();
    await registry?.stop();
  });

  const credentials = (): { username: string; password: string } => ({ username: registry.username!, password: registry.password! });

  it('tunnels HTTPS through the proxy (CONNECT) and still verifies the registry certificate', async () => {
    const client = createRegistryClient(registry.host, { caFile: registry.caFile, credentials: credentials(), dockerConfigDir: false, proxy: { url: proxy.url } });
    const pushed = await pushArtifact(client, 'secops/proxied', 'v1');
    assert.equal((await client.getManifest('secops/proxied', 'v1'))?.digest, pushed.digest);
    const tunnels = proxy.log().match(new RegExp(`Request \\(file descriptor \\d+\\): CONNECT ${registry.host.replace(/\./g, '\\.')} `, 'g')) ?? [];
    assert.ok(tunnels.length >= 5, `every request went through the proxy (${tunnels.length} CONNECTs)`);
    const untrusting = createRegistryClient(registry.host, { credentials: credentials(), dockerConfigDir: false, proxy: { url: proxy.url } });
    await rejectsWith(untrusting.headManifest('secops/proxied', 'v1'), 'unreachable', /not trusted/);
  });

  it('proxy credentials that the proxy refuses are a clear error that does not show them', async () => {
    const wrong = proxy.url.replace(encodeURIComponent(proxyCredentials.password), 'nope-nope');
    const client = createRegistryClient(registry.host, { caFile: registry.caFile, credentials: credentials(), dockerConfigDir: false, proxy: { url: wrong } });
    const error = await rejectsWith(client.headManifest('secops/proxied', 'v1'), 'unreachable', /proxy 127\.0\.0\.1:\d+ refused to connect .*proxy credentials/);
    assert.doesNotMatch(error.message, /nope-nope|proxy-pass-42/);
  });

  it('noProxy sends the registry direct; a proxy that is down is named in the error', async () => {
    const deadPort = await freePort();
    const direct = createRegistryClient(registry.host, { caFile: registry.caFile, credentials: credentials(), dockerConfigDir: false, proxy: { url: `http://127.0.0.1:${deadPort}`, noProxy: ['127.0.0.1'] } });
    assert.ok(await direct.headManifest('secops/proxied', 'v1'));
    const viaDead = createRegistryClient(registry.host, { caFile: registry.caFile, credentials: credentials(), dockerConfigDir: false, proxy: { url: `http://127.0.0.1:${deadPort}` } });
    await rejectsWith(viaDead.headManifest('secops/proxied', 'v1'), 'unreachable', new RegExp(`cannot reach the proxy 127\\.0\\.0\\.1:${deadPort}`));
  });

  it('HTTPS_PROXY from the environment never applies to loopback registries', async () => {
    const deadPort = await freePort();
    const env = { ...process.env, HTTPS_PROXY: `http://127.0.0.1:${deadPort}`, NO_PROXY: '' };
    const client = createRegistryClient(registry.host, { caFile: registry.caFile, credentials: credentials(), dockerConfigDir: false, env });
    assert.ok(await client.headManifest('secops/proxied', 'v1'));
  });

  it('an unusable proxy setting fails every call instead of going direct', async () => {
    const client = createRegistryClient(registry.host, { caFile: registry.caFile, credentials: credentials(), dockerConfigDir: false, proxy: { url: 'socks5://127.0.0.1:1080' } });
    await rejectsWith(client.headManifest('secops/proxied', 'v1'), 'protocol', /only http:\/\/ proxies/);
  });
});
