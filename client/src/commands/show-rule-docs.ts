import { commands, languages, window, workspace, type Diagnostic, type QuickPickItem } from 'vscode';
import { bulwarkRuleId } from '../diagnostic-rule';
import { RuleSetRequest } from '../protocol';
import { ruleDocsUri, type RuleDocsProvider } from '../rule-docs-provider';
import { parseRuleSet } from '../server-payloads';
import type { ServerSession } from '../server-session';

/**
 * `bulwark.showRuleDocs([ruleId])`: the given rule, else the rule of the Bulwark diagnostic under the
 * cursor, else one picked from the loaded rule set; opens its markdown in a preview.
 */
export async function showRuleDocs(session: ServerSession, provider: RuleDocsProvider, ruleIdArg: unknown): Promise<void> {
  const ruleId = (typeof ruleIdArg === 'string' && ruleIdArg) || ruleUnderCursor() || (await pickRule(session));
  if (!ruleId) return;
  const uri = ruleDocsUri(ruleId);
  provider.refresh(ruleId);
  try {
    await commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // Without the built-in markdown extension the source is still readable.
    await window.showTextDocument(await workspace.openTextDocument(uri), { preview: true });
  }
}

/** The Bulwark diagnostic under the cursor; where several overlap, the narrowest is what the user points at. */
function ruleUnderCursor(): string | undefined {
  const editor = window.activeTextEditor;
  if (!editor) return undefined;
  const cursor = editor.selection.active;
  const width = (d: Diagnostic): number => editor.document.offsetAt(d.range.end) - editor.document.offsetAt(d.range.start);
  const under = languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.range.contains(cursor) && bulwarkRuleId(d) !== undefined)
    .sort((a, b) => width(a) - width(b));
  return under.length > 0 ? bulwarkRuleId(under[0]) : undefined;
}

async function pickRule(session: ServerSession): Promise<string | undefined> {
  const items = session.start().then(async (client) =>
    parseRuleSet(await client.sendRequest(RuleSetRequest, {})).map(
      (rule): QuickPickItem => ({ label: rule.id, description: rule.title, detail: [rule.language, rule.severity].filter(Boolean).join(' · ') }),
    ),
  );
  const picked = await window.showQuickPick(items, { title: 'Bulwark: rule documentation', placeHolder: 'Rule id or title', matchOnDescription: true });
  return picked?.label;
}
