import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRegistryClient, type RegistryClientOptions } from '../../server/src/node/registry';
import { requireRegistry, startRegistry, type RunningRegistry } from '../support/registry';
import { pushArtifact, rejectsWith } from './artifact';

// Authentication against the real docker-registry: htpasswd Basic and token auth (the registry verifies
// tokens from the test's issuer against its rootcertbundle), with explicit credentials, Docker's
// config.json (auths, credsStore, credHelpers through a docker-credential-* program on PATH).

const temporary: string[] = [];
after(() => temporary.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A Docker config folder with `config` as config.json. */
function dockerConfig(config: unknown): string {
  const dir = tempDir('bulwark-docker-config-');
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

/**
 * A real credential-helper program (`docker-credential-<name> get`, server on stdin, JSON on stdout),
 * answering `username`/`secret` for `host` and "not found" otherwise; it logs every server it is asked for.
 */
function credentialHelper(name: string, host: string, username: string, secret: string): { bin: string; asked: () => string[] } {
  const bin = tempDir('bulwark-cred-helper-');
  const log = path.join(bin, 'asked.log');
  const script = `#!/bin/sh
[ "$1" = "get" ] || { echo "unsupported: $1" >&2; exit 1; }
read -r server
printf '%s\\n' "$server" >> '${log}'
if [ "$server" = '${host}' ]; then
  printf '{"ServerURL":"%s","Username":"%s","Secret":"%s"}\\n' "$server" '${username}' '${secret}'
else
  echo "credentials not found in native keychain"
  exit 1
fi
`;
  fs.writeFileSync(path.join(bin, `docker-credential-${name}`), script, { mode: 0o755 });
  return { bin, asked: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : []) };
}

function withPath(bin: string): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
}

for (const mode of ['basic', 'token'] as const) {
  describe(`registry client: ${mode} auth (real docker-registry)`, function () {
    this.timeout(60_000);
    let registry: RunningRegistry;
    let creds: RegistryClientOptions['credentials'];

    before(async function () {
      requireRegistry(this);
      registry = await startRegistry({ auth: mode });
      creds = { username: registry.username!, password: registry.password! };
    });
    after(async () => registry?.stop());

    it('pushes and pulls with explicit credentials', async () => {
      const client = createRegistryClient(registry.host, { credentials: creds, dockerConfigDir: false });
      const pushed = await pushArtifact(client, 'secops/policy', 'v1');
      const fetched = await client.getManifest('secops/policy', 'v1');
      assert.ok(fetched?.bytes.equals(pushed.manifest));
      assert.equal(fetched?.digest, pushed.digest);
      assert.equal((await client.headManifest('secops/policy', 'v1'))?.digest, pushed.digest);
    });

    it('without credentials: unauthorized, saying how to sign in', async () => {
      const client = createRegistryClient(registry.host, { dockerConfigDir: false });
      await rejectsWith(client.getManifest('secops/policy', 'v1'), 'unauthorized', /docker login|sign in/);
    });

    it('a wrong password is unauthorized, and the message never contains it', async () => {
      const wrong = `not-${registry.password!}`;
      const client = createRegistryClient(registry.host, { credentials: { username: registry.username!, password: wrong }, dockerConfigDir: false });
      const error = await rejectsWith(client.getManifest('secops/policy', 'v1'), 'unauthorized', /refused the credentials from the configured credentials/);
      assert.doesNotMatch(error.message, new RegExp(wrong));
      assert.doesNotMatch(error.message, new RegExp(registry.password!));
      assert.doesNotMatch(error.message, /Basic |Bearer /);
    });

    it("reads base64 `auth` from Docker's config.json", async () => {
      const auth = Buffer.from(`${registry.username}:${registry.password}`).toString('base64');
      const dir = dockerConfig({ auths: { [`https://${registry.host}`]: { auth } } });
      const client = createRegistryClient(registry.host, { dockerConfigDir: dir });
      await pushArtifact(client, 'secops/from-config', 'v1');
      assert.ok(await client.headManifest('secops/from-config', 'v1'));
    });

    it('finds $DOCKER_CONFIG/config.json with username and password fields', async () => {
      const dir = dockerConfig({ auths: { [registry.host]: { username: registry.username, password: registry.password } } });
      const client = createRegistryClient(registry.host, { env: { ...process.env, DOCKER_CONFIG: dir } });
      await pushArtifact(client, 'secops/from-env', 'v1');
    });

    it('asks the credsStore helper, with the registry host on stdin', async () => {
      const helper = credentialHelper('bulwarkstore', registry.host, registry.username!, registry.password!);
      const dir = dockerConfig({ auths: { [registry.host]: {} }, credsStore: 'bulwarkstore' });
      const client = createRegistryClient(registry.host, { dockerConfigDir: dir, env: withPath(helper.bin) });
      await pushArtifact(client, 'secops/from-store', 'v1');
      assert.ok(await client.getManifest('secops/from-store', 'v1'));
      assert.deepEqual(helper.asked(), [registry.host], 'asked once per client, for this host');
    });

    it('a credHelpers entry for the host wins over credsStore and auths', async () => {
      const helper = credentialHelper('bulwarkhost', registry.host, registry.username!, registry.password!);
      const store = credentialHelper('bulwarkother', 'elsewhere.example', 'x', 'y');
      const badAuth = Buffer.from(`${registry.username}:wrong`).toString('base64');
      const dir = dockerConfig({ auths: { [registry.host]: { auth: badAuth } }, credsStore: 'bulwarkother', credHelpers: { [registry.host]: 'bulwarkhost' } });
      const env = { ...process.env, PATH: [helper.bin, store.bin, process.env.PATH].join(path.delimiter) };
      const client = createRegistryClient(registry.host, { dockerConfigDir: dir, env });
      await pushArtifact(client, 'secops/from-helper', 'v1');
      assert.deepEqual(helper.asked(), [registry.host]);
      assert.deepEqual(store.asked(), []);
    });

    it('a helper that does not know the host leaves the client anonymous; a missing helper is a clear error', async () => {
      const helper = credentialHelper('bulwarkempty', 'elsewhere.example', 'x', 'y');
      const dir = dockerConfig({ credsStore: 'bulwarkempty' });
      await rejectsWith(createRegistryClient(registry.host, { dockerConfigDir: dir, env: withPath(helper.bin) }).getManifest('secops/policy', 'v1'), 'unauthorized', /docker login/);
      const none = dockerConfig({ credsStore: 'bulwark-not-installed' });
      await rejectsWith(createRegistryClient(registry.host, { dockerConfigDir: none }).getManifest('secops/policy', 'v1'), 'unauthorized', /docker-credential-bulwark-not-installed.*not on PATH/);
    });

    it('a credential helper that hangs is stopped after its timeout', async () => {
      const bin = tempDir('bulwark-cred-helper-');
      fs.writeFileSync(path.join(bin, 'docker-credential-bulwarkslow'), '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
      const dir = dockerConfig({ credsStore: 'bulwarkslow' });
      const client = createRegistryClient(registry.host, { dockerConfigDir: dir, env: withPath(bin), credentialHelperTimeoutMs: 300 });
      await rejectsWith(client.getManifest('secops/policy', 'v1'), 'unauthorized', /docker-credential-bulwarkslow.*did not answer within 0\.3 s/);
    });

    it('a broken config.json is a clear error, not a crash', async () => {
      const dir = tempDir('bulwark-docker-config-');
      fs.writeFileSync(path.join(dir, 'config.json'), '{"auths": {');
      await rejectsWith(createRegistryClient(registry.host, { dockerConfigDir: dir }).getManifest('secops/policy', 'v1'), 'unauthorized', /not valid JSON/);
    });
  });
}

describe('registry client: bearer tokens (real docker-registry, token auth)', function () {
  this.timeout(60_000);
  let registry: RunningRegistry;

  before(async function () {
    requireRegistry(this);
    registry = await startRegistry({ auth: 'token', tokenExpiresIn: 10 });
  });
  after(async () => registry?.stop());

  it('asks the token service once per scope and reuses the token until it expires', async () => {
    const issuer = registry.tokenIssuer!;
    const client = createRegistryClient(registry.host, { credentials: { username: registry.username!, password: registry.password! }, dockerConfigDir: false });
    const pushed = await pushArtifact(client, 'secops/cached', 'v1');
    const afterPush = issuer.requests.length;
    assert.deepEqual(issuer.requests.map((r) => r.scopes), [['repository:secops/cached:pull,push']], 'one token for the whole push');
    for (let i = 0; i < 3; i++) assert.equal((await client.headManifest('secops/cached', 'v1'))?.digest, pushed.digest);
    await client.getManifest('secops/cached', 'v1');
    assert.equal(issuer.requests.length, afterPush + 1, 'one pull token for four reads');
    assert.deepEqual(issuer.requests.at(-1), { method: 'GET', scopes: ['repository:secops/cached:pull'], service: 'bulwark-test-registry', auth: 'basic', granted: true });
    // Lifetime 10 s: renewed after half of it (before the registry could refuse it), never reused later.
    await new Promise((r) => setTimeout(r, 5200));
    await client.headManifest('secops/cached', 'v1');
    assert.equal(issuer.requests.length, afterPush + 2, 'a fresh token after expiry');
  });

  it('concurrent calls share one token request', async () => {
    const issuer = registry.tokenIssuer!;
    const client = createRegistryClient(registry.host, { credentials: { username: registry.username!, password: registry.password! }, dockerConfigDir: false });
    await pushArtifact(client, 'secops/concurrent', 'v1');
    const fresh = createRegistryClient(registry.host, { credentials: { username: registry.username!, password: registry.password! }, dockerConfigDir: false });
    const before = issuer.requests.length;
    const heads = await Promise.all(Array.from({ length: 6 }, () => fresh.headManifest('secops/concurrent', 'v1')));
    assert.equal(new Set(heads.map((h) => h?.digest)).size, 1);
    assert.equal(issuer.requests.length, before + 1);
  });

  it('exchanges an identity token from config.json through the OAuth2 POST flow', async () => {
    const dir = dockerConfig({ auths: { [registry.host]: { identitytoken: registry.identityToken } } });
    const client = createRegistryClient(registry.host, { dockerConfigDir: dir });
    const before = registry.tokenIssuer!.requests.length;
    await pushArtifact(client, 'secops/identity', 'v1');
    const used = registry.tokenIssuer!.requests.slice(before);
    assert.ok(used.length > 0 && used.every((r) => r.method === 'POST' && r.auth === 'refresh-token' && r.granted));
  });

  it('an anonymous token without access is refused as anonymous access', async () => {
    const client = createRegistryClient(registry.host, { dockerConfigDir: false });
    await rejectsWith(client.getManifest('secops/cached', 'v1'), 'unauthorized', /refused anonymous access for secops\/cached:pull/);
  });

  it('the token service refusing the password says so, without the password', async () => {
    const client = createRegistryClient(registry.host, { credentials: { username: registry.username!, password: 'wrong-password-123' }, dockerConfigDir: false });
    const error = await rejectsWith(client.getManifest('secops/cached', 'v1'), 'unauthorized', /token service 127\.0\.0\.1:\d+ refused the credentials/);
    assert.doesNotMatch(error.message, /wrong-password-123/);
  });
});
