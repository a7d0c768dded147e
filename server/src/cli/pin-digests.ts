import * as path from 'node:path';
import { applyEdits } from '../engine';
import { imageOccurrences, type ImageOccurrence } from '../engine/images/occurrences';
import { digestQuery, pinEdits } from '../engine/images/pin';
import type { ResolvedDigests } from '../node/image-digests';
import { readSourceFile } from '../node/source-file';
import type { ApprovedImages } from '../engine/policy';
import type { ScanOptions } from './args';
import type { ReportedNotice } from './report';
import { collectFiles } from './scan-files';

// `bulwark scan --fix --pin-digests`: every image of the scanned files is looked up once in its registry
// (HEAD on the manifest, Docker's credentials), then each file is pinned before the autofix loop runs.
// An explicit opt-in: a pin freezes what a tag means today. Unreachable registries leave images as they
// are and say why; no digest is ever guessed.

/**
 * Looks up the digest of every unpinned, literal image in the files the scan covers, and of every
 * replacement the approved-images list names (so "Replace with the approved image" is pinned too).
 */
export async function resolveScanDigests(options: ScanOptions, cwd: string, env: Readonly<Record<string, string | undefined>>, list?: ApprovedImages): Promise<ResolvedDigests> {
  const texts = new Set<string>([...(list?.replacements ?? []).map((r) => r.to), ...(list?.deprecated ?? []).flatMap((d) => d.replacement ?? [])]);
  for (const file of collectFiles(options.paths, options.exclude, cwd).files) {
    const read = readSourceFile(file, { maxBytes: options.maxFileSize, limitName: '--max-file-size' });
    if (read.kind === 'skipped') continue;
    for (const image of safeOccurrences(file, read.text)) if (image.replaceable) texts.add(image.text);
  }
  const caFile = env.BULWARK_REGISTRY_CA_FILE;
  // Loaded here: the registry client (HTTP, TLS, credentials) is not part of every scan's startup.
  // A require() inside the function: esbuild keeps it lazy in the bundle (an import would load it at start).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ImageDigestResolver } = require('../node/image-digests') as typeof import('../node/image-digests');
  const resolver = new ImageDigestResolver({ client: { env: { ...env }, ...(caFile ? { caFile: path.resolve(cwd, caFile) } : {}) } });
  return resolver.resolveAll(texts);
}

/** `text` with every image pinned that has a digest, and a notice for each one that has none. */
export function pinFileImages(file: { readonly path: string; readonly absolutePath: string }, text: string, resolved: ResolvedDigests): { text: string; applied: number; notices: ReportedNotice[] } {
  const images = safeOccurrences(file.absolutePath, text).filter((image) => image.replaceable);
  const pinned = applyEdits(text, pinEdits(images, resolved.digests));
  const notices: ReportedNotice[] = [];
  for (const image of images) {
    const query = digestQuery(image.text);
    const reason = query && resolved.failures.get(query.key);
    if (reason !== undefined) notices.push({ path: file.path, code: 'pin-skipped', message: `${image.text} was not pinned to a digest: ${reason}` });
  }
  return { ...pinned, notices };
}

function safeOccurrences(uri: string, text: string): ImageOccurrence[] {
  try {
    return imageOccurrences({ uri, text });
  } catch {
    return []; // a file the parsers cannot read has no image to pin; the scan reports the file itself
  }
}
