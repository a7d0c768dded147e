import { randomUUID } from 'node:crypto';
import { ProgressLocation, commands, window, workspace } from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import { ScanWorkspaceRequest } from '../protocol';
import type { ScanWorkspaceResult } from '../../../server/src/protocol/custom-protocol';
import { describeScan, parseScanSummary, type ScanMessage } from '../server-payloads';
import type { ServerSession } from '../server-session';

/**
 * `bulwark.scanWorkspace`: asks the server to analyse every workspace file. The server reports
 * progress on the token we pass and publishes the findings, so they land in the Problems view.
 */
export async function scanWorkspace(session: ServerSession): Promise<void> {
  if (!workspace.workspaceFolders?.length) {
    void window.showInformationMessage('Bulwark: open a folder or workspace to scan it.');
    return;
  }
  let outcome: { summary: ScanWorkspaceResult | undefined } | { error: string } | undefined;
  try {
    outcome = await window.withProgress(
      { location: ProgressLocation.Notification, title: 'Bulwark: scanning workspace', cancellable: true },
      async (progress, cancellation) => {
        const client = await session.start();
        const workDoneToken = randomUUID();
        let reported = 0;
        const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const { message, percentage } = value;
          const increment = typeof percentage === 'number' ? Math.max(0, percentage - reported) : undefined;
          if (typeof percentage === 'number') reported = Math.max(reported, percentage);
          progress.report({ message, increment });
        });
        try {
          return { summary: parseScanSummary(await client.sendRequest(ScanWorkspaceRequest, { workDoneToken }, cancellation)) };
        } catch (err) {
          if (cancellation.isCancellationRequested) return undefined;
          throw err;
        } finally {
          listener.dispose();
        }
      },
    );
  } catch (err) {
    // The server could not start, or answered with an error: say so, never "scanned 0 files".
    outcome = { error: err instanceof Error ? err.message : String(err) };
  }
  if (!outcome) return;
  const message = describeScan(outcome);
  if ('summary' in outcome && (outcome.summary?.findings ?? 0) > 0) await commands.executeCommand('workbench.actions.view.problems');
  show(message);
}

function show(message: ScanMessage): void {
  if (message.level === 'error') void window.showErrorMessage(message.text);
  else if (message.level === 'warning') void window.showWarningMessage(message.text);
  else void window.showInformationMessage(message.text);
}
