import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CreateFile, TextDocumentEdit, type TextDocuments, type WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readRegularFile } from '../node/regular-file';

// Edits to files other than the one the code action is about (a repository's .gitignore, a new Secret
// manifest): the open editor's text wins over the disk, a missing file is created only where the client
// can create files, and anything else (a link, a folder, an unreadable or huge file) gets no edit.

/** Larger than any hand-written .gitignore or manifest scaffold target; beyond it we edit nothing. */
const MAX_TARGET_BYTES = 1024 * 1024;

export type FileTarget =
  | { readonly kind: 'open'; readonly uri: string; readonly doc: TextDocument }
  | { readonly kind: 'disk'; readonly uri: string; readonly text: string }
  | { readonly kind: 'absent'; readonly uri: string }
  | { readonly kind: 'unavailable' };

/** The local path of a `file:` URI; undefined for any other scheme (untitled, remote). */
export function localPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fileTarget(documents: TextDocuments<TextDocument>, file: string): FileTarget {
  const uri = pathToFileURL(file).href;
  const open = documents.get(uri);
  if (open) return { kind: 'open', uri, doc: open };
  const read = readRegularFile(file, { maxBytes: MAX_TARGET_BYTES, followSymlinks: false });
  if (read.kind === 'absent') return path.isAbsolute(file) ? { kind: 'absent', uri } : { kind: 'unavailable' };
  if (read.kind !== 'bytes') return { kind: 'unavailable' };
  return { kind: 'disk', uri, text: read.bytes.toString('utf8') };
}

export function textOf(target: FileTarget): string | undefined {
  if (target.kind === 'open') return target.doc.getText();
  if (target.kind === 'disk') return target.text;
  return undefined;
}

/** Inserts `text` at `offset` of an existing target, or creates the absent target with `text`. */
export function insertionEdit(target: FileTarget, offset: number, text: string, createFiles: boolean): WorkspaceEdit | undefined {
  switch (target.kind) {
    case 'open': {
      const at = target.doc.positionAt(offset);
      return { documentChanges: [TextDocumentEdit.create({ uri: target.uri, version: target.doc.version }, [{ range: { start: at, end: at }, newText: text }])] };
    }
    case 'disk': {
      const at = TextDocument.create(target.uri, 'plaintext', 0, target.text).positionAt(offset);
      return { documentChanges: [TextDocumentEdit.create({ uri: target.uri, version: null }, [{ range: { start: at, end: at }, newText: text }])] };
    }
    case 'absent': {
      if (!createFiles) return undefined;
      const start = { line: 0, character: 0 };
      // No ignoreIfExists: a file that appeared meanwhile makes the client refuse the edit, not prepend to it.
      return { documentChanges: [CreateFile.create(target.uri), TextDocumentEdit.create({ uri: target.uri, version: null }, [{ range: { start, end: start }, newText: text }])] };
    }
    case 'unavailable':
      return undefined;
  }
}
