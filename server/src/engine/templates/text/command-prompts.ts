import { lineEndAt } from '../../text';
import type { Assignment } from './assignment-scan';

// A prompt answered by a literal, whatever the program that asks: an `expect` script (a heredoc fed to `expect`, a
// `.exp` file) waits for a prompt that asks for a secret (`expect "*assword*"`, `expect -re "Enter passphrase"`) and
// answers it with the next `send "…\r"`. The answer is the secret; it is judged by the rule like any other value.
// A command that sets a password reads it twice from a here-document (`passwd ops <<EOF`, the literal then its
// confirmation): the literal typed twice is the secret. Read outside the line memo (command-line-memo.ts): the
// answer is on a line after the prompt's.

/** A prompt asking for a secret: its words, case-insensitive (`Password:`, `*assword*`, `passphrase`, `PIN`). */
const SECRET_PROMPT = /assword|passphrase|passcode|secret|token|\bpin\b/i;
/** How many lines after the prompt its answer may be (a `send_user` or a blank line between). */
const ANSWER_LINES = 3;

/** The answer sent to a secret prompt on the line `lineStart`, when that line is `expect … "<prompt>"`. */
export function promptAnswer(text: string, lineStart: number): Assignment | undefined {
  const lineEnd = lineEndAt(text, lineStart);
  const line = text.slice(lineStart, lineEnd);
  const head = firstWord(line);
  if (head.word !== 'expect' || !SECRET_PROMPT.test(line.slice(head.end))) return undefined;
  let at = lineEnd + 1;
  for (let n = 0; n < ANSWER_LINES && at < text.length; n++) {
    const end = lineEndAt(text, at);
    const answer = sentLiteral(text, at, end);
    if (answer !== null) return answer;
    at = end + 1;
  }
  return undefined;
}

/** The literal of a `send "…"`/`send -- "…"`/`send {…}` line (its `\r`/`\n` dropped); null when the line sends nothing, undefined when it sends no literal. */
function sentLiteral(text: string, start: number, end: number): Assignment | undefined | null {
  const line = text.slice(start, end);
  const head = firstWord(line);
  if (head.word === '') return null;
  if (head.word !== 'send') return head.word === 'expect' ? undefined : null;
  let at = head.end;
  while (line[at] === ' ' || line[at] === '\t') at++;
  if (line.startsWith('-- ', at)) at += 3;
  const open = line[at];
  const close = open === '{' ? '}' : open;
  if (open !== '"' && open !== "'" && open !== '{') return undefined;
  const closeAt = line.indexOf(close, at + 1);
  if (closeAt < 0) return undefined;
  let valueEnd = closeAt;
  while (valueEnd - at > 2 && (line.endsWith('\\r', valueEnd) || line.endsWith('\\n', valueEnd))) valueEnd -= 2;
  const value = line.slice(at + 1, valueEnd);
  // Tcl substitutes `$var` and `[cmd]` inside double quotes: no literal.
  if (value === '' || /[$[\\\s]/.test(value)) return undefined;
  const valueStart = start + at + 1;
  return {
    key: 'password',
    shownKey: 'send',
    keySpan: { start: valueStart, end: valueStart },
    value,
    valueSpan: { start: valueStart, end: valueStart + value.length },
    literalSpan: { start: start + at, end: start + closeAt + 1 },
    quote: open === '{' ? '' : open,
    prefix: '',
    operator: ' ',
    embedded: true,
  };
}

/** A command named for the password it sets (`passwd`, `smbpasswd`, `vncpasswd`, `kpasswd`), after an optional `sudo`. */
const SETS_PASSWORD = /^[ \t]*(?:sudo[ \t]+)?(?:\S*\/)?[a-z]*passw(?:or)?d\b[^<\n]*<<-?[ \t]*(["']?)([A-Za-z_]\w*)\1[ \t]*$/;

/**
 * `passwd ops <<EOF` whose first two lines are one literal typed twice (the new password and its confirmation): that
 * literal, whatever the command, when its name says it sets a password.
 */
export function typedTwiceAnswer(text: string, lineStart: number): Assignment | undefined {
  const lineEnd = lineEndAt(text, lineStart);
  const m = SETS_PASSWORD.exec(text.slice(lineStart, lineEnd));
  if (!m || lineEnd >= text.length) return undefined;
  const firstEnd = lineEndAt(text, lineEnd + 1);
  const first = text.slice(lineEnd + 1, firstEnd);
  const second = text.slice(firstEnd + 1, lineEndAt(text, firstEnd + 1));
  const value = first.endsWith('\r') ? first.slice(0, -1) : first;
  // An unquoted delimiter expands `$VAR` in the body: a reference, not a literal.
  if (value === '' || value === m[2] || value !== (second.endsWith('\r') ? second.slice(0, -1) : second) || /[\s$`\\]/.test(value)) return undefined;
  const start = lineEnd + 1;
  const span = { start, end: start + value.length };
  return { key: 'password', shownKey: 'passwd', keySpan: { start, end: start }, value, valueSpan: span, literalSpan: span, quote: '', prefix: '', operator: ' ', embedded: true };
}

/** The line's first word (after blanks) and where it ends. */
function firstWord(line: string): { word: string; end: number } {
  let start = 0;
  while (line[start] === ' ' || line[start] === '\t') start++;
  let end = start;
  while (end < line.length && /[A-Za-z_]/.test(line[end])) end++;
  return { word: line.slice(start, end), end };
}
