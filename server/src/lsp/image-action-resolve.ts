import type { CodeAction } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../engine';
import { pinFix } from '../engine/images/pin';
import { digestsOf, occurrencesOf, reanalysed, type ImageActionData, type ImageActionDeps } from './image-actions';

// codeAction/resolve for an image action offered before its registry answered (image-actions.ts): the
// user picked it, so now it may wait for the lookup (bounded by EDITOR_LOOKUP_TIMEOUT_MS). The edit is
// made on the document as it is now, when the image (or the finding) is still where it was; otherwise,
// or when a pin has no digest, the action comes back without an edit and the user is told why.

export interface ImageResolveDeps extends Omit<ImageActionDeps, 'disabledSupport' | 'lazy'> {
  /** Tells the user why a picked action does nothing (window/showMessage). */
  readonly warn: (message: string) => void;
}

export function isImageActionData(data: unknown): data is ImageActionData {
  const image = (data as Partial<ImageActionData> | undefined)?.bulwarkImage;
  return typeof image === 'object' && image !== null && typeof image.uri === 'string' && typeof image.ref === 'string' && typeof image.span?.start === 'number' && typeof image.span.end === 'number';
}

export async function resolveImageAction(
  deps: ImageResolveDeps,
  documentOf: (uri: string) => TextDocument | undefined,
  action: CodeAction,
  data: ImageActionData,
  edit: (doc: TextDocument, fix: Fix) => CodeAction['edit'],
): Promise<CodeAction> {
  const { uri, ref, span, findingId, fixIndex } = data.bulwarkImage;
  const answer = await deps.images.lookup(ref);
  // The document as it is after the wait.
  const doc = documentOf(uri);
  if (!doc) return action;
  const text = doc.getText();
  const digests = digestsOf(new Map([[ref, answer]]));
  if (findingId !== undefined) {
    // A replacement applies pinned or not; unpinned, the user hears why.
    const fix = (await reanalysed(deps.analysis, doc, text, digests)).get(findingId)?.fixes[fixIndex ?? -1];
    if (!fix) return action;
    if (!answer.ok) deps.warn(`${ref} was not pinned to a digest: ${answer.reason}`);
    return { ...action, edit: edit(doc, fix) };
  }
  const image = occurrencesOf(doc, text, deps.analysis).find((i) => i.replaceable && i.text === ref && i.span.start === span.start && i.span.end === span.end);
  if (!image) return action;
  const fix = answer.ok ? pinFix(image, digests) : undefined;
  if (!fix) {
    deps.warn(`${ref} was not pinned to a digest: ${answer.ok ? 'its reference cannot be pinned' : answer.reason}`);
    return action;
  }
  return { ...action, edit: edit(doc, fix) };
}
