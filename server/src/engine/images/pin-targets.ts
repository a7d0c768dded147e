import { suppressionCovers, type SuppressionInput } from '../apply-suppressions';
import { detectLanguage } from '../language';
import { capLongLines } from '../line-cap';
import { parseDockerfile } from '../parsers/dockerfile';
import { parseKubernetes } from '../parsers/kubernetes';
import { WORKLOAD_KINDS } from '../parsers/kubernetes-workloads';
import { LineIndex } from '../text';
import type { Language, ParseCache, RuleSet, SourceFile } from '../types';
import { imageOccurrences, type ImageOccurrence } from './occurrences';

// `bulwark scan --fix --pin-digests` pins what the digest-pin rules ask for, so a `bulwark-ignore` of
// such a rule on an image (or in the file) keeps that image as written, exactly as it hides the finding.

/** The core rules that ask for a digest, which a suppression names whether or not they are enabled. */
const DIGEST_RULES: Readonly<Partial<Record<Language, readonly string[]>>> = {
  dockerfile: ['docker-image-not-digest-pinned'],
  kubernetes: ['k8s-image-not-digest-pinned'],
};

export interface PinTargetOptions {
  readonly now: Date;
  /** As the scan's analysis: peers' comments (kics-scan ignore-line, …) suppress too. */
  readonly honorPeerSuppressions?: boolean;
  readonly cache?: ParseCache;
}

/** The literal images of `file` that may be pinned: no suppression of a digest-pin rule covers them. */
export function imagesToPin(file: SourceFile, ruleSet: RuleSet, options: PinTargetOptions): ImageOccurrence[] {
  const images = imageOccurrences(file, options.cache).filter((image) => image.replaceable);
  if (images.length === 0) return images;
  const language = detectLanguage(file);
  const input = suppressionInputOf(file.text, language, options.cache);
  const coverOf = input && suppressionCovers(input, options.now, ruleSet, options.honorPeerSuppressions === true);
  if (!coverOf) return images;
  const ruleIds = digestRuleIds(language, ruleSet);
  return images.filter((image) => !ruleIds.some((id) => coverOf(id, image.span.start)));
}

/** The core digest-pin rule of the language, and any rule of the set built from its template to ask for a digest. */
function digestRuleIds(language: Language, ruleSet: RuleSet): string[] {
  const ids = new Set(DIGEST_RULES[language] ?? []);
  for (const rule of ruleSet.rules) {
    const { template, params } = rule.match ?? {};
    const asksForDigest = (template === 'dockerfile-base-image-pin' && params?.require === 'digest') || (/^(dockerfile|k8s)-approved-image$/.test(template ?? '') && params?.report === 'digest');
    if (asksForDigest && rule.meta.language === language) ids.add(rule.meta.id);
  }
  return [...ids];
}

/** What applySuppressions reads, parsed as analyze() parses it (the same cache, so no second parse). */
function suppressionInputOf(text: string, language: Language, cache: ParseCache | undefined): SuppressionInput | undefined {
  const lines = new LineIndex(text);
  if (language === 'dockerfile') {
    const dockerfile = parseDockerfile(capLongLines(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text).text, cache);
    return { text, lines, instructions: dockerfile.ast.getInstructions().map((i) => dockerfile.span(i.getRange())) };
  }
  if (language === 'kubernetes') {
    const kubernetes = parseKubernetes(text, cache, lines, new Set(WORKLOAD_KINDS));
    return { text, lines, documents: kubernetes.documents.map((d) => ({ start: d.base, end: d.base + d.text.length })) };
  }
  return undefined;
}
