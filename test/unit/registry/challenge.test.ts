import * as assert from 'node:assert/strict';
import { parseChallenges } from '../../../server/src/node/registry/challenge';
import { hostKey } from '../../../server/src/node/registry/docker-credentials';

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
