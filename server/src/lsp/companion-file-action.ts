import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompanionFile, Finding } from '../engine';
import { fileTarget, insertionEdit, localPathOf, textOf } from './file-edits';

// A fix's companion file (a Secret manifest scaffold for `valueFrom.secretKeyRef`) as its own code
// action: a new file beside the analysed one. Offered once per file name, and only while that file does
// not exist (an existing manifest is the user's, never overwritten or appended to blindly), except for
// list files the fix says to append to (`.dockerignore`): then the lines go at the end of the file.

export function companionFileActions(
  documents: TextDocuments<TextDocument>,
  doc: TextDocument,
  targets: readonly { readonly finding: Finding; readonly diagnostic?: Diagnostic }[],
  createFiles: boolean,
): CodeAction[] {
  const dir = localPathOf(doc.uri);
  if (!dir) return [];
  const byName = new Map<string, { companion: CompanionFile; diagnostics: Diagnostic[] }>();
  for (const { finding, diagnostic } of targets) {
    for (const fix of finding.fixes) {
      const companion = fix.companionFile;
      if (!companion || !isPlainFileName(companion.fileName)) continue;
      const entry = byName.get(companion.fileName) ?? { companion, diagnostics: [] };
      if (diagnostic) entry.diagnostics.push(diagnostic);
      byName.set(companion.fileName, entry);
    }
  }
  const actions: CodeAction[] = [];
  for (const { companion, diagnostics } of byName.values()) {
    const target = fileTarget(documents, path.join(path.dirname(dir), companion.fileName));
    const existing = textOf(target);
    if (target.kind !== 'absent' && !(companion.append && existing !== undefined)) continue;
    const lead = existing && !existing.endsWith('\n') ? '\n' : '';
    const edit = insertionEdit(target, existing?.length ?? 0, lead + companion.text, createFiles);
    if (!edit) continue;
    actions.push({ title: companion.title, kind: CodeActionKind.QuickFix, ...(diagnostics.length > 0 ? { diagnostics } : {}), edit });
  }
  return actions;
}

function isPlainFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[\\/\u0000]/.test(name);
}
