import { insideHeredoc } from './assignment-syntax';

// Configuration written inside a string of code: a Java text block or a Kotlin/Python triple-quoted string
// (`String PROPS = """` then `market.password=…` lines), a Ruby squiggly heredoc (`YAML.safe_load(<<~YAML)`
// then `password: …`). There a line is a properties or YAML line, its value unquoted.

/** How many lines above a line its block's opening is looked for. */
const BLOCK_LINES = 12;

/** Whether the line at `lineStart` is inside a triple-quoted block or a heredoc opened above it. */
export function insideStringBlock(text: string, lineStart: number): boolean {
  let end = lineStart - 1;
  for (let n = 0; n < BLOCK_LINES && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const content = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const triple = content.indexOf('"""');
    // The line that opens a block ends with its quotes (`= """`); a line with them elsewhere closes one.
    if (triple >= 0) return content.trimEnd().endsWith('"""') && content.indexOf('"""', triple + 3) < 0;
  }
  return insideHeredoc(text, lineStart);
}
