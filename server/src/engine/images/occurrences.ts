import { detectLanguage } from '../language';
import { capLongLines } from '../line-cap';
import { parseDockerfile } from '../parsers/dockerfile';
import { parseKubernetes } from '../parsers/kubernetes';
import { WORKLOAD_KINDS } from '../parsers/kubernetes-workloads';
import { pulledImages } from '../templates/dockerfile/pulled-images';
import { containerImages } from '../templates/kubernetes/container-images';
import type { ParseCache, SourceFile, Span } from '../types';

// Every image a file pulls, where it is written: what the editor's "Pin to digest", hover and
// completion, and `bulwark scan --pin-digests`, work on. The same readers as the approved-image rules.

export interface ImageOccurrence {
  /** The reference as resolved (Dockerfile ARG defaults applied). */
  readonly text: string;
  readonly span: Span;
  /** Written literally in the file, so replacing `span` with another reference is safe. */
  readonly replaceable: boolean;
}

/** Images of a Dockerfile (in file order) (FROM, COPY --from, RUN --mount from) or a Kubernetes manifest; none for other files. */
export function imageOccurrences(file: SourceFile, cache?: ParseCache): ImageOccurrence[] {
  const language = detectLanguage(file);
  if (language === 'dockerfile') {
    // As analyze() reads it: a BOM becomes a space and over-long lines are blanked, so offsets stay put.
    const source = capLongLines(file.text.charCodeAt(0) === 0xfeff ? ' ' + file.text.slice(1) : file.text);
    return pulledImages(parseDockerfile(source.text, cache)).map(({ text, span, replaceable }) => ({ text, span, replaceable }));
  }
  if (language === 'kubernetes') {
    const model = parseKubernetes(file.text, cache, undefined, new Set(WORKLOAD_KINDS));
    return containerImages(model)
      .map(({ text, span, replaceable }) => ({ text, span, replaceable }))
      .sort((a, b) => a.span.start - b.span.start);
  }
  return [];
}
