import type { Window } from './cpu-profile';
import { editPoints } from './edit-points';
import type { LspBenchClient } from './lsp-bench-client';

const now = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Types as the bench types: opens the file, waits for the workspace index (built after the first
 * diagnostics), then at each edit point types a space and deletes it. `keystroke` gets each keystroke's
 * label and a `send` that makes the change and returns its window of the monotonic clock, so a caller can
 * read other counters around it.
 */
export async function typeAtEditPoints(
  client: LspBenchClient,
  file: { readonly uri: string; readonly languageId: string; readonly kind: Parameters<typeof editPoints>[1]; readonly text: string },
  edits: number,
  keystroke: (label: string, send: () => Promise<Window>) => Promise<void>,
): Promise<void> {
  await client.open(file.uri, file.languageId, file.text, 60_000);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await client.timeChange(file.uri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }, 60_000);
  for (const p of editPoints(file.text, file.kind, Math.ceil(edits / 2))) {
    for (const type of [true, false]) {
      const send = async (): Promise<Window> => {
        const start = now();
        await client.timeChange(file.uri, { range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: type ? p.character : p.character + 1 } }, text: type ? ' ' : '' }, 60_000);
        return { start, end: now() };
      };
      await keystroke(`${type ? 'type' : 'delete'} at line ${p.line + 1} (${p.place})`, send);
    }
  }
}
