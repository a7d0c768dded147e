// Policy bundles on disk: source folders, the deterministic layer, the OCI artifact and image layout.
export { BundleError, type BundleErrorCode } from './errors';
export { writeTar, readTar, safePath, DEFAULT_TAR_LIMITS, type TarLimits, type FileTree } from './tar';
export { readSourceFolder, textsOf, type SourceFolder } from './source';
export {
  buildArtifact,
  bundleConfig,
  imageLayoutTar,
  deterministicGzip,
  sha256,
  ARTIFACT_TYPE,
  CONFIG_MEDIA_TYPE,
  LAYER_MEDIA_TYPE,
  MANIFEST_MEDIA_TYPE,
  INDEX_MEDIA_TYPE,
  FORMAT_VERSION,
  LAYER_TITLE,
  type Artifact,
  type BundleConfig,
  type Descriptor,
} from './artifact';
export { readImageLayout, checkFormat, type ReadLayout } from './layout';
export { openBundle, openLayoutBytes, formatError, type OpenedBundle } from './open';
export { extractTree } from './extract';
