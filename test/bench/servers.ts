import * as path from 'node:path';
import type { FileKind } from './edit-points';
import type { DiagnosticMode, ServerCommand } from './lsp-bench-client';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/protocol/server-process';

// The language servers the bench measures: Bulwark, and the peers a user would run on the same file
// (pinned by package-lock.json). Peers are measured in push mode, the only one they offer.

const REPO_ROOT = path.resolve(__dirname, '../..');

export interface ServerSpec extends ServerCommand {
  readonly name: string;
  readonly kinds: readonly FileKind[];
  readonly modes: readonly DiagnosticMode[];
  /** What the figures include or leave out, printed beside them. */
  readonly note: string;
}

/** Launched with the flags and environment the VS Code client uses; `--node-args` come after them, so they can override them. */
export function bulwarkServer(nodeArgs: readonly string[]): ServerSpec {
  return {
    name: 'Bulwark',
    argv: [process.execPath, ...SERVER_NODE_FLAGS, ...nodeArgs, path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'],
    env: SERVER_ENV,
    configuration: () => null,
    kinds: ['yaml', 'dockerfile', 'source'],
    modes: ['pull', 'push'],
    note: 'every built-in rule on; push includes the server debounce',
  };
}

export function peerServers(): ServerSpec[] {
  const bin = (pkg: string, file: string) => path.join(REPO_ROOT, 'node_modules', pkg, file);
  return [
    {
      name: 'yaml-language-server',
      argv: [process.execPath, bin('yaml-language-server', 'bin/yaml-language-server'), '--stdio'],
      // No schema store and no Kubernetes schema: both are downloads this network does not reach, so the
      // peer checks YAML syntax only. Its own 200 ms validation delay (validationDelayMs) is included.
      configuration: (section) => (section === 'yaml' ? { validate: true, schemaStore: { enable: false }, schemas: {}, hover: false, completion: false, format: { enable: false } } : null),
      kinds: ['yaml'],
      modes: ['push'],
      note: 'YAML syntax only (no schema: downloads unreachable); includes its 200 ms validation delay',
    },
    {
      name: 'docker-langserver',
      argv: [process.execPath, bin('dockerfile-language-server-nodejs', 'bin/docker-langserver'), '--stdio'],
      configuration: () => null,
      kinds: ['dockerfile'],
      modes: ['push'],
      note: 'Dockerfile syntax and instruction checks; no debounce',
    },
  ];
}
