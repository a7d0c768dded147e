// Parameter names from the same file's declarations, for values passed by position (call-tuples.ts): a test's data
// row bound to the parameters of the method under it (C# `[DataRow("SCI-204", "…")]`, `[InlineData(…)]`,
// `[TestCase(…)]` above `void Unlock(string door, string readerKey)`), pytest's `parametrize("door,reader_key",
// [("…", "…")])`, and a type declared with its fields' names then constructed by position (Ruby `X =
// Struct.new(:symbol, :shared_secret)` or `Data.define(…)` then `X.new("…", "…")`, Python `X =
// namedtuple("X", "symbol shared_secret")` then `X("…", "…")`). The name is the declared one; the classifier
// then judges it like any key (`readerKey` with key material, `shared_secret`).

/** How many attribute lines may sit between a data row and its method's parameters. */
const ATTRIBUTE_LINES = 8;

/**
 * The name in one declared parameter (`string readerKey = "…"` -> `readerKey`): the first identifier followed by
 * blanks and then the end or `=`. What `/([A-Za-z_]\w*)[ \t]*(?:=[^,]*)?$/` found, in linear time: the regex re-read
 * a long word from each of its letters.
 */
function parameterName(piece: string): string {
  for (let at = 0; at < piece.length; ) {
    if (!/\w/.test(piece[at])) {
      at++;
      continue;
    }
    let end = at;
    while (end < piece.length && /\w/.test(piece[end])) end++;
    let start = at;
    while (start < end && /\d/.test(piece[start])) start++;
    let next = end;
    while (next < piece.length && (piece[next] === ' ' || piece[next] === '\t')) next++;
    if (start < end && (next === piece.length || piece[next] === '=')) return piece.slice(start, end);
    at = end;
  }
  return '';
}

/** The parameter names of the method declared below the attribute line ending at `lineEnd`. */
function methodParametersBelow(text: string, lineEnd: number): string[] | undefined {
  let at = lineEnd + 1;
  for (let n = 0; n < ATTRIBUTE_LINES && at < text.length; n++) {
    const lf = text.indexOf('\n', at);
    const line = text.slice(at, lf < 0 ? text.length : lf);
    if (!/^[ \t]*(?:\[|\/\/|$)/.test(line)) {
      const params = /\(([^()]*)\)/.exec(line);
      return params ? params[1].split(',').map((p) => parameterName(p.trim())) : undefined;
    }
    at = lf < 0 ? text.length : lf + 1;
  }
  return undefined;
}

/** The symbols of a Ruby `Struct.new(:a, :b)` / `Data.define(:a, :b)` argument list (options such as `keyword_init:` aside). */
function symbols(list: string): string[] {
  return [...list.matchAll(/(?:^|[(,\s]):([A-Za-z_]\w*)/g)].map((m) => m[1]);
}

function escaped(name: string): string {
  return name.replace(/[$]/g, '\\$');
}

/** The field names declared for the type constructed by the call opening at `open` (Ruby structs, Python named tuples). */
function constructedFields(text: string, open: number, declared: Map<string, string[] | undefined>): string[] | undefined {
  const before = text.slice(Math.max(0, open - 200), open);
  const chained = /(?:Struct\.new|Data\.define)\(([^()\n]*)\)\.new$/.exec(before);
  if (chained) return symbols(chained[1]);
  const ruby = /\b([A-Z]\w*)\.new$/.exec(before);
  if (ruby) return once(declared, `rb:${ruby[1]}`, () => {
    const m = new RegExp(`\\b${escaped(ruby[1])}[ \\t]*=[ \\t]*(?:Struct\\.new|Data\\.define)\\(([^()\\n]*)\\)`).exec(text);
    return m ? symbols(m[1]) : undefined;
  });
  const python = /(?:^|[^\w.])([A-Z]\w*)$/.exec(before);
  if (!python) return undefined;
  return once(declared, `py:${python[1]}`, () => namedTupleFields(text, python[1]));
}

/** Each type name is looked up once a file: a file may construct one type many times. */
function once(declared: Map<string, string[] | undefined>, name: string, find: () => string[] | undefined): string[] | undefined {
  if (!declared.has(name)) declared.set(name, find());
  return declared.get(name);
}

function namedTupleFields(text: string, name: string): string[] | undefined {
  const tuple = new RegExp(`\\b${escaped(name)}[ \\t]*=[ \\t]*(?:collections\\.)?namedtuple\\([ \\t]*["']\\w+["'][ \\t]*,[ \\t]*(?:["']([\\w ,]+)["']|\\[([^\\]\\n]*)\\])`).exec(text);
  if (!tuple) return undefined;
  return (tuple[1] ?? tuple[2].replace(/["']/g, '')).split(/[\s,]+/).filter((f) => f !== '');
}

/** For a file that declares a type by its fields' names, the memo of its declarations by name; undefined for any other file. */
export function fieldDeclarations(text: string): Map<string, string[] | undefined> | undefined {
  return /Struct\.new|Data\.define|namedtuple/.test(text) ? new Map() : undefined;
}

/** The name declared for the argument at index `i` of the call or tuple opening at `open`, if the file declares one. */
export function declaredParameterName(text: string, open: number, i: number, declared: Map<string, string[] | undefined> | undefined): string | undefined {
  if (text[open] !== '(') return undefined;
  // The call's line, at most 200 characters of it (a minified line must not be read again for every call).
  const near = text.slice(Math.max(0, open - 200), open);
  const head = near.slice(near.lastIndexOf('\n') + 1);
  // A data-row attribute alone on its line: `[DataRow(`, `[InlineData(`, `[TestCase(`.
  if (/^[ \t]*\[[ \t]*[A-Z]\w*$/.test(head)) {
    const close = text.indexOf('\n', open);
    const names = methodParametersBelow(text, close < 0 ? text.length : close);
    return names?.[i] || undefined;
  }
  // pytest: a tuple inside `parametrize("a,b", [ … ])`, the names in the first argument.
  if (/^[ \t]*(?:\[[ \t]*)?$/.test(head) || /[[,][ \t]*$/.test(head)) {
    const list = /parametrize\([ \t]*["']([\w ,]+)["'][ \t]*,[ \t]*\[[^\]]*$/.exec(text.slice(Math.max(0, open - 400), open));
    if (list) return list[1].split(',').map((n) => n.trim())[i] || undefined;
  }
  return declared ? constructedFields(text, open, declared)?.[i] : undefined;
}
