// Text from scanned files and packs (file names, image references, container names, messages, rule
// titles, fixture lines) reaches terminals and CI logs. Raw, a newline in it forges a report line
// (`src/x.py:1:1: critical …`), an escape sequence clears the screen or rewrites what is shown, and a
// bidi control reorders what is read (Trojan Source). Every piece of such text goes through
// terminalSafe before it is printed; the output's own line breaks and colours are added around it.

// C0 controls, DEL and C1 controls; line and paragraph separators; bidi marks, embeddings, overrides
// and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same set minus what JSON.stringify already escapes (C0, `"` and `\`).
const JSON_UNESCAPED = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One line of text with every control and bidi character shown as an escape (`\n`, `\x1b`, `\u202e`). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? escapeCode(c.charCodeAt(0)));
}

/**
 * Multi-line text whose line breaks are the output's own (an excerpt of several fixture lines): each
 * line is made safe, and lines are joined with `\n` again. A lone CR is escaped, never kept.
 */
export function terminalSafeLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}

/**
 * A JSON document whose values keep their meaning, with the characters JSON allows raw but terminals
 * act on (DEL, C1, bidi controls, U+2028/9) written as \u escapes, so `cat report.json` is safe too.
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(JSON_UNESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeCode(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
