import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/protocol/server-process';

/**
 * Every file on disk and every untitled buffer: Dockerfiles and Kubernetes YAML get their own rules,
 * and secrets can hide in any source file. The server skips what is binary, excluded or larger than
 * bulwark.maxFileSize, so the client does not second-guess it here.
 */
const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'dockerfile' },
  { scheme: 'untitled', language: 'dockerfile' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'file', pattern: '**/*' },
  { scheme: 'untitled' },
];

/**
 * Builds (does not start) the client for the bundled server. The id `bulwark` makes `bulwark.trace.server`
 * work. `initializationOptions` is read at every (re)start, so a restart applies new policy settings.
 */
export function createLanguageClient(context: ExtensionContext, initializationOptions: () => unknown): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS], env: { ...SERVER_ENV } } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'], env: { ...SERVER_ENV } } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // The server pulls `bulwark` per resource (workspace/configuration); this only tells it when to re-pull.
    synchronize: { configurationSection: 'bulwark' },
    diagnosticPullOptions: { onChange: true, onSave: true },
    initializationOptions,
  };
  return new LanguageClient('bulwark', 'Bulwark', serverOptions, clientOptions);
}
