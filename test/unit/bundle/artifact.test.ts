import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ARTIFACT_TYPE,
  BundleError,
  CONFIG_MEDIA_TYPE,
  deterministicGzip,
  imageLayoutTar,
  openBundle,
  readImageLayout,
  readTar,
  sha256,
  writeTar,
  type Artifact,
} from '../../../server/src/node/bundle';
import { initFiles } from '../../../server/src/cli/policy/init-template';
import { skipUnlessRequired } from '../../support/real-client';

// The same sources always give the same digest; the layout read back trusts nothing.

function sourceFolder(files: ReadonlyMap<string, string> = initFiles('acme')): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bundle-'));
  for (const [rel, text] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function refuses(fn: () => unknown, code: string, message: RegExp): void {
  assert.throws(fn, (err: unknown) => err instanceof BundleError && err.code === code && message.test(err.message));
}

/** A layout whose manifest and config are whatever the test says (digests still correct). */
function craftedLayout(config: unknown, files: ReadonlyMap<string, Buffer>, manifestPatch: Record<string, unknown> = {}): Buffer {
  const configBytes = Buffer.from(JSON.stringify(config));
  const layer = deterministicGzip(writeTar(files));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: ARTIFACT_TYPE,
      config: { mediaType: CONFIG_MEDIA_TYPE, digest: sha256(configBytes), size: configBytes.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(layer), size: layer.length }],
      ...manifestPatch,
    }),
  );
  const artifact: Artifact = { config: configBytes, layer, manifest, digest: sha256(manifest) };
  return imageLayoutTar(artifact, 'test');
}

const VERSION = '0.1.0';

describe('bundle artifact', () => {
  const made: string[] = [];
  const dir = (files?: ReadonlyMap<string, string>) => {
    const d = sourceFolder(files);
    made.push(d);
    return d;
  };
  after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('builds the same digest twice, and from a copy with other mtimes and permissions', () => {
    const a = openBundle(dir(), VERSION);
    const b = openBundle(dir(), VERSION);
    const copy = dir();
    const old = new Date('2001-02-03T04:05:06Z');
    for (const f of ['policy.yaml', 'packs/example/pack.yaml', 'packs/example/dockerfile/example-run-netcat/rule.yaml']) {
      fs.chmodSync(path.join(copy, f), 0o600);
      fs.utimesSync(path.join(copy, f), old, old);
    }
    fs.chmodSync(path.join(copy, 'packs'), 0o700);
    fs.writeFileSync(path.join(copy, '.DS_Store'), 'finder junk');
    fs.mkdirSync(path.join(copy, '.git'));
    fs.writeFileSync(path.join(copy, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const c = openBundle(copy, VERSION);
    assert.match(a.bundle.identity.digest, /^sha256:[a-f0-9]{64}$/);
    assert.equal(b.bundle.identity.digest, a.bundle.identity.digest);
    assert.equal(c.bundle.identity.digest, a.bundle.identity.digest);
    assert.deepEqual(c.artifact?.layer, a.artifact?.layer);
  });

  it('changes the digest when any byte of the sources changes', () => {
    const files = new Map(initFiles('acme'));
    files.set('packs/example/dockerfile/example-run-netcat/README.md', 'changed\n');
    assert.notEqual(openBundle(dir(files), VERSION).bundle.identity.digest, openBundle(dir(), VERSION).bundle.identity.digest);
  });

  it('writes a config blob with the format, name, version, engine minimum, packs and rule ids', () => {
    const { artifact } = openBundle(dir(), VERSION);
    assert.deepEqual(JSON.parse(artifact!.config.toString()), {
      formatVersion: '1.0',
      name: 'acme',
      version: '0.1.0',
      minEngineVersion: '0.1.0',
      description: 'Example policy bundle; edit it, run "bulwark policy test .", then "bulwark policy build . -o acme.tar".',
      approvedImages: true,
      packs: [{ id: 'example', version: '0.1.0', rules: ['example-run-netcat'] }],
    });
    const manifest = JSON.parse(artifact!.manifest.toString()) as { artifactType: string; layers: { annotations: unknown }[] };
    assert.equal(manifest.artifactType, 'application/vnd.bulwark.policy.v1');
    assert.deepEqual(manifest.layers[0].annotations, { 'org.opencontainers.image.title': 'policy.tar.gz' });
    assert.equal(artifact!.digest, 'sha256:' + createHash('sha256').update(artifact!.manifest).digest('hex'));
  });

  it('reads its image layout back with the same digest and files', () => {
    const opened = openBundle(dir(), VERSION);
    const layout = readImageLayout(imageLayoutTar(opened.artifact!, '0.1.0'));
    assert.equal(layout.digest, opened.bundle.identity.digest);
    assert.deepEqual([...layout.files.keys()], [...opened.files.keys()].sort());
    assert.equal(layout.config.name, 'acme');
  });

  it('refuses a layout whose blob was altered', () => {
    const opened = openBundle(dir(), VERSION);
    const entries = readTar(imageLayoutTar(opened.artifact!, 'x'));
    const layerPath = `blobs/sha256/${sha256(opened.artifact!.layer).slice(7)}`;
    const altered = Buffer.from(entries.get(layerPath)!);
    altered[altered.length - 5] ^= 0xff;
    entries.set(layerPath, altered);
    refuses(() => readImageLayout(writeTar(entries)), 'digest-mismatch', /does not match its digest/);
  });

  it('refuses another artifact type', () => {
    const tar = craftedLayout({ formatVersion: '1.0', name: 'a', version: '1.0.0' }, new Map(), { artifactType: 'application/vnd.cncf.openpolicyagent.config.v1+json' });
    refuses(() => readImageLayout(tar), 'invalid', /not a Bulwark policy bundle/);
  });

  it('refuses a newer major format with what to upgrade, and an older one with how to rebuild', () => {
    refuses(() => readImageLayout(craftedLayout({ formatVersion: '2.0', name: 'a', version: '1.0.0' }, new Map())), 'upgrade-required', /format 2\.0, and this Bulwark reads format 1\.x: upgrade the Bulwark extension \/ CLI/);
    refuses(() => readImageLayout(craftedLayout({ formatVersion: '0.9', name: 'a', version: '1.0.0' }, new Map())), 'invalid', /rebuild it with "bulwark policy build"/);
  });

  it('refuses a bundle needing a newer engine, from a folder and from a layout', () => {
    const files = new Map(initFiles('acme'));
    files.set('policy.yaml', files.get('policy.yaml')!.replace('minEngineVersion: 0.1.0', 'minEngineVersion: 99.1.0'));
    const source = dir(files);
    refuses(() => openBundle(source, VERSION), 'upgrade-required', /policy bundle acme 0\.1\.0 needs Bulwark 99\.1\.0 or newer, and this is 0\.1\.0: upgrade/);
    const built = openBundle(source, '99.1.0');
    const file = path.join(source, '..', `${path.basename(source)}.tar`);
    fs.writeFileSync(file, imageLayoutTar(built.artifact!, '0.1.0'));
    made.push(file);
    refuses(() => openBundle(file, '99.0.9'), 'upgrade-required', /needs Bulwark 99\.1\.0 or newer, and this is 99\.0\.9/);
    assert.equal(openBundle(file, '99.1.0').bundle.identity.digest, built.bundle.identity.digest);
  });

  it('refuses a layer that unpacks beyond the cap (a gzip bomb)', () => {
    const tar = craftedLayout({ formatVersion: '1.0', name: 'a', version: '1.0.0' }, new Map([['policy.yaml', Buffer.alloc(4 * 1024 * 1024)]]));
    refuses(() => readImageLayout(tar, { maxEntries: 100, maxFileBytes: 8 * 1024 * 1024, maxTotalBytes: 1024 * 1024 }), 'too-large', /unpacks to more than 1048576 bytes/);
  });

  it('refuses a source folder holding a symlink', () => {
    const source = dir();
    fs.symlinkSync('/etc/passwd', path.join(source, 'packs', 'example', 'leak.yaml'));
    refuses(() => openBundle(source, VERSION), 'unsafe', /"packs\/example\/leak\.yaml" is a symbolic link/);
  });

  it('names every invalid file with its line', () => {
    const files = new Map(initFiles('acme'));
    files.set('policy.yaml', files.get('policy.yaml')!.replace('suppressions:', 'suppresions:'));
    files.set('approved-images.yaml', 'registries: [registry.example.com]\nrequireDigests: true\n');
    files.set('packs/example/pack.yaml', 'id: other\nversion: 0.1.0\ndescription: x\n');
    assert.throws(
      () => openBundle(dir(files), VERSION),
      (err: unknown) =>
        err instanceof BundleError &&
        JSON.stringify(err.details) ===
          JSON.stringify([
            'policy.yaml:17: the document has an unknown key "suppresions"',
            'approved-images.yaml:2: the document has an unknown key "requireDigests"',
            'packs/example/pack.yaml:1: pack id "other" must equal its folder name "example"',
          ]),
    );
  });
});

describe('bundle artifact with skopeo (containers/image)', () => {
  let work: string;
  before(function () {
    if (spawnSync('skopeo', ['--version']).error) skipUnlessRequired(this, 'skopeo is not installed');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-skopeo-'));
  });
  after(() => work && fs.rmSync(work, { recursive: true, force: true }));

  it('skopeo reads the layout, serves our manifest bytes, and its own oci-archive copy reads back with the same digest', () => {
    const source = sourceFolder();
    try {
      const opened = openBundle(source, VERSION);
      const file = path.join(work, 'bundle.tar');
      fs.writeFileSync(file, imageLayoutTar(opened.artifact!, '0.1.0'));
      const raw = spawnSync('skopeo', ['inspect', '--raw', `oci-archive:${file}`], { maxBuffer: 1 << 20 });
      assert.equal(raw.status, 0, raw.stderr?.toString());
      assert.equal(sha256(raw.stdout), opened.bundle.identity.digest);
      const copy = path.join(work, 'copy.tar');
      const copied = spawnSync('skopeo', ['copy', '--quiet', `oci-archive:${file}`, `oci-archive:${copy}:0.1.0`], { encoding: 'utf8' });
      assert.equal(copied.status, 0, copied.stderr);
      assert.equal(openBundle(copy, VERSION).bundle.identity.digest, opened.bundle.identity.digest);
    } finally {
      fs.rmSync(source, { recursive: true, force: true });
    }
  });
});
