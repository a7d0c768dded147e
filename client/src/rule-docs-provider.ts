import { EventEmitter, Uri, type Event, type TextDocumentContentProvider } from 'vscode';

export const RULE_DOCS_SCHEME = 'bulwark-rule-docs';

export function ruleDocsUri(ruleId: string): Uri {
  return Uri.from({ scheme: RULE_DOCS_SCHEME, path: `/${ruleId}.md` });
}

/**
 * Read-only virtual documents with a rule's markdown, fetched from the server each time the editor
 * asks, so a restarted server or a changed pack shows current docs.
 */
export class RuleDocsProvider implements TextDocumentContentProvider {
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange: Event<Uri> = this.changed.event;

  constructor(private readonly fetchMarkdown: (ruleId: string) => Promise<string>) {}

  provideTextDocumentContent(uri: Uri): Promise<string> {
    const ruleId = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    return this.fetchMarkdown(ruleId);
  }

  refresh(ruleId: string): void {
    this.changed.fire(ruleDocsUri(ruleId));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
