import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

// Runs inside VS Code (see runTest.ts): the extension as VS Code loads it from the repository,
// a Dockerfile with `FROM node:latest`, its diagnostic, and a quick fix applied through the API.

const RULE = 'docker-image-latest-tag';

function isBulwark(d: vscode.Diagnostic, ruleId: string): boolean {
  return d.source === 'bulwark' && (typeof d.code === 'object' ? d.code.value : d.code) === ruleId;
}

function bulwarkDiagnostics(uri: vscode.Uri, ruleId: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => isBulwark(d, ruleId));
}

/** Resolves when `accept` holds for the URI's diagnostics, checking now and on every change. */
function whenDiagnostics(uri: vscode.Uri, accept: (all: vscode.Diagnostic[]) => boolean, timeoutMs: number): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const all = vscode.languages.getDiagnostics(uri);
      if (!accept(all)) return false;
      cleanup();
      resolve(all);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`diagnostics of ${uri.fsPath} did not reach the expected state: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message))}`));
    }, timeoutMs);
    const cleanup = (): void => {
      listener.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

describe('Bulwark in VS Code (@vscode/test-electron)', () => {
  const workspace = process.env.BULWARK_E2E_WORKSPACE ?? '';
  const uri = vscode.Uri.file(path.join(workspace, 'Dockerfile'));

  it('reports FROM node:latest as a Bulwark diagnostic', async () => {
    assert.ok(workspace, 'BULWARK_E2E_WORKSPACE is not set');
    const extension = vscode.extensions.getExtension('bulwark.bulwark');
    assert.ok(extension, 'the extension under development is not loaded');
    await extension.activate();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await whenDiagnostics(uri, () => bulwarkDiagnostics(uri, RULE).length > 0, 60_000);
  });

  it('offers quick fixes for it, and applying one makes the diagnostic go away', async () => {
    const [diagnostic] = bulwarkDiagnostics(uri, RULE);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const ours = actions.filter((a) => a.diagnostics?.some((d) => isBulwark(d, RULE)) ?? a.title.includes(RULE));
    assert.ok(ours.length > 0, `no quick fix for ${RULE}: ${JSON.stringify(actions.map((a) => a.title))}`);
    const document = await vscode.workspace.openTextDocument(uri);
    const before = document.getText();
    const preferred = ours.find((a) => a.isPreferred);
    const action = preferred ?? ours.find((a) => a.title === `Suppress ${RULE} with a reason`);
    assert.ok(action?.edit, `no applicable quick fix among ${JSON.stringify(ours.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit), 'the workspace edit was not applied');
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
    if (!preferred) {
      // The suppression leaves the cursor inside reason=""; a reason is what makes it valid.
      await vscode.commands.executeCommand('type', { text: 'reviewed in the electron suite' });
    }
    assert.notEqual(document.getText(), before, 'the document did not change');
    await whenDiagnostics(uri, () => bulwarkDiagnostics(uri, RULE).length === 0, 60_000);
    if (!preferred) assert.match(document.getText(), new RegExp(`bulwark-ignore ${RULE} reason="reviewed in the electron suite"`));
  });
});
