import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { OCI_INDEX, OCI_MANIFEST } from '../../server/src/node/registry/media-types';
import { skipUnlessRequired } from './real-client';

// Small, real container images for the digest tests: an OCI image layout written here (a one-file layer,
// an image config, a manifest; optionally an index of two platforms), copied into the test registry by
// skopeo, the tool people use to move images. `.ci/run` installs skopeo.

export interface LayoutImage {
  /** The ref.name in the layout's index.json. */
  readonly name: string;
  readonly manifestDigest: string;
}

export function skopeoUnavailable(): string | undefined {
  try {
    execFileSync('skopeo', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'skopeo is not installed (apt-get install -y skopeo)';
  }
}

export function requireSkopeo(ctx: Mocha.Context): void {
  const missing = skopeoUnavailable();
  if (missing) skipUnlessRequired(ctx, missing);
}

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** An OCI image layout in `dir`, filled by addImage/addIndex. */
export class OciLayout {
  private readonly refs: { mediaType: string; digest: string; size: number; annotations: Record<string, string> }[] = [];

  constructor(readonly dir: string) {
    fs.mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    this.writeIndex();
  }

  /** A one-layer linux image whose single file holds `content`. */
  addImage(name: string, content: string, architecture = 'amd64'): LayoutImage {
    const work = fs.mkdtempSync(path.join(this.dir, '..', 'layer-'));
    fs.writeFileSync(path.join(work, 'hello.txt'), content);
    const tar = execFileSync('tar', ['--mtime=@0', '--owner=0', '--group=0', '--numeric-owner', '-cf', '-', '-C', work, 'hello.txt']);
    fs.rmSync(work, { recursive: true, force: true });
    const layer = gzipSync(tar);
    const config = Buffer.from(JSON.stringify({ architecture, os: 'linux', config: { Cmd: ['/hello'] }, rootfs: { type: 'layers', diff_ids: [sha256(tar)] } }));
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: this.blob(config), size: config.length },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: this.blob(layer), size: layer.length }],
      }),
    );
    return this.tag(name, OCI_MANIFEST, manifest);
  }

  /** An image index of `images` for linux/amd64 and linux/arm64 (in that order). */
  addIndex(name: string, images: readonly [LayoutImage, LayoutImage]): LayoutImage {
    const platforms = ['amd64', 'arm64'];
    const manifests = images.map((image, i) => {
      const size = fs.statSync(this.blobPath(image.manifestDigest)).size;
      return { mediaType: OCI_MANIFEST, digest: image.manifestDigest, size, platform: { architecture: platforms[i], os: 'linux' } };
    });
    return this.tag(name, OCI_INDEX, Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests })));
  }

  private tag(name: string, mediaType: string, bytes: Buffer): LayoutImage {
    const digest = this.blob(bytes);
    this.refs.push({ mediaType, digest, size: bytes.length, annotations: { 'org.opencontainers.image.ref.name': name } });
    this.writeIndex();
    return { name, manifestDigest: digest };
  }

  private blob(bytes: Buffer): string {
    const digest = sha256(bytes);
    fs.writeFileSync(this.blobPath(digest), bytes);
    return digest;
  }

  private blobPath(digest: string): string {
    return path.join(this.dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
  }

  private writeIndex(): void {
    fs.writeFileSync(path.join(this.dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: this.refs }));
  }
}

/** `skopeo copy` of one layout entry to `docker://<target>` (plain HTTP to the loopback registry). */
export function skopeoCopy(layout: OciLayout, name: string, target: string, extra: readonly string[] = []): void {
  execFileSync('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', ...extra, `oci:${layout.dir}:${name}`, `docker://${target}`], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** What the registry serves for `ref`, as skopeo reads it: the raw manifest bytes and their sha256. */
export function skopeoRawDigest(ref: string): string {
  return sha256(execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`]));
}
