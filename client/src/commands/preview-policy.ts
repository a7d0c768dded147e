import { Uri, window, workspace, type OutputChannel } from 'vscode';
import { PreviewPolicyRequest } from '../protocol';
import { parsePolicyPreview } from '../server-payloads';
import type { ServerSession } from '../server-session';

/**
 * "Bulwark: Preview policy": a champion picks a bundle source folder or a built tar, and sees what it
 * would change on the workspace (new, gone, re-graded findings) before publishing it. The server does
 * the work (bulwark/previewPolicy); the report goes to its own output channel.
 */
export async function previewPolicy(session: ServerSession, output: OutputChannel): Promise<void> {
  const picked = await window.showOpenDialog({
    title: 'Preview a policy bundle on this workspace',
    openLabel: 'Preview',
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: workspace.workspaceFolders?.[0]?.uri ?? Uri.file('/'),
    filters: { 'Policy bundle (folder or image-layout tar)': ['tar'] },
  });
  const candidate = picked?.[0];
  if (!candidate) return;
  const client = await session.start();
  const preview = parsePolicyPreview(await client.sendRequest(PreviewPolicyRequest, { candidate: candidate.fsPath }));
  if (!preview.ok) {
    void window.showErrorMessage(`Bulwark: cannot preview ${candidate.fsPath}: ${preview.message}`);
    return;
  }
  output.replace(preview.report);
  output.show(true);
  void window.showInformationMessage(`Bulwark policy preview: ${preview.counts}.`);
}
