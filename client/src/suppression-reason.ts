// Where the reason of a freshly inserted `bulwark-ignore … reason=""` sits. No vscode import: unit-tested.

export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

export interface LineRange {
  readonly start: LinePosition;
  readonly end: LinePosition;
}

const REASON = /reason="([^"]*)"/;

/**
 * Finds the quoted reason of the suppression comment the code action just inserted around `anchor`:
 * lines inside the anchor first, then the line below (an edit that ends with a newline) and the one
 * above. Returns the range between the quotes (empty for `reason=""`), or undefined.
 */
export function locateSuppressionReason(lineAt: (line: number) => string, lineCount: number, anchor: LineRange): LineRange | undefined {
  const candidates: number[] = [];
  for (let line = anchor.start.line; line <= anchor.end.line; line++) candidates.push(line);
  candidates.push(anchor.end.line + 1, anchor.start.line - 1);
  for (const line of candidates) {
    if (line < 0 || line >= lineCount) continue;
    const text = lineAt(line);
    if (!text.includes('bulwark-ignore')) continue;
    const match = REASON.exec(text);
    if (!match) continue;
    const start = match.index + 'reason="'.length;
    return { start: { line, character: start }, end: { line, character: start + match[1].length } };
  }
  return undefined;
}

/** Command arguments arrive as JSON: a Position or a Range, in LSP or VS Code shape. */
export function anchorFrom(arg: unknown): LineRange | undefined {
  const position = asPosition(arg);
  if (position) return { start: position, end: position };
  if (typeof arg === 'object' && arg !== null && 'start' in arg && 'end' in arg) {
    const start = asPosition(arg.start);
    const end = asPosition(arg.end);
    if (start && end) return { start, end };
  }
  return undefined;
}

function asPosition(value: unknown): LinePosition | undefined {
  if (typeof value !== 'object' || value === null || !('line' in value) || !('character' in value)) return undefined;
  const { line, character } = value;
  return typeof line === 'number' && typeof character === 'number' ? { line, character } : undefined;
}
