import { window, workspace, type SecretStorage } from 'vscode';
import { RefreshPolicyRequest } from '../protocol';
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
