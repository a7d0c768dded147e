import * as fs from 'node:fs';
import { engineTooOld, loadBundle, type LoadedBundle, type PolicyFileError } from '../../engine/policy';
import { builtinTemplates } from '../../engine';
import { buildArtifact, type Artifact, type BundleConfig } from './artifact';
import { BundleError } from './errors';
import { readImageLayout } from './layout';
import { readSourceFolder, textsOf } from './source';
import type { FileTree } from './tar';

// One way in for a local bundle, whether a source folder or a built image-layout tar: read it
// safely, validate every file, check the engine version, and name it by its manifest digest (a
// folder is built in memory first, so a folder and the tar built from it have the same digest).

export interface OpenedBundle {
  readonly bundle: LoadedBundle;
  readonly files: FileTree;
  readonly config?: BundleConfig;
  readonly artifact?: Artifact;
  readonly kind: 'folder' | 'layout';
  /** Folder entries left out of the bundle. */
  readonly ignored: readonly string[];
}

export function openBundle(target: string, engineVersion: string): OpenedBundle {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (err) {
    throw new BundleError('io', `cannot read the policy bundle "${target}": ${err instanceof Error ? err.message : String(err)}`);
  }
  if (stat.isDirectory()) return openFolder(target, engineVersion);
  return openLayoutBytes(readFile(target), engineVersion, target);
}

/** An image-layout tar already in memory (a registry's blobs put together, a file read by the caller). */
export function openLayoutBytes(tar: Buffer, engineVersion: string, where: string): OpenedBundle {
  const layout = readImageLayout(tar);
  const tooOld = engineTooOld(layout.config.minEngineVersion, engineVersion, `policy bundle ${layout.config.name} ${layout.config.version}`);
  if (tooOld) throw new BundleError('upgrade-required', tooOld);
  const bundle = load(layout.files, layout.digest, where);
  if (bundle.identity.name !== layout.config.name || bundle.identity.version !== layout.config.version) {
    throw new BundleError('invalid', `the bundle's config (${layout.config.name} ${layout.config.version}) does not match its policy.yaml (${bundle.identity.name} ${bundle.identity.version})`);
  }
  return { bundle, files: layout.files, config: layout.config, kind: 'layout', ignored: [] };
}

function openFolder(dir: string, engineVersion: string): OpenedBundle {
  const source = readSourceFolder(dir);
  const loaded = load(source.files, '', dir);
  const tooOld = engineTooOld(loaded.policy.minEngineVersion, engineVersion, `policy bundle ${loaded.identity.name} ${loaded.identity.version}`);
  if (tooOld) throw new BundleError('upgrade-required', tooOld);
  const artifact = buildArtifact(source.files, loaded);
  const bundle: LoadedBundle = { ...loaded, identity: { ...loaded.identity, digest: artifact.digest } };
  return { bundle, files: source.files, artifact, kind: 'folder', ignored: source.ignored };
}

function load(files: FileTree, digest: string, where: string): LoadedBundle {
  const { bundle, errors } = loadBundle(textsOf(files), digest, builtinTemplates());
  if (!bundle) throw new BundleError('invalid', `the policy bundle "${where}" is invalid (${errors.length} problem${errors.length === 1 ? '' : 's'})`, errors.map(formatError));
  return bundle;
}

export function formatError(e: PolicyFileError): string {
  return `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new BundleError('io', `cannot read "${file}": ${err instanceof Error ? err.message : String(err)}`);
  }
}
