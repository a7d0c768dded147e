import { CompletionItemKind, type CompletionItem, type CompletionParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectLanguage } from '../engine';
import { imageCompletionContext, imageCompletions } from '../engine/images/completion';
import type { ImageService } from './image-service';

// Completion inside `FROM ` (Dockerfile) and after `image:` (Kubernetes YAML): the approved images and
// their allowed tags from the list in force. Nothing without a list.

const KINDS = { registry: CompletionItemKind.Folder, image: CompletionItemKind.Module, tag: CompletionItemKind.Value } as const;

export function provideImageCompletion(documents: TextDocuments<TextDocument>, images: ImageService, params: CompletionParams, now: Date): CompletionItem[] {
  const doc = documents.get(params.textDocument.uri);
  const list = images.list();
  if (!doc || !list) return [];
  const text = doc.getText();
  const language = detectLanguage({ uri: doc.uri, text, languageId: doc.languageId });
  const yaml = language === 'kubernetes' || doc.languageId === 'yaml' || /\.ya?ml$/i.test(doc.uri);
  if (language !== 'dockerfile' && !yaml) return [];
  const offset = doc.offsetAt(params.position);
  const context = imageCompletionContext(text, offset, language === 'dockerfile' ? 'dockerfile' : 'yaml');
  if (!context) return [];
  const range = { start: doc.positionAt(context.start), end: params.position };
  return imageCompletions(list, context.typed, now).map((c, i) => ({
    label: c.text,
    kind: KINDS[c.kind],
    detail: c.detail,
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: c.text },
  }));
}
