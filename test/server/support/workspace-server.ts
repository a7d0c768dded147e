import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, tempDir } from './fixtures';
import { LspTestClient } from './lsp-test-client';

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
): { client: () => LspTestClient; uriOf: (rel: string) => string } {
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
  return {
    client: () => {
      if (!client) throw new Error('the server starts in beforeEach');
      return client;
    },
    uriOf: (rel) => fileUri(path.join(root, rel)),
  };
}
