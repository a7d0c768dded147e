import * as assert from 'node:assert/strict';
import { parseChallenges } from '../../../server/src/node/registry/challenge';
import { hostKey } from '../../../server/src/node/registry/docker-credentials';
import { resolveProxy, usesProxy } from '../../../server/src/node/registry/proxy';

describe('WWW-Authenticate challenges', () => {
  it('reads a registry bearer challenge with quoted parameters', () => {
    assert.deepEqual(parseChallenges('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:org/policy:pull"'), [
      { scheme: 'bearer', params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:org/policy:pull' } },
    ]);
  });

  it('reads several challenges, token values, escapes and odd spacing', () => {
    assert.deepEqual(parseChallenges('Basic realm="Registry Realm", Bearer realm="https://a/t?x=1" , service=svc,error="invalid_token"'), [
      { scheme: 'basic', params: { realm: 'Registry Realm' } },
      { scheme: 'bearer', params: { realm: 'https://a/t?x=1', service: 'svc', error: 'invalid_token' } },
    ]);
    assert.deepEqual(parseChallenges('Basic realm="say \\"hi\\""'), [{ scheme: 'basic', params: { realm: 'say "hi"' } }]);
  });

  it('survives garbage without throwing or looping', () => {
    assert.deepEqual(parseChallenges(undefined), []);
    assert.deepEqual(parseChallenges(''), []);
    assert.deepEqual(parseChallenges('=,=,"'), []);
    assert.deepEqual(parseChallenges('Bearer realm="unterminated'), [{ scheme: 'bearer', params: { realm: 'unterminated' } }]);
  });
});

describe("Docker config host keys", () => {
  it('maps every spelling of a registry to one key', () => {
    assert.equal(hostKey('https://index.docker.io/v1/'), 'docker.io');
    assert.equal(hostKey('registry-1.docker.io'), 'docker.io');
    assert.equal(hostKey('docker.io'), 'docker.io');
    assert.equal(hostKey('http://127.0.0.1:5000/v2/'), '127.0.0.1:5000');
    assert.equal(hostKey('Registry.Acme.Example'), 'registry.acme.example');
    assert.notEqual(hostKey('registry.acme.example:5000'), hostKey('registry.acme.example'));
  });
});

describe('proxy selection', () => {
  const proxy = (noProxy: string[], bypassLoopback = false) => ({ url: new URL('http://proxy.corp:3128'), noProxy, bypassLoopback });
  const via = (url: string, p: ReturnType<typeof proxy>, loopback = false) => usesProxy(new URL(url), p, loopback);

  it('tunnels HTTPS unless noProxy names the host, a parent domain, or the host and port', () => {
    assert.equal(via('https://registry.acme.example/v2/', proxy([])), true);
    assert.equal(via('https://registry.acme.example/v2/', proxy(['acme.example'])), false);
    assert.equal(via('https://registry.acme.example/v2/', proxy(['.acme.example'])), false);
    assert.equal(via('https://registry.acme.example/v2/', proxy(['*.acme.example'])), false);
    assert.equal(via('https://registry.acme.example.evil.com/v2/', proxy(['acme.example'])), true);
    assert.equal(via('https://registry.acme.example:5000/v2/', proxy(['registry.acme.example:443'])), true);
    assert.equal(via('https://registry.acme.example/v2/', proxy(['registry.acme.example:443'])), false);
    assert.equal(via('https://anything.example/v2/', proxy(['*'])), false);
  });

  it('never proxies plain HTTP; environment proxies skip loopback, explicit ones do not', () => {
    assert.equal(via('http://127.0.0.1:5000/v2/', proxy([])), false);
    assert.equal(via('https://127.0.0.1:5000/v2/', proxy([], true), true), false);
    assert.equal(via('https://127.0.0.1:5000/v2/', proxy([], false), true), true);
  });

  it('reads HTTPS_PROXY and NO_PROXY, and lets an explicit setting or false win', () => {
    const env = { HTTPS_PROXY: 'proxy.corp:3128', NO_PROXY: 'a.example, .b.example' };
    assert.deepEqual(resolveProxy(undefined, env), { url: new URL('http://proxy.corp:3128'), noProxy: ['a.example', '.b.example'], bypassLoopback: true });
    assert.equal(resolveProxy(false, env), undefined);
    assert.equal(resolveProxy(undefined, {}), undefined);
    assert.equal(resolveProxy({ url: 'http://other:8080' }, env)?.url.host, 'other:8080');
    assert.throws(() => resolveProxy({ url: 'https://secure-proxy:443' }, {}), /only http:\/\/ proxies/);
  });
});
