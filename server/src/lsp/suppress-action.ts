import { CodeActionKind, TextDocumentEdit, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { Finding } from '../engine';
import { commentSyntaxFor } from './comment-syntax';
import { SELECT_SUPPRESSION_REASON_COMMAND } from '../protocol/custom-protocol';
import type { PositionMapper } from './convert';

export interface SuppressDocument extends PositionMapper {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  getText(): string;
}

const SUPPRESSION_DAYS = 90;

/**
 * "Suppress <rule> with a reason": a `bulwark-ignore` comment on its own line above the statement,
 * indented like it, expiring in 90 days, with the cursor left inside `reason=""` — by a snippet edit
 * when the client takes them, otherwise by the client-side command SELECT_SUPPRESSION_REASON_COMMAND.
 */
export function suppressAction(doc: SuppressDocument, finding: Finding, diagnostic: Diagnostic | undefined, today: Date, snippetEdits: boolean): CodeAction | undefined {
  const syntax = commentSyntaxFor(doc.languageId, doc.uri);
  if (!syntax) return undefined;
  const text = doc.getText();
  const line = statementLine(text, doc, finding.span.start, doc.languageId === 'dockerfile' || /(^|[\\/])(Docker|Container)file[^\\/]*$/i.test(doc.uri));
  const lineStart = doc.offsetAt({ line, character: 0 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const head = `${indent}${syntax.open} bulwark-ignore ${finding.ruleId} reason="`;
  const tail = `" until=${isoDate(addDays(today, SUPPRESSION_DAYS))}${syntax.close}${eol}`;
  const at = { line, character: 0 };
  const range = { start: at, end: at };
  const title = `Suppress ${finding.ruleId} with a reason`;
  const base: CodeAction = { title, kind: CodeActionKind.QuickFix, ...(diagnostic ? { diagnostics: [diagnostic] } : {}) };
  if (snippetEdits) {
    const snippet = { range, snippet: { kind: 'snippet' as const, value: `${escapeSnippet(head)}$1${escapeSnippet(tail)}` } };
    return { ...base, edit: { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, [snippet])] } };
  }
  const edit: TextEdit = { range, newText: head + tail };
  return {
    ...base,
    edit: { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, [edit])] },
    command: { title: 'Type the reason', command: SELECT_SUPPRESSION_REASON_COMMAND, arguments: [doc.uri, { line, character: head.length }] },
  };
}

/** A Dockerfile instruction may span continuation lines; the directive goes above its first line. */
function statementLine(text: string, doc: PositionMapper, offset: number, dockerfile: boolean): number {
  let line = doc.positionAt(offset).line;
  if (!dockerfile) return line;
  const escape = /^#[ \t]*escape[ \t]*=[ \t]*`/im.test(text.slice(0, 500)) ? '`' : '\\';
  while (line > 0) {
    const previousStart = doc.offsetAt({ line: line - 1, character: 0 });
    const previous = text.slice(previousStart, doc.offsetAt({ line, character: 0 })).replace(/\r?\n$|\r$/, '').trimEnd();
    if (!previous.endsWith(escape)) break;
    line--;
  }
  return line;
}

function escapeSnippet(value: string): string {
  return value.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
