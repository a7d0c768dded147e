import type { Diagnostic, Range, TextEdit } from './lsp-test-client';

export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { documentChanges?: { textDocument: { uri: string; version: number | null }; edits: (TextEdit | { range: Range; snippet: { kind: string; value: string } })[] }[] };
  command?: { command: string; arguments?: unknown[] };
  data?: unknown;
  disabled?: { reason: string };
}

/** The plain text edits of an action's single versioned TextDocumentEdit. */
export function textEditsOf(action: CodeAction): { uri: string; version: number | null; edits: TextEdit[] } {
  const change = action.edit?.documentChanges?.[0];
  if (!change) throw new Error(`action "${action.title}" has no documentChanges`);
  const edits = change.edits.map((e) => {
    if ('newText' in e) return e;
    throw new Error(`action "${action.title}" has a snippet edit`);
  });
  return { uri: change.textDocument.uri, version: change.textDocument.version, edits };
}

export function codeActionParams(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): unknown {
  return { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } };
}
