import type * as zlib from 'node:zlib';
import { BundleError } from './errors';
import {
  ARTIFACT_TYPE,
  CONFIG_MEDIA_TYPE,
  FORMAT_VERSION,
  LAYER_MEDIA_TYPE,
  MANIFEST_MEDIA_TYPE,
  sha256,
  type BundleConfig,
  type Descriptor,
} from './artifact';
import { DEFAULT_TAR_LIMITS, readTar, type TarLimits } from './tar';

// Reads an OCI image-layout tar of a bundle back, trusting nothing: every blob's digest is checked,
// the manifest must be a Bulwark policy of a known major format, and the layer is unpacked with the
// tar reader's caps (and gunzip's output cap, against gzip bombs).

export interface ReadLayout {
  readonly digest: string;
  readonly manifest: Buffer;
  readonly config: BundleConfig;
  readonly layer: Buffer;
  readonly files: Map<string, Buffer>;
}

export function readImageLayout(tar: Buffer, limits: TarLimits = DEFAULT_TAR_LIMITS): ReadLayout {
  const entries = readTar(tar, limits);
  const layoutFile = entries.get('oci-layout');
  if (!layoutFile) throw invalid('not an OCI image layout: there is no oci-layout file (build one with "bulwark policy build DIR -o FILE")');
  const layoutVersion = (json(layoutFile, 'oci-layout') as { imageLayoutVersion?: unknown }).imageLayoutVersion;
  if (typeof layoutVersion !== 'string' || !layoutVersion.startsWith('1.')) throw invalid(`unsupported OCI image layout version ${JSON.stringify(layoutVersion)}`);
  for (const [path, bytes] of entries) {
    const m = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(path);
    if (path.startsWith('blobs/') && !m) throw invalid(`unexpected file "${path}" in blobs/`);
    if (m && sha256(bytes) !== `sha256:${m[1]}`) throw new BundleError('digest-mismatch', `blob ${m[1].slice(0, 12)}… does not match its digest (the file was altered)`);
  }
  const blob = (d: Descriptor, what: string): Buffer => {
    const m = typeof d?.digest === 'string' ? /^sha256:([a-f0-9]{64})$/.exec(d.digest) : null;
    const bytes = m ? entries.get(`blobs/sha256/${m[1]}`) : undefined;
    if (!bytes) throw invalid(`the ${what} blob ${String(d?.digest)} is missing`);
    if (bytes.length !== d.size) throw new BundleError('digest-mismatch', `the ${what} blob is ${bytes.length} bytes, its descriptor says ${d.size}`);
    return bytes;
  };
  const index = json(entries.get('index.json') ?? throwInvalid('the layout has no index.json'), 'index.json') as { manifests?: Descriptor[] };
  const candidates = (index.manifests ?? []).filter((d) => d?.mediaType === MANIFEST_MEDIA_TYPE && (d.artifactType === undefined || d.artifactType === ARTIFACT_TYPE));
  if (candidates.length !== 1) throw invalid(`the layout must hold exactly one Bulwark policy manifest (found ${candidates.length})`);
  const manifestBytes = blob(candidates[0], 'manifest');
  const manifest = json(manifestBytes, 'the manifest') as { mediaType?: string; artifactType?: string; config?: Descriptor; layers?: Descriptor[] };
  const type = manifest.artifactType ?? manifest.config?.mediaType;
  if (manifest.mediaType !== MANIFEST_MEDIA_TYPE || (type !== ARTIFACT_TYPE && type !== CONFIG_MEDIA_TYPE)) {
    throw invalid(`not a Bulwark policy bundle (artifact type ${JSON.stringify(type)}, expected ${ARTIFACT_TYPE})`);
  }
  if (manifest.config?.mediaType !== CONFIG_MEDIA_TYPE) throw invalid(`the config blob has media type ${JSON.stringify(manifest.config?.mediaType)}, expected ${CONFIG_MEDIA_TYPE}`);
  const config = json(blob(manifest.config, 'config'), 'the config blob') as BundleConfig;
  checkFormat(config.formatVersion);
  const layers = (manifest.layers ?? []).filter((l) => l?.mediaType === LAYER_MEDIA_TYPE);
  if (layers.length !== 1) throw invalid(`the manifest must have exactly one ${LAYER_MEDIA_TYPE} layer (found ${layers.length})`);
  const layer = blob(layers[0], 'layer');
  let unzipped: Buffer;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when a bundle is read, not at start (start-up time)
    unzipped = (require('node:zlib') as typeof zlib).gunzipSync(layer, { maxOutputLength: limits.maxTotalBytes + 1024 * 1024 });
  } catch (err) {
    const tooBig = err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new BundleError(tooBig ? 'too-large' : 'invalid', tooBig ? `the layer unpacks to more than ${limits.maxTotalBytes} bytes` : `the layer is not valid gzip: ${(err as Error).message}`);
  }
  return { digest: sha256(manifestBytes), manifest: manifestBytes, config, layer, files: readTar(unzipped, limits) };
}

/** A bundle of another major format cannot be read safely by this version: say what to upgrade. */
export function checkFormat(formatVersion: unknown): void {
  const version = typeof formatVersion === 'string' ? formatVersion : undefined;
  const major = version === undefined ? undefined : /^(\d+)\.\d+$/.exec(version)?.[1];
  if (version === undefined || major === undefined) throw invalid(`the bundle config has no valid formatVersion (${JSON.stringify(formatVersion)})`);
  const ours = FORMAT_VERSION.split('.')[0];
  if (major !== ours) {
    throw new BundleError(
      Number(major) > Number(ours) ? 'upgrade-required' : 'invalid',
      Number(major) > Number(ours)
        ? `the bundle uses format ${version}, and this Bulwark reads format ${ours}.x: upgrade the Bulwark extension / CLI to apply it`
        : `the bundle uses format ${version}, which this Bulwark no longer reads: rebuild it with "bulwark policy build"`,
    );
  }
}

function json(bytes: Buffer, what: string): unknown {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (value === null || typeof value !== 'object') throw new Error('not an object');
    return value;
  } catch (err) {
    throw invalid(`${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function invalid(message: string): BundleError {
  return new BundleError('invalid', message);
}

function throwInvalid(message: string): never {
  throw invalid(message);
}
