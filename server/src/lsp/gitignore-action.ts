import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { gitignoreAddition, isDotenvFile } from '../engine/dotenv-files';
import type { TrackedFile } from '../node/git-tracked';
import { fileTarget, insertionEdit, localPathOf, textOf } from './file-edits';

// Issue 8: a `.env` file with secrets that git tracks gets "Add … to .gitignore", an edit of the
// repository's .gitignore (created when missing). Offered only when git says the file is tracked.

export interface GitignoreActionDeps {
  readonly documents: TextDocuments<TextDocument>;
  /** Settles within its own deadline; undefined when untracked or unknown (no git, no repository). */
  readonly tracked: (file: string) => Promise<TrackedFile | undefined>;
  /** The client applies CreateFile operations (`workspaceEdit.resourceOperations` has `create`). */
  readonly createFiles: boolean;
}

export async function gitignoreAction(deps: GitignoreActionDeps, doc: TextDocument, secretDiagnostics: readonly Diagnostic[]): Promise<CodeAction | undefined> {
  const file = localPathOf(doc.uri);
  if (!file || !isDotenvFile(file)) return undefined;
  const tracked = await deps.tracked(file);
  if (!tracked) return undefined;
  const target = fileTarget(deps.documents, path.join(tracked.repoRoot, '.gitignore'));
  const addition = gitignoreAddition(textOf(target), tracked.pathInRepo);
  if (!addition) return undefined;
  const edit = insertionEdit(target, addition.offset, addition.text, deps.createFiles);
  if (!edit) return undefined;
  return {
    title: `Add ${tracked.pathInRepo} to .gitignore (then git rm --cached it and rotate its secrets)`,
    kind: CodeActionKind.QuickFix,
    ...(secretDiagnostics.length > 0 ? { diagnostics: [...secretDiagnostics] } : {}),
    edit,
  };
}

/**
 * Asks git once per file for a few seconds: code actions are requested at every cursor move, and the
 * answer rarely changes while one looks at a finding.
 */
export class TrackedFileCache {
  private readonly entries = new Map<string, { readonly at: number; readonly answer: Promise<TrackedFile | undefined> }>();

  constructor(
    private readonly ask: (file: string) => Promise<TrackedFile | undefined>,
    private readonly ttlMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  tracked(file: string): Promise<TrackedFile | undefined> {
    const cached = this.entries.get(file);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.answer;
    if (this.entries.size > 256) this.entries.clear();
    const answer = this.ask(file);
    this.entries.set(file, { at: this.now(), answer });
    return answer;
  }
}
