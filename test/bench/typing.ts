import type { Window } from './cpu-profile';
import type { FileKind, Typing } from './edit-points';
import { keystrokesAt, typingPoints } from './keystrokes';
import type { LspBenchClient } from './lsp-bench-client';

const now = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Types as the bench types: opens the file, waits for the workspace index (built after the first
 * diagnostics), then at each edit point types a space and deletes it, or a word inside a value (`typing`).
 * `keystroke` gets each keystroke's label and a `send` that makes the change and returns its window of the
 * monotonic clock, so a caller can read other counters around it.
 */
export async function typeAtEditPoints(
  client: LspBenchClient,
  file: { readonly uri: string; readonly languageId: string; readonly kind: FileKind; readonly text: string },
  edits: number,
  keystroke: (label: string, send: () => Promise<Window>) => Promise<void>,
  typing: Typing = 'space',
): Promise<void> {
  await client.open(file.uri, file.languageId, file.text, 60_000);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await client.timeChange(file.uri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }, 60_000);
  for (const p of typingPoints(file.text, file.kind, edits, typing)) {
    for (const change of keystrokesAt(p, typing)) {
      const send = async (): Promise<Window> => {
        const start = now();
        await client.timeChange(file.uri, change, 60_000);
        return { start, end: now() };
      };
      await keystroke(`${change.text ? `type ${JSON.stringify(change.text)}` : 'delete'} at ${p.line + 1}:${change.range.start.character + 1} (${p.place})`, send);
    }
  }
}
