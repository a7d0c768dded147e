import type { FileKind } from './edit-points';

// Where a user types a word on a line: inside a value rather than after the line's last character, which
// in YAML and Dockerfiles is usually whitespace that cannot change meaning. The column is the end of the
// value (a word typed there extends an image tag, an env value, a command argument, a string), or
// undefined for a line that holds no value (a comment, a bare key, a lone `\` or `;`).

const QUOTES = new Set(['"', "'", '`']);

/** Before the closing quote when `text` ends with a quoted string, else its end. */
function beforeClosingQuote(text: string, offset: number): number {
  return text.length > 1 && QUOTES.has(text[text.length - 1]) ? offset + text.length - 1 : offset + text.length;
}

function yamlValueColumn(line: string): number | undefined {
  if (/^\s*(#|---|\.\.\.)/.test(line)) return undefined;
  const m = /^(\s*(?:- +)?(?:[^\s#:{}[\],&*!|>'"%@`][^#:]*:\s+|- +))(.*)$/.exec(line);
  if (!m) return undefined;
  // A value ends before a trailing comment (` #`); block scalars, anchors, aliases, tags and flow
  // collections are structure, not text a user types into.
  const value = m[2].replace(/\s+#.*$/, '').trimEnd();
  if (value === '' || /^[|>&*!{[]/.test(value)) return undefined;
  return beforeClosingQuote(value, m[1].length);
}

function dockerfileValueColumn(line: string): number | undefined {
  if (/^\s*#/.test(line)) return undefined;
  // A continuation's `\`, then a shell separator (`&&`, `||`, `;`, `|`) that ends the command on this line.
  const body = line.replace(/\s*\\\s*$/, '').replace(/\s*(&&|\|\||;|\|)\s*$/, '').trimEnd();
  const from = /^(\s*FROM\s+(?:--platform=\S+\s+)?)(\S+)/i.exec(body);
  if (from) return from[1].length + from[2].length;
  if (body.trim() === '' || /^\s*[A-Za-z]+$/.test(body)) return undefined;
  const exec = /"\s*\]$/.exec(body);
  if (exec) return exec.index;
  return beforeClosingQuote(body, 0);
}

/** Before the closing quote of the line's last string literal; undefined without one (or in a comment). */
function sourceValueColumn(line: string): number | undefined {
  if (/^\s*(\/\/|#|\*|\/\*)/.test(line)) return undefined;
  let end: number | undefined;
  for (const m of line.matchAll(/(["'`])(?:\\.|(?!\1).)+\1/g)) end = (m.index ?? 0) + m[0].length - 1;
  return end;
}

export function valueColumn(line: string, kind: FileKind): number | undefined {
  return kind === 'yaml' ? yamlValueColumn(line) : kind === 'dockerfile' ? dockerfileValueColumn(line) : sourceValueColumn(line);
}
