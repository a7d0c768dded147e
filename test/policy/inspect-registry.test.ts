import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, type CliRun } from '../cli/cli-harness';
import type { RunningRegistry } from '../support/registry';
import { KEY_PASSWORD, publishExampleBundle, startPolicyRegistry, stopPolicyRegistry } from './publish';

// `bulwark policy inspect REF` against Debian's real docker-registry: the bundle's digest, rules and
// approved images as the registry holds them, and the signature status judged there: signed by the given
// key, signed but not checked (no key), a bad signature (another key), unsigned.

interface Inspected {
  ref: string;
  digest: string;
  rules: number;
  packs: { id: string; rules: number }[];
  signature: string;
  signatureState: string;
  approvedImages: { registries: number; images: number } | null;
}

describe('policy inspect REF (real registry)', function () {
  this.timeout(120_000);
  let registry: RunningRegistry;
  let root: string;
  let ref: string;
  let digest: string;
  const cli = (args: string[]): CliRun => runCli(args, { cwd: root, env: { BULWARK_KEY_PASSWORD: KEY_PASSWORD, DOCKER_CONFIG: path.join(root, 'docker') } });
  const inspectJson = (args: string[]) => {
    const run = cli(['policy', 'inspect', ...args, '--format', 'json']);
    return { status: run.status, stderr: run.stderr, json: run.stdout ? (JSON.parse(run.stdout) as Inspected) : undefined };
  };

  before(async function () {
    ({ registry, root } = await startPolicyRegistry(this, 'inspect-registry'));
    ({ ref, digest } = publishExampleBundle(root, registry));
  });
  after(() => stopPolicyRegistry(registry, root));

  it('signed by the given key: digest, rules, approved images and the signing identity', () => {
    const run = cli(['policy', 'inspect', ref, '--key', 'keys/bulwark.pub']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines.find((l) => l.startsWith('Digest')), `Digest       ${digest}`);
    assert.equal(lines.find((l) => l.startsWith('Reference')), `Reference    ${ref}`);
    assert.equal(lines.find((l) => l.startsWith('Signature')), `Signature    signed by the given key (signature 1, identity ${registry.host}/security/policy)`);
    assert.equal(lines.find((l) => l.startsWith('Packs')), 'Packs        1 (1 rule)');
    const { json } = inspectJson([ref, '--key', 'keys/bulwark.pub']);
    assert.equal(json?.signatureState, 'verified');
    assert.deepEqual(json?.packs.map((p) => [p.id, p.rules]), [['example', 1]]);
    assert.ok(json?.approvedImages, 'the init bundle carries approved-images.yaml');
  });

  it('without --key: says signatures exist but were not checked', () => {
    const { status, json } = inspectJson([ref]);
    assert.equal(status, 0);
    assert.equal(json?.signature, 'signed (1 signature, not verified: give --key PUB)');
    assert.equal(json?.digest, digest);
  });

  it('another key: a bad signature, exit 1, still showing what is there', () => {
    assert.equal(cli(['policy', 'keygen', '--out', 'other']).status, 0);
    const { status, json } = inspectJson([ref, '--key', 'other/bulwark.pub']);
    assert.equal(status, 1);
    assert.equal(json?.signatureState, 'invalid');
    assert.match(json?.signature ?? '', /^bad signature: none of the 1 signature of .* is valid: signature 1: the signature does not verify with the given public key$/);
    assert.equal(json?.rules, 1);
  });

  it('an unsigned bundle: unsigned, exit 1 with --key', () => {
    const policyFile = path.join(root, 'bundle', 'policy.yaml');
    fs.writeFileSync(policyFile, fs.readFileSync(policyFile, 'utf8').replace('version: 0.1.0', 'version: 0.3.0'));
    const unsignedRef = `${registry.host}/security/policy:unsigned`;
    const push = cli(['policy', 'push', 'bundle', unsignedRef]);
    assert.equal(push.status, 0, push.stderr);
    const { status, json } = inspectJson([unsignedRef, '--key', 'keys/bulwark.pub']);
    assert.equal(status, 1);
    assert.equal(json?.signatureState, 'unsigned');
    assert.match(json?.signature ?? '', /^unsigned \(.* is not signed \(no sha256-[a-f0-9]{64}\.sig in the repository\)\)$/);
    assert.equal(json?.digest, push.stdout.trim().split('@')[1]);
  });
});
