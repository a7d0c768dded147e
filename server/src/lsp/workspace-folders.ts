import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node';

/** The client's workspace folders as file-system paths, kept current by didChangeWorkspaceFolders. */
export class WorkspaceFolders {
  private readonly folders = new Map<string, string>();

  replace(folders: readonly WorkspaceFolder[]): void {
    this.folders.clear();
    this.add(folders);
  }

  add(folders: readonly WorkspaceFolder[]): void {
    for (const folder of folders) {
      const fsPath = fsPathOf(folder.uri);
      if (fsPath) this.folders.set(folder.uri, fsPath);
    }
  }

  remove(folders: readonly WorkspaceFolder[]): void {
    for (const folder of folders) this.folders.delete(folder.uri);
  }

  all(): { readonly uri: string; readonly fsPath: string }[] {
    return [...this.folders].map(([uri, fsPath]) => ({ uri, fsPath }));
  }

  /** The innermost folder that contains the file, if any. */
  folderOf(fileUri: string): { readonly uri: string; readonly fsPath: string } | undefined {
    const file = fsPathOf(fileUri);
    if (!file) return undefined;
    let best: { uri: string; fsPath: string } | undefined;
    for (const [uri, fsPath] of this.folders) {
      const rel = path.relative(fsPath, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      if (!best || fsPath.length > best.fsPath.length) best = { uri, fsPath };
    }
    return best;
  }
}

/** The file-system path of a `file:` URI; undefined for other schemes (untitled, git, …). */
export function fsPathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
