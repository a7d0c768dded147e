import type { Page } from 'playwright-core';
import { waitFor } from '../support/processes';

// Driving the VS Code workbench the way a person does: keyboard shortcuts and visible UI. Selectors are
// the workbench's stable class names (.monaco-workbench, .markers-panel, .quick-input-widget).

export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
  // The explorer shows the folder once the workbench has restored its views; keys work from then on.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 120_000 });
}

export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(name);
  // The list first shows recently opened files: wait for the row of this file, not for any row.
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: name.split('/').pop() ?? name }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 30_000 });
}

export async function openProblems(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 30_000 });
}

export async function problemsText(page: Page): Promise<string> {
  return (await page.locator('.markers-panel').textContent()) ?? '';
}

export async function waitForProblem(page: Page, text: string, present: boolean, timeoutMs: number): Promise<void> {
  let last = '';
  await waitFor(
    present ? `"${text}" in the Problems panel` : `"${text}" to leave the Problems panel`,
    async () => {
      last = await problemsText(page);
      return last.includes(text) === present ? true : undefined;
    },
    timeoutMs,
    () => `Problems panel: ${last || '(empty)'}`,
  );
}

/** The text the active editor shows, line by line in screen order (Monaco renders lines absolutely). */
export async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('.editor-instance .monaco-editor .view-lines .view-line').evaluateAll((elements) =>
    elements.map((element) => {
      // Runs in the page; typed structurally because the test project has no DOM lib.
      const line = element as unknown as { textContent: string | null; style: { top: string } };
      return { top: parseFloat(line.style.top), text: line.textContent ?? '' };
    }),
  );
  return lines
    .sort((a, b) => a.top - b.top)
    .map((l) => l.text.replace(/\u00a0/g, ' '))
    .join('\n');
}

/** Double-clicks the Problems row with `text`: the editor takes focus with the cursor on the problem. */
export async function revealProblem(page: Page, text: string): Promise<void> {
  await page.locator('.markers-panel .monaco-list-row', { hasText: text }).first().dblclick();
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ state: 'visible', timeout: 30_000 });
}

/** Reveals the problem with `text`, opens Quick Fix (Ctrl+.) and picks the action titled `fixTitle`. */
export async function applyQuickFixFromProblems(page: Page, text: string, fixTitle: string): Promise<void> {
  await revealProblem(page, text);
  const action = page.locator('.action-widget .monaco-list-row', { hasText: fixTitle }).first();
  // Ctrl+. pressed while the workbench is still moving focus from Problems to the editor is lost:
  // a person presses it again, and so does the test (three tries, then the timeout is the failure).
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await action.waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await action.click();
}

/** Runs a command from the command palette by its full title ("Bulwark: Scan workspace"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Opens the language status hover (the `{ }` entry of the status bar) and returns its text. */
export async function languageStatusText(page: Page): Promise<string> {
  await page.locator('[id="status.languageStatus"]').click();
  const hover = page.locator('.hover-language-status');
  await hover.first().waitFor({ state: 'visible', timeout: 30_000 });
  return (await hover.first().textContent()) ?? '';
}
