import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { ImageDigestResolver } from '../../server/src/node/image-digests';
import { MANIFEST_ACCEPT, OCI_INDEX } from '../../server/src/node/registry/media-types';
import { ensureCliBuilt, parseJson, removeDir, runCli } from '../cli/cli-harness';
import { startImageRegistry, type ImageRegistry } from '../support/image-registry';
import { skopeoRawDigest } from '../support/oci-images';

// Issue 6: the digest a registry serves for a tag, looked up with a HEAD on the manifest, and the pins
// and replacements written from it, against Debian's real docker-registry on loopback with images
// copied in by skopeo.

/** The Docker-Content-Digest a GET with every manifest type accepted answers, as a second witness. */
function servedDigest(ref: string): Promise<{ digest: string; type: string }> {
  const slash = ref.indexOf('/');
  const colon = ref.lastIndexOf(':');
  const url = `http://${ref.slice(0, slash)}/v2/${ref.slice(slash + 1, colon)}/manifests/${ref.slice(colon + 1)}`;
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { accept: MANIFEST_ACCEPT } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ digest: String(res.headers['docker-content-digest']), type: String(res.headers['content-type']) }));
      })
      .on('error', reject);
  });
}

describe('image digests: HEAD on the manifest of a real registry (docker-registry + skopeo)', function () {
  this.timeout(120_000);
  let images: ImageRegistry;
  let work: string;

  before(async function () {
    images = await startImageRegistry(this);
    ensureCliBuilt();
  });
  after(async () => images?.stop());
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-pin-'));
  });
  afterEach(() => removeDir(work));

  it('answers exactly the digest the registry serves, for an OCI image, a Docker v2 image and an index of two platforms', async () => {
    const resolver = new ImageDigestResolver({ client: { dockerConfigDir: false } });
    const seen = new Set<string>();
    for (const ref of [images.node, images.tool, images.multi]) {
      const found = await resolver.lookup(ref);
      assert.ok(found.ok, found.ok ? '' : found.reason);
      assert.equal(found.digest, skopeoRawDigest(ref), `${ref}: sha256 of skopeo inspect --raw`);
      assert.equal(found.digest, (await servedDigest(ref)).digest, `${ref}: Docker-Content-Digest`);
      seen.add(found.digest);
    }
    assert.equal(seen.size, 3);
    assert.equal((await servedDigest(images.multi)).type, OCI_INDEX, 'the tag names the index, not one platform');
    assert.equal((await servedDigest(images.tool)).type, 'application/vnd.docker.distribution.manifest.v2+json');
  });

  it('says why when there is no digest to give: a missing tag, an unreachable registry, a reference already pinned', async () => {
    const resolver = new ImageDigestResolver({ client: { dockerConfigDir: false }, timeoutMs: 5000 });
    const missing = await resolver.lookup(`${images.registry.host}/base/node:19`);
    assert.deepEqual(missing, { ok: false, reason: `${images.registry.host}/base/node:19 is not in ${images.registry.host} (no manifest for tag 19)` });
    const dead = await resolver.lookup(`${images.deadHost}/x/y:1`);
    assert.equal(dead.ok, false);
    assert.match(dead.ok ? '' : dead.reason, /ECONNREFUSED|refused|cannot reach|unreachable/i);
    const pinned = await resolver.lookup(`${images.node}@sha256:${'a'.repeat(64)}`);
    assert.equal(pinned.ok, false);
  });

  it('bulwark scan --fix --pin-digests pins every image of a Dockerfile and a manifest to the served digest, and leaves the unreachable one with a notice', () => {
    const dead = `${images.deadHost}/x/y:1`;
    const dockerfile = [`FROM ${images.node} AS build`, `COPY --from=${images.tool} /hello.txt /x`, `FROM ${images.multi}`, `FROM ${dead}`, 'FROM build', ''].join('\n');
    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: { name: p }',
      'spec:',
      '  containers:',
      `    - { name: a, image: "${images.multi}" }`,
      `    - { name: b, image: ${images.node}@${skopeoRawDigest(images.node)} }`,
      '',
    ].join('\n');
    fs.writeFileSync(path.join(work, 'Dockerfile'), dockerfile);
    fs.writeFileSync(path.join(work, 'pod.yaml'), manifest);
    const run = runCli(['scan', '.', '--fix', '--pin-digests', '--format', 'json', '--fail-on', 'none'], { cwd: work, env: { DOCKER_CONFIG: work } });
    assert.equal(run.status, 0, run.stderr);
    const pin = (ref: string) => `${ref}@${skopeoRawDigest(ref)}`;
    assert.equal(
      fs.readFileSync(path.join(work, 'Dockerfile'), 'utf8'),
      [`FROM ${pin(images.node)} AS build`, `COPY --from=${pin(images.tool)} /hello.txt /x`, `FROM ${pin(images.multi)}`, `FROM ${dead}`, 'FROM build', ''].join('\n'),
    );
    assert.equal(fs.readFileSync(path.join(work, 'pod.yaml'), 'utf8'), manifest.replace(`image: "${images.multi}"`, `image: "${pin(images.multi)}"`));
    const report = parseJson(run.stdout) as { files: { path: string; fixesApplied: number }[]; notices: { path: string; code: string; message: string }[] };
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    assert.equal(byPath.get('Dockerfile')?.fixesApplied, 3);
    assert.equal(byPath.get('pod.yaml')?.fixesApplied, 1);
    const skipped = report.notices.filter((n) => n.code === 'pin-skipped');
    assert.deepEqual(skipped.map((n) => n.path), ['Dockerfile']);
    assert.match(skipped[0].message, new RegExp(`^${dead.replace(/\./g, '\\.')} was not pinned to a digest: `));
  });

  it('--pin-digests leaves an image as written where a bulwark-ignore of its digest-pin rule covers it, as it hides the finding; an expired one covers nothing', () => {
    const dead = `${images.deadHost}/x/y:1`;
    const dockerfile = [
      '# bulwark-ignore docker-image-not-digest-pinned reason="follows the nightly build"',
      `FROM ${images.node} AS build`,
      `COPY --from=${images.tool} /hello.txt /x`,
      '# bulwark-ignore docker-image-not-digest-pinned reason="an old waiver" until=2020-01-31',
      `FROM ${images.multi}`,
      `FROM ${dead} # bulwark-ignore docker-image-not-digest-pinned reason="offline mirror"`,
      'FROM build',
      '',
    ].join('\n');
    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: { name: p }',
      'spec:',
      '  containers:',
      '    - name: a',
      '      # bulwark-ignore k8s-image-not-digest-pinned reason="follows the nightly build"',
      `      image: ${images.multi}`,
      '    - name: b',
      `      image: ${images.node}`,
      '',
    ].join('\n');
    const wholeFile = ['# bulwark-ignore-file k8s-image-not-digest-pinned reason="a sandbox"', manifest].join('\n');
    fs.writeFileSync(path.join(work, 'Dockerfile'), dockerfile);
    fs.writeFileSync(path.join(work, 'pod.yaml'), manifest);
    fs.writeFileSync(path.join(work, 'sandbox.yaml'), wholeFile);
    const run = runCli(['scan', '.', '--fix', '--pin-digests', '--format', 'json', '--fail-on', 'none'], { cwd: work, env: { DOCKER_CONFIG: work } });
    assert.equal(run.status, 0, run.stderr);
    const pin = (ref: string) => `${ref}@${skopeoRawDigest(ref)}`;
    const expected = dockerfile.replace(`COPY --from=${images.tool} `, `COPY --from=${pin(images.tool)} `).replace(`FROM ${images.multi}\n`, `FROM ${pin(images.multi)}\n`);
    assert.equal(fs.readFileSync(path.join(work, 'Dockerfile'), 'utf8'), expected);
    assert.equal(fs.readFileSync(path.join(work, 'pod.yaml'), 'utf8'), manifest.replace(`image: ${images.node}\n`, `image: ${pin(images.node)}\n`));
    assert.equal(fs.readFileSync(path.join(work, 'sandbox.yaml'), 'utf8'), wholeFile);
    const report = parseJson(run.stdout) as { files: { path: string; fixesApplied?: number }[]; notices: { code: string }[] };
    assert.deepEqual(report.files.map((f) => [f.path, f.fixesApplied ?? 0]), [['Dockerfile', 2], ['pod.yaml', 1], ['sandbox.yaml', 0]]);
    assert.deepEqual(report.notices.filter((n) => n.code === 'pin-skipped'), [], 'the suppressed unreachable image is not even looked up');
  });

  it('--fix-dry-run --pin-digests writes nothing; the replacement fix names the approved image pinned to its served digest', () => {
    fs.writeFileSync(path.join(work, 'approved-images.yaml'), [`registries: [${images.registry.host}]`, 'replacements:', '  - from: docker.io/library/node', `    to: ${images.node}`, ''].join('\n'));
    fs.writeFileSync(path.join(work, 'Dockerfile'), 'FROM node:22\n');
    const run = runCli(['scan', 'Dockerfile', '--fix-dry-run', '--pin-digests', '--approved-images', 'approved-images.yaml', '--format', 'json', '--fail-on', 'none'], { cwd: work, env: { DOCKER_CONFIG: work } });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(fs.readFileSync(path.join(work, 'Dockerfile'), 'utf8'), 'FROM node:22\n');
    const report = parseJson(run.stdout) as { findings: { ruleId: string; fixes: { kind: string; title: string }[] }[] };
    const finding = report.findings.find((f) => f.ruleId === 'docker-image-not-approved');
    assert.ok(finding, JSON.stringify(report.findings.map((f) => f.ruleId)));
    assert.deepEqual(finding.fixes, [{ kind: 'suggestion', title: `Replace with the approved image ${images.node}@${skopeoRawDigest(images.node)}` }]);
  });

  it('--pin-digests without --fix is a usage error', () => {
    const run = runCli(['scan', '.', '--pin-digests'], { cwd: work });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--pin-digests rewrites files: use it with --fix/);
  });
});
