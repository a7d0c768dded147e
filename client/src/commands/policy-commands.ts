import { Uri, window, workspace, type SecretStorage } from 'vscode';
import { ImportPolicyRequest, RefreshPolicyRequest } from '../protocol';
import { storeLogin } from '../policy-credentials';
import { parsePolicyStatus } from '../server-payloads';
import { describePolicy } from '../status-text';
import type { ServerSession } from '../server-session';

/** "Bulwark: Refresh policy": ask the registry now and say what is in force. */
export async function refreshPolicy(session: ServerSession): Promise<void> {
  const client = await session.start();
  const status = parsePolicyStatus(await client.sendRequest(RefreshPolicyRequest, {}));
  const { detail, warning } = describePolicy(status);
  if (warning) void window.showWarningMessage(`Bulwark policy: ${detail}`);
  else void window.showInformationMessage(`Bulwark policy: ${detail}`);
}

/**
 * "Bulwark: Import policy": an archive from `bulwark policy export` for a machine that cannot reach the
 * registry. The server verifies it with the configured key exactly as a pull; a refusal keeps the policy.
 */
export async function importPolicy(session: ServerSession): Promise<void> {
  const picked = await window.showOpenDialog({
    title: 'Import a policy bundle archive (bulwark policy export)',
    openLabel: 'Import',
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    defaultUri: workspace.workspaceFolders?.[0]?.uri ?? Uri.file('/'),
    filters: { 'Policy bundle archive': ['tar'] },
  });
  const archive = picked?.[0];
  if (!archive) return;
  const client = await session.start();
  const raw = (await client.sendRequest(ImportPolicyRequest, { archive: archive.fsPath })) as { status?: unknown; error?: unknown } | null;
  const { detail } = describePolicy(parsePolicyStatus(raw?.status));
  if (typeof raw?.error === 'string') void window.showErrorMessage(`Bulwark: ${archive.fsPath} was not imported: ${raw.error}. In force: ${detail}`);
  else void window.showInformationMessage(`Bulwark policy imported: ${detail}`);
}

/** "Bulwark: Sign in to policy registry": credentials into secret storage, then a server restart. */
export async function signInToPolicyRegistry(session: ServerSession, secrets: SecretStorage, onSignedIn: () => Promise<void>): Promise<void> {
  const ref = workspace.getConfiguration('bulwark').inspect<string>('policy.ref')?.globalValue;
  if (!ref) {
    void window.showWarningMessage('Bulwark: set bulwark.policy.ref in your user settings first.');
    return;
  }
  const username = await window.showInputBox({ title: `Sign in to ${ref.split('/')[0]}`, prompt: 'User name', ignoreFocusOut: true });
  if (!username) return;
  const password = await window.showInputBox({ title: `Sign in to ${ref.split('/')[0]}`, prompt: 'Password or access token', password: true, ignoreFocusOut: true });
  if (!password) return;
  await storeLogin(secrets, ref, { username, password });
  await onSignedIn();
  await session.restart();
}
