import { insideHeredoc, lineAbove } from './assignment-syntax';

// Configuration written inside a string of code: a Java text block or a Kotlin/Python triple-quoted string
// (`String PROPS = """` then `market.password=…` lines), a Ruby squiggly heredoc (`YAML.safe_load(<<~YAML)`
// then `password: …`). There a line is a properties or YAML line, its value unquoted.

/** How many lines above a line its block's opening is looked for. */
const BLOCK_LINES = 12;
const STRING_OPENER = /(?:[=(,:]|\breturn)[ \t]*[rRbBfFuUsS]{0,2}"""$/;

/** Whether the line at `lineStart` is inside a triple-quoted block or a heredoc opened above it. */
export function insideStringBlock(text: string, lineStart: number): boolean {
  const quotes = lineAbove(text, lineStart, false, BLOCK_LINES, (content) => content.includes('"""'));
  if (!quotes) return insideHeredoc(text, lineStart);
  // The line that opens a block ends with its quotes after an assignment, an argument or a `return` (`= """`);
  // a line with them elsewhere closes one, and quotes alone open or close a docstring, which is prose.
  const content = quotes.content.trimEnd();
  return STRING_OPENER.test(content) && content.indexOf('"""') === content.length - 3;
}

/**
 * JSON written inside a JSON or code string, its quotes escaped (DNAnexus' `"DX_SECURITY_CONTEXT": "{\"auth_token\":
 * \"…\"}"`, a Helm value or an env var holding a JSON document): a member `\"key\": \"value\"` read as JSON reads
 * it. The span of the value between its escaped quotes, when the key at `keyStart`–`keyEnd` is one.
 */
export function escapedJsonMemberValue(text: string, keyStart: number, keyEnd: number, lineEnd: number): { start: number; end: number } | undefined {
  if (keyStart < 2 || text[keyStart - 2] !== '\\' || text[keyStart - 1] !== '"' || text[keyEnd] !== '\\') return undefined;
  const m = ESCAPED_MEMBER.exec(text.slice(keyEnd, Math.min(lineEnd, keyEnd + 1100)));
  if (!m) return undefined;
  const start = keyEnd + m[0].length - m[1].length - 2;
  return { start, end: start + m[1].length };
}

/** `\": \"value\"`: the value holds no quote and no escape (a secret's characters), up to its escaped closing quote. */
const ESCAPED_MEMBER = /^\\"[ \t]*:[ \t]*\\"([^"\\\n]{1,1000})\\"/;
