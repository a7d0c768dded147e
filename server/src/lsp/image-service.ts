import * as path from 'node:path';
import type { ApprovedImages } from '../engine/policy';
import { readApprovedImagesFile } from '../node/approved-images-file';
import { ImageDigestResolver, type DigestLookup } from '../node/image-digests';
import type { ApprovedImagesInitOptions, PolicyInitOptions } from '../protocol/custom-protocol';
import type { RuleSetService } from './rule-set-service';

// What the editor's image features share: the approved-images list in force (the policy bundle's, else
// the user's `bulwark.approvedImages.file`) and registry digest lookups with a short deadline, so a
// code action or a hover never waits long on a registry (and, where it can, not at all: lookupWithin).

/** A lookup for the editor gives up after this long (what a client without codeAction/resolve waits at most). */
export const EDITOR_LOOKUP_TIMEOUT_MS = 3000;

/** A hover shows the digest if the registry answers this fast (or the cache knows it); else "looking up…". */
export const HOVER_LOOKUP_WAIT_MS = 150;

export class ImageService {
  private readonly fileList: ApprovedImages | undefined;
  /** Why the configured file is not in force (logged once at start). */
  readonly problem: string | undefined;

  constructor(
    private readonly rules: RuleSetService,
    private readonly resolver: ImageDigestResolver,
    options: ApprovedImagesInitOptions | undefined,
  ) {
    const file = typeof options?.file === 'string' && options.file.trim() !== '' ? options.file.trim() : undefined;
    if (file && !path.isAbsolute(file)) {
      this.problem = `bulwark.approvedImages.file must be an absolute path (got "${file}")`;
    } else if (file) {
      const read = readApprovedImagesFile(file);
      if (read.ok) this.fileList = read.approvedImages;
      else this.problem = [`bulwark.approvedImages.file: ${read.message}`, ...read.details].join('\n  ');
    }
  }

  /** The policy bundle's list wins: the organisation decides, a user setting cannot replace it. */
  list(): ApprovedImages | undefined {
    return this.rules.ruleSet.approvedImages ?? this.fileList;
  }

  /** The user's file, for analyses under a rule set without a bundle list (AnalyzeOptions.approvedImages). */
  fromSettings(): ApprovedImages | undefined {
    return this.rules.ruleSet.approvedImages ? undefined : this.fileList;
  }

  lookup(reference: string): Promise<DigestLookup> {
    return this.resolver.lookup(reference, EDITOR_LOOKUP_TIMEOUT_MS);
  }

  /**
   * The answer when it comes within `waitMs` (0: only one the cache already holds); otherwise undefined,
   * while the lookup goes on (bounded as above) and leaves its answer in the cache for the next request.
   */
  async lookupWithin(reference: string, waitMs: number): Promise<DigestLookup | undefined> {
    let timer: NodeJS.Timeout | undefined;
    // A cached answer settles in microtasks, always before a timer, even one of 0 ms.
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(resolve, waitMs, undefined);
    });
    try {
      return await Promise.race([this.lookup(reference), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The registry client options the editor's lookups use: the policy's CA file and the editor's proxy. */
export function editorResolver(policy: PolicyInitOptions | undefined): ImageDigestResolver {
  const proxy = policy?.proxy && typeof policy.proxy.url === 'string' ? { url: policy.proxy.url, noProxy: Array.isArray(policy.proxy.noProxy) ? policy.proxy.noProxy : [] } : undefined;
  const caFile = typeof policy?.caFile === 'string' && policy.caFile !== '' ? policy.caFile : undefined;
  return new ImageDigestResolver({ timeoutMs: EDITOR_LOOKUP_TIMEOUT_MS, client: { ...(proxy ? { proxy } : {}), ...(caFile ? { caFile } : {}) } });
}
