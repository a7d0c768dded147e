import type { TextDocument } from 'vscode-languageserver-textdocument';
import { compileApprovedImages, judgeImage } from '../engine/images/approved';
import { imageOccurrences, type ImageOccurrence } from '../engine/images/occurrences';
import { digestQuery } from '../engine/images/pin';
import { formatImageReference, parseImageReference } from '../engine/images/reference';
import type { ParseCache, Span } from '../engine';
import { spanContains } from './convert';
import { HOVER_LOOKUP_WAIT_MS, type ImageService } from './image-service';

// Hover on an image reference: what the approved-images list says about it (approved, not approved with
// the replacement, deprecated with the date) and the digest its registry serves for the tag now (when it
// answers within HOVER_LOOKUP_WAIT_MS or the cache knows it; "looking up…" otherwise).

export interface ImageHover {
  readonly span: Span;
  readonly markdown: string;
}

export async function imageHover(images: ImageService, doc: TextDocument, offset: number, now: Date, cache?: ParseCache): Promise<ImageHover | undefined> {
  const image = occurrenceAt(doc, offset, cache);
  if (!image) return undefined;
  const parsed = parseImageReference(image.text);
  if (!parsed.ok) return undefined;
  const normalised = parseImageReference(image.text, { defaultTag: true });
  const lines = [`**Image** \`${formatImageReference(normalised.ok ? normalised.ref : parsed.ref)}\``];
  const list = images.list();
  if (list) {
    const verdict = judgeImage(compileApprovedImages(list), parsed.ref, now);
    const instead = verdict.replacement ? ` Use \`${verdict.replacement}\` instead.` : '';
    if (verdict.deprecated) lines.push(`Deprecated by the approved-images list ${verdict.deprecated.due ? 'since' : 'after'} ${verdict.deprecated.after}.${instead}`);
    else if (verdict.approved) lines.push(`Approved by the approved-images list${verdict.digestRequired ? ', which requires a digest (@sha256:…)' : ''}.`);
    else lines.push(`Not approved by the approved-images list.${instead}`);
  }
  const query = digestQuery(image.text);
  if (query) {
    // A hover does not wait on a slow or offline registry: the lookup goes on and the next hover shows it.
    const answer = await images.lookupWithin(image.text, HOVER_LOOKUP_WAIT_MS);
    if (!answer) lines.push(`Registry digest for \`${query.ref.tag}\`: looking up…`);
    else lines.push(answer.ok ? `Registry digest for \`${query.ref.tag}\` now: \`${answer.digest}\`` : `Registry digest for \`${query.ref.tag}\`: unknown (${answer.reason})`);
  } else if (parsed.ref.digest) {
    lines.push(`Pinned to \`${parsed.ref.digest}\`.`);
  }
  return { span: image.span, markdown: lines.join('\n\n') };
}

function occurrenceAt(doc: TextDocument, offset: number, cache: ParseCache | undefined): ImageOccurrence | undefined {
  try {
    return imageOccurrences({ uri: doc.uri, text: doc.getText(), languageId: doc.languageId }, cache).find((image) => spanContains(image.span, offset));
  } catch {
    return undefined;
  }
}
