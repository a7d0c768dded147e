import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRegistryClient, type RegistryClient } from '../../server/src/node/registry';
import { decryptPrivateKey, parseSignatureManifest, signArtifact, signatureTag } from '../../server/src/node/signing';
import { ensureCliBuilt, runCli } from '../cli/cli-harness';
import { pushArtifact } from '../registry/artifact';
import { skipUnlessRequired } from '../support/real-client';
import { registryUnavailable, startRegistry, type RunningRegistry } from '../support/registry';

// `bulwark policy sign` and `verify` as real processes against the real registry: exit codes 0 / 1 / 2
// and messages that name the cause.

describe('cli: bulwark policy sign / verify (real docker-registry)', function () {
  this.timeout(120_000);
  let registry: RunningRegistry;
  let client: RegistryClient;
  let work: string;
  const env = { BULWARK_KEY_PASSWORD: 'cli-pw', COSIGN_PASSWORD: undefined, DOCKER_CONFIG: '' };

  before(async function () {
    const missing = registryUnavailable();
    if (missing) skipUnlessRequired(this, missing);
    ensureCliBuilt();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cli-sign-'));
    env.DOCKER_CONFIG = path.join(work, 'docker');
    for (const who of ['alice', 'bob']) {
      const run = runCli(['policy', 'keygen', '--out', path.join(work, who)], { env });
      assert.equal(run.status, 0, run.stderr);
    }
    registry = await startRegistry();
    client = createRegistryClient(registry.host, { dockerConfigDir: false });
  });
  after(async () => {
    await registry?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  const key = (who: string, file: 'bulwark.key' | 'bulwark.pub'): string => path.join(work, who, file);

  it('signs a tag, then verifies it: exit 0, the pinned digest printed', async () => {
    const { digest } = await pushArtifact(client, 'acme/policy', 'v1');
    const ref = `${registry.host}/acme/policy:v1`;
    const sign = runCli(['policy', 'sign', ref, '--key', key('alice', 'bulwark.key')], { env });
    assert.equal(sign.status, 0, sign.stderr);
    assert.equal(sign.stdout, `Signed ${registry.host}/acme/policy@${digest}\nSignature ${registry.host}/acme/policy:${signatureTag(digest)} (1 signature)\n`);
    const stored = parseSignatureManifest((await client.getManifest('acme/policy', signatureTag(digest)))!.bytes);
    assert.ok(stored.ok && stored.manifest.signatures.length === 1);

    const verify = runCli(['policy', 'verify', ref, '--key', key('alice', 'bulwark.pub')], { env });
    assert.equal(verify.status, 0, verify.stderr);
    assert.equal(verify.stdout, `Verified ${registry.host}/acme/policy@${digest}\nSignature 1, for ${registry.host}/acme/policy\n`);
    const byDigest = runCli(['policy', 'verify', `${registry.host}/acme/policy@${digest}`, '--key', key('bob', 'bulwark.pub'), '--key', key('alice', 'bulwark.pub')], { env });
    assert.equal(byDigest.status, 0, byDigest.stderr);
    assert.match(byDigest.stdout, new RegExp(`Signature 1 by ${key('alice', 'bulwark.pub')}, for `));
  });

  it('with --match-repository, refuses a signature that names another repository', async () => {
    const { digest } = await pushArtifact(client, 'acme/mirror', 'v1');
    const alice = await decryptPrivateKey(fs.readFileSync(key('alice', 'bulwark.key'), 'utf8'), env.BULWARK_KEY_PASSWORD);
    await signArtifact(client, 'acme/mirror', digest, alice, `${registry.host}/acme/original`);
    const ref = `${registry.host}/acme/mirror:v1`;
    const plain = runCli(['policy', 'verify', ref, '--key', key('alice', 'bulwark.pub')], { env });
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stdout, /Signature 1, for .*\/acme\/original\n$/);
    const strict = runCli(['policy', 'verify', ref, '--key', key('alice', 'bulwark.pub'), '--match-repository'], { env });
    assert.equal(strict.status, 1);
    assert.match(strict.stderr, new RegExp(`signature 1: the payload names ${registry.host}/acme/original, not ${registry.host}/acme/mirror\n$`));
  });

  it('exits 1 naming the cause: another key, an unsigned bundle', async () => {
    const { digest } = await pushArtifact(client, 'acme/policy2', 'v1');
    const ref = `${registry.host}/acme/policy2:v1`;
    const unsigned = runCli(['policy', 'verify', ref, '--key', key('alice', 'bulwark.pub')], { env });
    assert.equal(unsigned.status, 1);
    assert.equal(unsigned.stderr, `bulwark: verification failed: ${registry.host}/acme/policy2@${digest} is not signed (no ${signatureTag(digest)} in the repository)\n`);
    assert.equal(runCli(['policy', 'sign', ref, '--key', key('bob', 'bulwark.key')], { env }).status, 0);
    const other = runCli(['policy', 'verify', ref, '--key', key('alice', 'bulwark.pub')], { env });
    assert.equal(other.status, 1);
    assert.match(other.stderr, /signature 1: the signature does not verify with the given public key\n$/);
  });

  it('exits 2 for a wrong password, a missing or wrong key file, a bad or unknown reference, an unreachable registry', async () => {
    await pushArtifact(client, 'acme/policy3', 'v1');
    const ref = `${registry.host}/acme/policy3:v1`;
    const cases: [string[], Record<string, string | undefined>, RegExp][] = [
      [['sign', ref, '--key', key('alice', 'bulwark.key')], { ...env, BULWARK_KEY_PASSWORD: 'nope' }, /^bulwark: wrong password for the private key \(it does not decrypt\)\n$/],
      [['sign', ref, '--key', key('alice', 'bulwark.pub')], env, /the private key is a PEM "PUBLIC KEY", expected "ENCRYPTED COSIGN PRIVATE KEY"/],
      [['sign', ref, '--key', path.join(work, 'missing.key')], env, /cannot read the private key .*missing\.key: ENOENT/],
      [['sign', ref], env, /missing --key KEY/],
      [['verify', ref, '--key', key('alice', 'bulwark.key')], env, /expected "PUBLIC KEY" \(the .pub file, not the private key\)/],
      [['verify', 'Not A Ref', '--key', key('alice', 'bulwark.pub')], env, /invalid image reference/],
      [['verify', `${registry.host}/acme/policy3:nope`, '--key', key('alice', 'bulwark.pub')], env, /acme\/policy3:nope does not exist in the registry/],
      [['verify', '127.0.0.1:9/acme/policy3:v1', '--key', key('alice', 'bulwark.pub')], env, /127\.0\.0\.1:9/],
      [['verify', ref, ref, '--key', key('alice', 'bulwark.pub')], env, /expected one REF, got 2/],
    ];
    for (const [args, runEnv, message] of cases) {
      const run = runCli(['policy', ...args], { env: runEnv });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.doesNotMatch(run.stderr, /internal error|\n\s+at /, args.join(' '));
    }
    assert.equal((await client.getManifest('acme/policy3', signatureTag((await client.headManifest('acme/policy3', 'v1'))!.digest))), undefined, 'nothing was signed');
  });
});

// The same commands against a registry that needs Basic auth over TLS with a private CA: credentials come
// from Docker's config.json ($DOCKER_CONFIG), the CA from --ca-file.
describe('cli: bulwark policy sign / verify with Basic auth over TLS (real docker-registry)', function () {
  this.timeout(120_000);
  let registry: RunningRegistry;
  let work: string;
  const env = { BULWARK_KEY_PASSWORD: 'tls-pw', COSIGN_PASSWORD: undefined, DOCKER_CONFIG: '' };

  before(async function () {
    const missing = registryUnavailable();
    if (missing) skipUnlessRequired(this, missing);
    ensureCliBuilt();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cli-sign-tls-'));
    env.DOCKER_CONFIG = path.join(work, 'docker');
    assert.equal(runCli(['policy', 'keygen', '--out', path.join(work, 'k')], { env }).status, 0);
    registry = await startRegistry({ auth: 'basic', tls: true });
  });
  after(async () => {
    await registry?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('signs and verifies with config.json credentials and --ca-file; without them exits 2 naming the cause', async () => {
    const client = createRegistryClient(registry.host, { dockerConfigDir: false, caFile: registry.caFile, credentials: { username: registry.username!, password: registry.password! } });
    const { digest } = await pushArtifact(client, 'acme/tls', 'v1');
    const ref = `${registry.host}/acme/tls:v1`;
    const pub = path.join(work, 'k', 'bulwark.pub');

    const noCa = runCli(['policy', 'verify', ref, '--key', pub], { env });
    assert.equal(noCa.status, 2);
    assert.match(noCa.stderr, /^bulwark: TLS: the certificate of .* is not trusted .*--ca-file/);

    const noCredentials = runCli(['policy', 'verify', ref, '--key', pub, '--ca-file', registry.caFile!], { env });
    assert.equal(noCredentials.status, 2);
    assert.match(noCredentials.stderr, /^bulwark: .* requires credentials: run "docker login/);

    fs.mkdirSync(env.DOCKER_CONFIG, { recursive: true });
    const auth = Buffer.from(`${registry.username}:${registry.password}`).toString('base64');
    fs.writeFileSync(path.join(env.DOCKER_CONFIG, 'config.json'), JSON.stringify({ auths: { [registry.host]: { auth } } }));
    const sign = runCli(['policy', 'sign', ref, '--key', path.join(work, 'k', 'bulwark.key'), '--ca-file', registry.caFile!], { env });
    assert.equal(sign.status, 0, sign.stderr);
    const verify = runCli(['policy', 'verify', ref, '--key', pub, '--ca-file', registry.caFile!], { env });
    assert.equal(verify.status, 0, verify.stderr);
    assert.equal(verify.stdout.split('\n')[0], `Verified ${registry.host}/acme/tls@${digest}`);
    for (const run of [noCa, noCredentials, sign, verify]) assert.ok(!`${run.stdout}${run.stderr}`.includes(registry.password!), 'the registry password never appears');
  });
});
