import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTar, writeTar } from '../../server/src/node/bundle';
import { PolicyCache } from '../../server/src/node/policy';
import { runCli, type CliRun } from '../cli/cli-harness';
import { LspTestClient } from '../server/support/lsp-test-client';
import { rawTar } from '../unit/bundle/hostile-tar';
import type { RunningRegistry } from '../support/registry';
import { KEY_PASSWORD, NETCAT_DOCKERFILE as DOCKERFILE, publishExampleBundle, startPolicyRegistry, stopPolicyRegistry } from './publish';

// Air-gapped machines: `bulwark policy export` writes the signed bundle AND its cosign signature from the
// real registry into one OCI layout tar; `bulwark policy import` on a machine with an empty cache and no
// registry verifies it with the same public key as a pull and caches it, so `scan --offline` and the
// language server apply it. A tampered, re-pointed, unsafe or foreign-key archive is refused with its
// cause and the bundle imported before stays in force.

interface JsonReport {
  policy?: { digest: string };
  findings: { ruleId: string; startLine: number; startColumn: number; endColumn: number }[];
}

describe('policy export / import (air-gapped, real registry)', function () {
  this.timeout(120_000);
  let registry: RunningRegistry;
  let root: string;
  let ref: string;
  let digest: string;
  const cache = () => path.join(root, 'offline-cache');
  const cli = (args: string[], extra: Record<string, string> = {}): CliRun =>
    runCli(args, { cwd: root, env: { BULWARK_KEY_PASSWORD: KEY_PASSWORD, BULWARK_CACHE_DIR: cache(), DOCKER_CONFIG: path.join(root, 'docker'), ...extra } });
  const importArchive = (file: string) => cli(['policy', 'import', file, '--key', 'keys/bulwark.pub']);
  const scanOffline = () => cli(['scan', 'ws', '--policy', ref, '--policy-key', 'keys/bulwark.pub', '--offline', '--format', 'json', '--fail-on', 'none']);
  const activeDigest = () => new PolicyCache(cache()).read(ref)?.digest;

  /** The exported archive with some files replaced (the product's tar writer: a well-formed tar). */
  const rewritten = (name: string, change: (files: Map<string, Buffer>) => void) => {
    const files = new Map(readTar(fs.readFileSync(path.join(root, 'bundle.tar'))));
    change(files);
    fs.writeFileSync(path.join(root, name), writeTar(files));
    return name;
  };
  const indexOf = (files: Map<string, Buffer>) =>
    JSON.parse((files.get('index.json') as Buffer).toString('utf8')) as { manifests: { digest: string; size: number; artifactType: string; annotations: Record<string, string> }[] };

  before(async function () {
    ({ registry, root } = await startPolicyRegistry(this, 'export-import', { 'ws/Dockerfile': DOCKERFILE }));
    ({ ref, digest } = publishExampleBundle(root, registry));
  });
  after(() => stopPolicyRegistry(registry, root));

  it('export from the registry writes the bundle with its signature manifest and payload', () => {
    const run = cli(['policy', 'export', ref, '-o', 'bundle.tar']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `Exported ${ref}@${digest} with its signature → bundle.tar\n`);
    const files = readTar(fs.readFileSync(path.join(root, 'bundle.tar')));
    const index = indexOf(new Map(files));
    assert.deepEqual(index.manifests.map((m) => m.artifactType), ['application/vnd.bulwark.policy.v1', 'application/vnd.dev.cosign.simplesigning.v1+json']);
    assert.equal(index.manifests[0].digest, digest);
    // bundle manifest, config, layer + signature manifest, its config, one payload
    assert.equal([...files.keys()].filter((p) => p.startsWith('blobs/sha256/')).length, 6);
  });

  it('import on an empty cache, with the registry gone: scan --offline and the language server apply it', async () => {
    await registry.stop();
    assert.equal(fs.existsSync(cache()), false);
    const imported = importArchive('bundle.tar');
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, new RegExp(`^Imported bundle 0\\.1\\.0 ${ref.replace(/[.:]/g, '\\$&')}@${digest} \\(signature verified\\)\\n$`));
    assert.equal(activeDigest(), digest);
    const scan = scanOffline();
    assert.equal(scan.status, 0, scan.stderr);
    const report = JSON.parse(scan.stdout) as JsonReport;
    assert.equal(report.policy?.digest, digest);
    assert.deepEqual(report.findings.filter((f) => f.ruleId === 'example-run-netcat').map((f) => [f.startLine, f.startColumn, f.endColumn]), [[2, 5, 7]]);

    const client = await LspTestClient.start({
      mode: 'pull',
      initializationOptions: { policy: { ref, publicKey: path.join(root, 'keys', 'bulwark.pub') } },
      env: { BULWARK_CACHE_DIR: cache() },
    });
    try {
      const uri = pathToFileURL(path.join(root, 'ws', 'Dockerfile')).href;
      client.open(uri, 'dockerfile', DOCKERFILE);
      const codes = (await client.pull(uri)).map((d) => d.code);
      assert.ok(codes.includes('example-run-netcat'), JSON.stringify(codes));
    } finally {
      await client.stop();
    }
  });

  const refusals: [string, () => string, RegExp][] = [
    ['a byte changed inside a blob', () => rewritten('flipped.tar', (files) => {
      const layer = [...files.keys()].filter((p) => p.startsWith('blobs/')).sort((a, b) => (files.get(b) as Buffer).length - (files.get(a) as Buffer).length)[0];
      const bytes = Buffer.from(files.get(layer) as Buffer);
      bytes[bytes.length >> 1] ^= 0xff;
      files.set(layer, bytes);
    }), /does not match its digest \(the archive was altered\)/],
    ['the index pointed at another, consistent bundle, its signature moved along', () => rewritten('repointed.tar', (files) => {
      const manifest = JSON.parse((files.get(`blobs/sha256/${digest.slice(7)}`) as Buffer).toString('utf8')) as { annotations: Record<string, string> };
      manifest.annotations['org.opencontainers.image.version'] = '9.9.9';
      const bytes = Buffer.from(JSON.stringify(manifest));
      const hex = createHash('sha256').update(bytes).digest('hex');
      files.set(`blobs/sha256/${hex}`, bytes);
      const index = indexOf(files);
      index.manifests[0] = { ...index.manifests[0], digest: `sha256:${hex}`, size: bytes.length };
      // The original signature, now found under the new digest's .sig tag: it still signs the old digest.
      index.manifests[1].annotations['org.opencontainers.image.ref.name'] = `sha256-${hex}.sig`;
      files.set('index.json', Buffer.from(JSON.stringify(index)));
    }), /payload signs sha256:[a-f0-9]{64}, but the manifest served is sha256:/],
    ['a tar entry with ..', () => {
      fs.writeFileSync(path.join(root, 'traversal.tar'), rawTar([{ name: 'oci-layout', content: '{"imageLayoutVersion":"1.0.0"}' }, { name: '../escape', content: 'x' }]));
      return 'traversal.tar';
    }, /\.\./],
    ['a tar with a symlink', () => {
      fs.writeFileSync(path.join(root, 'link.tar'), rawTar([{ name: 'oci-layout', type: '2', linkname: '/etc/passwd' }]));
      return 'link.tar';
    }, /link/i],
  ];
  for (const [what, make, message] of refusals) {
    it(`refuses ${what} (exit 2, the cause named) and keeps the bundle imported before`, () => {
      const run = importArchive(make());
      assert.equal(run.status, 2, run.stdout);
      assert.match(run.stderr, message);
      assert.equal(activeDigest(), digest);
      const scan = scanOffline();
      assert.equal(scan.status, 0, scan.stderr);
      assert.ok((JSON.parse(scan.stdout) as JsonReport).findings.some((f) => f.ruleId === 'example-run-netcat'));
    });
  }

  it('a source folder exported and signed with another key is refused by the organisation key', () => {
    const keygen = cli(['policy', 'keygen', '--out', 'other-keys']);
    assert.equal(keygen.status, 0, keygen.stderr);
    const exported = cli(['policy', 'export', 'bundle', '-o', 'foreign.tar', '--key', 'other-keys/bulwark.key', '--ref', ref]);
    assert.equal(exported.status, 0, exported.stderr);
    const run = importArchive('foreign.tar');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /does not verify with the given public key/);
    assert.equal(activeDigest(), digest);
  });

  it('a source folder exported with the organisation key imports with the digest a push gives', () => {
    const exported = cli(['policy', 'export', 'bundle', '-o', 'local.tar', '--key', 'keys/bulwark.key', '--ref', ref]);
    assert.equal(exported.status, 0, exported.stderr);
    const run = cli(['policy', 'import', 'local.tar', '--key', 'keys/bulwark.pub'], { BULWARK_CACHE_DIR: path.join(root, 'cache-2') });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(new PolicyCache(path.join(root, 'cache-2')).read(ref)?.digest, digest);
  });

  it('the editor imports an archive (bulwark/importPolicy): a tampered one is refused and changes nothing, the real one applies', async () => {
    const lspCache = path.join(root, 'lsp-cache');
    const client = await LspTestClient.start({
      mode: 'pull',
      initializationOptions: { policy: { ref, publicKey: path.join(root, 'keys', 'bulwark.pub') } },
      env: { BULWARK_CACHE_DIR: lspCache },
    });
    try {
      const uri = pathToFileURL(path.join(root, 'ws', 'Dockerfile')).href;
      client.open(uri, 'dockerfile', DOCKERFILE);
      const codes = async () => (await client.pull(uri)).map((d) => d.code);
      assert.ok(!(await codes()).includes('example-run-netcat'), 'no bundle yet: the registry is gone and the cache empty');

      const refused = await client.request<{ status: { state: string }; error?: string }>('bulwark/importPolicy', { archive: path.join(root, 'flipped.tar') });
      assert.match(refused.error ?? '', /does not match its digest/);
      assert.notEqual(refused.status.state, 'verified');
      assert.equal(new PolicyCache(lspCache).read(ref), undefined, 'nothing cached');

      const missing = await client.request<{ error?: string }>('bulwark/importPolicy', { archive: path.join(root, 'no-such.tar') });
      assert.match(missing.error ?? '', /does not exist/);

      const imported = await client.request<{ status: { state: string; digest?: string }; error?: string }>('bulwark/importPolicy', { archive: path.join(root, 'bundle.tar') });
      assert.equal(imported.error, undefined);
      assert.deepEqual([imported.status.state, imported.status.digest], ['verified', digest]);
      assert.equal(new PolicyCache(lspCache).read(ref)?.digest, digest);
      await client.until(() => client.refreshRequests > 0, 10_000, 'a diagnostics refresh after the import');
      assert.ok((await codes()).includes('example-run-netcat'));
    } finally {
      await client.stop();
    }
  });
});
