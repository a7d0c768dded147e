import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, tempDir } from './fixtures';
import { LspTestClient, type Diagnostic } from './lsp-test-client';

/**
 * For a mocha describe: before each test, a fresh workspace folder holding `files` (relative path →
 * text) and the real server started over stdio on it; after each, both gone.
 */
export function useWorkspaceServer(
  mode: 'pull' | 'push',
  prefix: string,
  files: Readonly<Record<string, string>>,
  /** `workspaceEdit.resourceOperations` the client declares (actions that create files need `create`). */
  resourceOperations?: readonly string[],
): WorkspaceServer {
  let root = '';
  let client: LspTestClient | undefined;
  beforeEach(async () => {
    root = tempDir(prefix);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    client = await LspTestClient.start({ mode, workspaceFolders: [root], ...(resourceOperations ? { resourceOperations } : {}) });
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });
  const current = () => {
    if (!client) throw new Error('the server starts in beforeEach');
    return client;
  };
  const uriOf = (rel: string) => fileUri(path.join(root, rel));
  return {
    client: current,
    uriOf,
    diagnosticsUntil: async (rel, wanted, what) => {
      const uri = uriOf(rel);
      const deadline = Date.now() + 20_000;
      for (;;) {
        const latest = mode === 'pull' ? await current().pull(uri) : (current().published.get(uri)?.at(-1)?.diagnostics ?? []);
        if (wanted(latest)) return latest;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(latest.map((d) => d.code))}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

export interface WorkspaceServer {
  client: () => LspTestClient;
  uriOf: (rel: string) => string;
  /** The file's latest diagnostics (pulled again, or the newest push) once `wanted` holds; fails after 20 s naming `what`. */
  diagnosticsUntil: (rel: string, wanted: (d: Diagnostic[]) => boolean, what: string) => Promise<Diagnostic[]>;
}
