import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MANIFEST_MEDIA_TYPE, openBundle } from '../../server/src/node/bundle';
import { PolicyCache, PolicyError, pullPolicy, type PolicyContext, type PolicySource } from '../../server/src/node/policy';
import { createRegistryClient, type RegistryClient } from '../../server/src/node/registry';
import { decryptPrivateKey, signArtifact } from '../../server/src/node/signing';
import { ensureCliBuilt, removeDir, runCli } from '../cli/cli-harness';
import { skipUnlessRequired } from '../support/real-client';
import { registryUnavailable, startRegistry, type RunningRegistry } from '../support/registry';
import { KEY_PASSWORD } from './publish';

// Bearer tokens in the pull path, against the real docker-registry in token mode (the registry checks every
// token's expiry itself). A long-lived client (the editor keeps one across refreshes) that is handed an
// already-expired token sees the registry refuse it, fetches a new one once, and the pull succeeds. When the
// credentials have expired too (the token service refuses them), the pull fails naming the cause, without
// the password, and the last good bundle stays active.

describe('policy pull with expired Bearer tokens (real registry, token auth)', function () {
  this.timeout(120_000);
  let registry: RunningRegistry;
  let root: string;
  let context: PolicyContext;
  let client: RegistryClient;
  let password: string;
  const sourceFor = (repository: string): PolicySource => ({ ref: `${registry.host}/${repository}:stable`, publicKeyPem: fs.readFileSync(path.join(root, 'keys', 'bulwark.pub'), 'utf8') });
  const tokensFor = (repository: string) => registry.tokenIssuer!.requests.filter((r) => r.scopes.includes(`repository:${repository}:pull`));

  // In this process (the token service runs here too, so a spawned `bulwark policy push` would wait on it),
  // with its own client: the pulling client's token cache is left alone.
  const push = async (repository: string): Promise<string> => {
    const artifact = openBundle(path.join(root, 'bundle'), '0.1.0').artifact!;
    const pusher = createRegistryClient(registry.host, { credentials: { username: registry.username!, password: registry.password! }, dockerConfigDir: false });
    await pusher.putBlob(repository, artifact.config);
    await pusher.putBlob(repository, artifact.layer);
    const digest = await pusher.putManifest(repository, 'stable', artifact.manifest, MANIFEST_MEDIA_TYPE);
    const key = await decryptPrivateKey(fs.readFileSync(path.join(root, 'keys', 'bulwark.key'), 'utf8'), KEY_PASSWORD);
    await signArtifact(pusher, repository, digest, key, `${registry.host}/${repository}`);
    return digest;
  };

  before(async function () {
    this.timeout(180_000);
    const missing = registryUnavailable();
    if (missing) skipUnlessRequired(this, missing);
    ensureCliBuilt();
    registry = await startRegistry({ auth: 'token' });
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-token-expiry-'));
    for (const args of [['policy', 'init', 'bundle'], ['policy', 'keygen', '--out', 'keys']]) assert.equal(runCli(args, { cwd: root, env: { BULWARK_KEY_PASSWORD: KEY_PASSWORD } }).status, 0);
    password = registry.password!;
    // The credentials are read when a token is fetched: changing `password` is the password expiring.
    const credentials = { username: registry.username!, get password() { return password; } };
    client = createRegistryClient(registry.host, { credentials, dockerConfigDir: false });
    context = { cache: new PolicyCache(path.join(root, 'cache')), engineVersion: '0.1.0', now: () => new Date(), clientFor: () => client };
  });
  after(async () => {
    await registry?.stop();
    if (root) removeDir(root);
  });

  it('an expired token is refused by the registry, replaced once, and the pull succeeds', async () => {
    const first = await push('security/policy');
    assert.equal((await pullPolicy(sourceFor('security/policy'), context)).active.record.digest, first);
    // The client now knows the registry's Bearer challenge and asks for a token before each new scope.
    const second = await push('security/team-policy');
    registry.tokenIssuer!.expireNext(1);
    const before = tokensFor('security/team-policy').length;
    const result = await pullPolicy(sourceFor('security/team-policy'), context);
    assert.equal(result.active.record.digest, second);
    assert.deepEqual(tokensFor('security/team-policy').slice(before).map((r) => [r.auth, r.granted]), [['basic', true], ['basic', true]], 'the expired token, then one fresh one');
    assert.match(registry.log(), /token not to be used after/, 'the registry itself refused the expired token');
  });

  it('expired credentials: the pull fails naming the cause, and the last good bundle stays', async () => {
    const lastGood = context.cache.read(sourceFor('security/policy').ref)?.digest;
    password = 'an-expired-password';
    // A restarted editor: a new client, which must fetch a token with the credentials it has.
    const restarted: PolicyContext = { ...context, clientFor: () => createRegistryClient(registry.host, { credentials: { username: registry.username!, password }, dockerConfigDir: false }) };
    await assert.rejects(pullPolicy(sourceFor('security/policy'), restarted), (err: unknown) => {
      assert.ok(err instanceof PolicyError);
      assert.equal(err.code, 'registry');
      assert.match(err.message, /token service 127\.0\.0\.1:\d+ refused the credentials/);
      assert.doesNotMatch(err.message, /an-expired-password/);
      return true;
    });
    assert.equal(context.cache.read(sourceFor('security/policy').ref)?.digest, lastGood);
    // The long-lived client, asked for a new scope, must fetch a token with the expired password: refused too.
    await push('security/third-policy');
    await assert.rejects(pullPolicy(sourceFor('security/third-policy'), context), (err: unknown) => err instanceof PolicyError && /refused the credentials/.test(err.message));
    assert.equal(context.cache.read(sourceFor('security/third-policy').ref), undefined);
  });
});
