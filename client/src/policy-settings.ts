// The organisation's policy source as the client hands it to the server. No vscode import: unit-tested.
// Only user (global) values count: these settings decide what is trusted, so a workspace must not be
// able to set them, whatever scope VS Code would otherwise allow (package.json also declares them
// `application` scope, which VS Code enforces itself).

import type { ApprovedImagesInitOptions, PolicyInitOptions } from '../../server/src/lsp/custom-protocol';

/** What the server reads from `initializationOptions.policy` (one type, declared with the protocol). */
export type PolicyOptions = PolicyInitOptions;

/** `WorkspaceConfiguration.inspect`'s shape, narrowed to what is read here. */
export type Inspect = (key: string) => { readonly globalValue?: unknown; readonly defaultValue?: unknown } | undefined;

/**
 * The editor's proxy for the policy registry: the user values of `http.proxy` and `http.noProxy` only
 * (a workspace must not route the organisation's policy through a proxy of its choosing).
 */
export function readProxyOption(inspectHttp: Inspect): PolicyOptions['proxy'] {
  const url = inspectHttp('proxy')?.globalValue;
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  const noProxy = inspectHttp('noProxy')?.globalValue;
  return { url: url.trim(), noProxy: Array.isArray(noProxy) ? noProxy.filter((h): h is string => typeof h === 'string') : [] };
}

export function readPolicyOptions(inspect: Inspect, credentials?: PolicyOptions['credentials'], proxy?: PolicyOptions['proxy']): PolicyOptions | undefined {
  const user = (key: string): unknown => {
    const found = inspect(key);
    return found?.globalValue ?? found?.defaultValue;
  };
  const text = (key: string): string | undefined => {
    const value = user(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const number = (key: string): number | undefined => {
    const value = user(key);
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const ref = text('policy.ref');
  if (ref === undefined) return undefined;
  const options: Record<string, unknown> = { ref };
  const optional: [string, unknown][] = [
    ['publicKey', text('policy.publicKey')],
    ['caFile', text('policy.caFile')],
    ['refreshMinutes', number('policy.refreshMinutes')],
    ['maxAgeDays', number('policy.maxAgeDays')],
    ['credentials', credentials],
    ['proxy', proxy],
  ];
  for (const [key, value] of optional) if (value !== undefined) options[key] = value;
  return options as PolicyOptions;
}

/**
 * `bulwark.approvedImages.file`: the user's (or machine's) value only, like the policy: a workspace
 * must not be able to loosen which images count as approved. package.json declares it `machine` scope.
 */
export function readApprovedImagesOption(inspect: Inspect): ApprovedImagesInitOptions | undefined {
  const file = inspect('approvedImages.file')?.globalValue;
  return typeof file === 'string' && file.trim() !== '' ? { file: file.trim() } : undefined;
}

/** The registry host of a reference (`host[:port]/repo:tag` → `host[:port]`), for the credential key. */
export function registryHostOf(ref: string): string {
  const first = ref.split('/')[0] ?? '';
  return ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : 'docker.io';
}
