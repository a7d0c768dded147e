import type { SecretStorage } from 'vscode';
import type { RegistryLogin } from '../../server/src/protocol/custom-protocol';
import { registryHostOf } from './policy-settings';

// "Sign in to policy registry": the user name and password live in VS Code's secret storage (the OS
// keychain), per registry host, and reach the server only through initializationOptions.

export type { RegistryLogin } from '../../server/src/protocol/custom-protocol';

const KEY_PREFIX = 'bulwark.policyRegistry/';

export async function loadLogin(secrets: SecretStorage, ref: string | undefined): Promise<RegistryLogin | undefined> {
  if (!ref) return undefined;
  const raw = await secrets.get(KEY_PREFIX + registryHostOf(ref));
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<RegistryLogin>;
    return typeof value.username === 'string' && typeof value.password === 'string' ? { username: value.username, password: value.password } : undefined;
  } catch {
    return undefined;
  }
}

export async function storeLogin(secrets: SecretStorage, ref: string, login: RegistryLogin): Promise<void> {
  await secrets.store(KEY_PREFIX + registryHostOf(ref), JSON.stringify(login));
}
