import { PackLoader, type LoadedPack } from '../packs/load';
import type { AnyTemplate } from '../templates/template';
import type { BundleIdentity } from '../types';
import { PolicyValidator, type ApprovedImages, type Policy } from './policy';
import type { PolicyFileError } from './yaml-validate';

// A bundle's content as files (from a source folder or an unpacked layer, the caller reads them):
//   policy.yaml, approved-images.yaml (optional), packs/<pack-id>/… in the rules/core format.

export const POLICY_FILE = 'policy.yaml';
export const APPROVED_IMAGES_FILE = 'approved-images.yaml';
export const PACKS_DIR = 'packs';

export interface LoadedBundle {
  readonly policy: Policy;
  readonly approvedImages?: ApprovedImages;
  /** By pack id, in pack-id order. */
  readonly packs: readonly LoadedPack[];
  readonly identity: BundleIdentity;
}

/** Which files of a pack folder the loader reads: rule YAML and docs, never fixtures. */
export function isPackSourceFile(pathInPack: string): boolean {
  return /\.(ya?ml|md)$/i.test(pathInPack) && !pathInPack.split('/').slice(0, -1).some((s) => s === 'tests' || s.startsWith('.'));
}

/** The pack ids of a bundle, from its file paths (`packs/<id>/pack.yaml`), sorted. */
export function packIdsOf(paths: Iterable<string>): string[] {
  const ids = new Set<string>();
  for (const p of paths) {
    const m = /^packs\/([^/]+)\//.exec(p);
    if (m) ids.add(m[1]);
  }
  return [...ids].sort();
}

/**
 * Validates and loads a bundle's files: both YAML files against their schemas, every pack with the
 * pack loader (a pack's id must equal its folder). Errors name the file inside the bundle and a line.
 */
export function loadBundle(
  texts: ReadonlyMap<string, string>,
  digest: string,
  templates: ReadonlyMap<string, AnyTemplate>,
  validator: PolicyValidator = new PolicyValidator(),
): { bundle?: LoadedBundle; errors: PolicyFileError[] } {
  const errors: PolicyFileError[] = [];
  const policyText = texts.get(POLICY_FILE);
  if (policyText === undefined) return { errors: [{ file: POLICY_FILE, message: 'the bundle has no policy.yaml' }] };
  const parsed = validator.parsePolicy(policyText, POLICY_FILE);
  errors.push(...parsed.errors);
  const approvedText = texts.get(APPROVED_IMAGES_FILE);
  const approved = approvedText === undefined ? undefined : validator.parseApprovedImages(approvedText, APPROVED_IMAGES_FILE);
  errors.push(...(approved?.errors ?? []));
  const loader = new PackLoader(templates);
  const packs: LoadedPack[] = [];
  for (const id of packIdsOf(texts.keys())) {
    const root = `${PACKS_DIR}/${id}`;
    const files = [...texts]
      .filter(([p]) => p.startsWith(root + '/') && isPackSourceFile(p.slice(root.length + 1)))
      .map(([p, text]) => ({ path: p.slice(root.length + 1), text }));
    const result = loader.load(root, files);
    errors.push(...result.errors.map((e) => ({ file: `${root}/${e.file}`, line: e.line, message: e.message })));
    if (result.pack && result.pack.info.id !== id) errors.push({ file: `${root}/pack.yaml`, line: 1, message: `pack id "${result.pack.info.id}" must equal its folder name "${id}"` });
    else if (result.pack) packs.push(result.pack);
  }
  if (!parsed.policy || errors.length > 0) return { errors };
  const identity: BundleIdentity = { name: parsed.policy.name, version: parsed.policy.version, digest };
  return { bundle: { policy: parsed.policy, approvedImages: approved?.approvedImages, packs, identity }, errors };
}
