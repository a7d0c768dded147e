import { Position, Range, Selection, TextEditorRevealType, Uri, window, workspace } from 'vscode';
import { anchorFrom, locateSuppressionReason } from '../suppression-reason';

/**
 * `bulwark.selectSuppressionReason(uri, positionOrRange)`: the server attaches it to "Suppress with a
 * reason" for clients that cannot place a snippet cursor, so the user types the reason right away.
 */
export async function selectSuppressionReason(uriArg: unknown, anchorArg: unknown): Promise<void> {
  const uri = typeof uriArg === 'string' ? Uri.parse(uriArg) : uriArg instanceof Uri ? uriArg : undefined;
  const anchor = anchorFrom(anchorArg) ?? (window.activeTextEditor ? anchorFrom(window.activeTextEditor.selection) : undefined);
  if (!uri || !anchor) return;
  const document = await workspace.openTextDocument(uri);
  const editor = await window.showTextDocument(document);
  const found = locateSuppressionReason((line) => document.lineAt(line).text, document.lineCount, anchor);
  if (!found) return;
  const range = new Range(new Position(found.start.line, found.start.character), new Position(found.end.line, found.end.character));
  editor.selection = new Selection(range.start, range.end);
  editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
}
