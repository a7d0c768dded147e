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
