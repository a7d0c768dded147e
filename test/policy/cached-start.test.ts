import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PolicyCache, PolicyError, loadCachedPolicy, pullPolicy, type PolicyContext, type PolicySource } from '../../server/src/node/policy';
import type { RunningRegistry } from '../support/registry';
import { publishExampleBundle, startPolicyRegistry, stopPolicyRegistry } from './publish';

// Start-up from the cache (docs/security.md "The policy cache"): a pull keeps, beside the image-layout
// tar, the bundle in its validated form, and a cached start reads that form instead of re-validating the
// tar's YAML. The form is used only for the digest the configured key signed and only while intact;
// otherwise the tar is validated in full and the form written again.

describe('cached policy start-up (real registry)', function () {
  this.timeout(120_000);
  let registry: RunningRegistry;
  let root: string;
  let source: PolicySource;
  let context: PolicyContext;
  let digest: string;
  const bundlesDir = () => path.join(root, 'cache', 'policy', 'bundles');
  const preparedFile = () => {
    const names = fs.readdirSync(bundlesDir()).filter((n) => n.endsWith('.json'));
    assert.equal(names.length, 1, `one validated form: ${names.join(', ')}`);
    return path.join(bundlesDir(), names[0]);
  };
  const ruleIds = () => loadCachedPolicy(source, context)?.bundle.packs.flatMap((p) => p.rules.map((r) => r.meta.id));

  before(async function () {
    ({ registry, root } = await startPolicyRegistry(this, 'cached-start'));
    const published = publishExampleBundle(root, registry);
    digest = published.digest;
    source = { ref: published.ref, publicKeyPem: fs.readFileSync(path.join(root, 'keys', 'bulwark.pub'), 'utf8') };
    context = { cache: new PolicyCache(path.join(root, 'cache')), engineVersion: '0.1.0', now: () => new Date(), registry: { env: {} } };
    await pullPolicy(source, context);
    await registry.stop();
  });
  after(() => stopPolicyRegistry(registry, root));

  it('a pull stores the validated form beside the tar, named by the digest', () => {
    const hex = digest.slice('sha256:'.length);
    const names = fs.readdirSync(bundlesDir()).sort();
    assert.equal(names.length, 2, names.join(', '));
    assert.equal(names[1], `sha256-${hex}.tar`);
    assert.match(names[0], new RegExp(`^sha256-${hex}\\.[a-f0-9]{16}\\.json$`));
    assert.deepEqual(ruleIds(), ['example-run-netcat']);
  });

  it('a damaged validated form is not used: the tar is validated again and the form rewritten', () => {
    const file = preparedFile();
    const good = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.concat([good.subarray(0, good.length - 40), Buffer.from('x'.repeat(40))]));
    assert.deepEqual(ruleIds(), ['example-run-netcat']);
    assert.deepEqual(fs.readFileSync(file), good, 'the form is written again from the tar');
  });

  it('with an intact validated form, start-up does not read the tar at all', () => {
    const tar = path.join(bundlesDir(), `sha256-${digest.slice('sha256:'.length)}.tar`);
    const good = fs.readFileSync(tar);
    try {
      fs.writeFileSync(tar, 'not a tar');
      assert.deepEqual(ruleIds(), ['example-run-netcat']);
      // Without the form the damaged tar is read, and refused: nothing unverified is applied.
      fs.rmSync(preparedFile());
      assert.throws(() => loadCachedPolicy(source, context), (err: unknown) => err instanceof PolicyError && err.code === 'invalid');
    } finally {
      fs.writeFileSync(tar, good);
    }
    assert.deepEqual(ruleIds(), ['example-run-netcat']);
  });

  it('another configured key refuses the cached bundle, validated form or not', () => {
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    assert.throws(
      () => loadCachedPolicy({ ...source, publicKeyPem: otherKey }, context),
      (err: unknown) => err instanceof PolicyError && err.code === 'signature' && /another public key/.test(err.message),
    );
  });

  it('a record pointing at another digest fails its signature check before any form is read', () => {
    const refsDir = path.join(root, 'cache', 'policy', 'refs');
    const [recordName] = fs.readdirSync(refsDir);
    const recordFile = path.join(refsDir, recordName);
    const good = fs.readFileSync(recordFile, 'utf8');
    const other = 'sha256:' + 'd'.repeat(64);
    const prepared = preparedFile();
    const otherBase = path.join(bundlesDir(), `sha256-${'d'.repeat(64)}`);
    try {
      fs.writeFileSync(recordFile, good.replace(digest, other));
      fs.copyFileSync(path.join(bundlesDir(), `sha256-${digest.slice(7)}.tar`), `${otherBase}.tar`);
      fs.copyFileSync(prepared, `${otherBase}${path.basename(prepared).slice(`sha256-${digest.slice(7)}`.length)}`);
      assert.throws(() => loadCachedPolicy(source, context), (err: unknown) => err instanceof PolicyError && err.code === 'signature' && /no longer verifies/.test(err.message));
    } finally {
      fs.writeFileSync(recordFile, good);
    }
  });
});
