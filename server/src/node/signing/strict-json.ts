// JSON.parse keeps the last of two equal keys silently. A signed payload with
// `"docker-manifest-digest"` twice could then mean one digest to us and another to a verifier that keeps
// the first, so signed documents are parsed here: the same grammar, but a repeated key is an error
// (containers/image's paranoid parser refuses them too).

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const MAX_DEPTH = 64;

/** Parses JSON text, refusing duplicate object keys. Throws an Error naming the offset on bad input. */
export function parseStrictJson(text: string): JsonValue {
  // Sticky regexes carry lastIndex, so each parse gets its own.
  const state: State = {
    text,
    pos: 0,
    number: /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y,
    string: /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y,
    space: /[ \t\n\r]*/y,
  };
  const value = parseValue(state, 0);
  skipSpace(state);
  if (state.pos !== text.length) fail(state, 'unexpected text after the JSON value');
  return value;
}

interface State {
  readonly text: string;
  pos: number;
  readonly number: RegExp;
  readonly string: RegExp;
  readonly space: RegExp;
}

function parseValue(s: State, depth: number): JsonValue {
  if (depth > MAX_DEPTH) fail(s, 'nesting too deep');
  skipSpace(s);
  const c = s.text[s.pos];
  if (c === '{') return parseObject(s, depth);
  if (c === '[') return parseArray(s, depth);
  if (c === '"') return parseString(s);
  for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
    if (s.text.startsWith(word, s.pos)) {
      s.pos += word.length;
      return value;
    }
  }
  s.number.lastIndex = s.pos;
  const m = s.number.exec(s.text);
  if (m === null) fail(s, 'expected a JSON value');
  s.pos += m[0].length;
  return Number(m[0]);
}

function parseObject(s: State, depth: number): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = Object.create(null) as { [key: string]: JsonValue };
  s.pos++;
  skipSpace(s);
  if (s.text[s.pos] === '}') {
    s.pos++;
    return out;
  }
  for (;;) {
    skipSpace(s);
    if (s.text[s.pos] !== '"') fail(s, 'expected a key');
    const key = parseString(s);
    if (Object.prototype.hasOwnProperty.call(out, key)) fail(s, `duplicate key "${key}"`);
    skipSpace(s);
    if (s.text[s.pos] !== ':') fail(s, 'expected ":"');
    s.pos++;
    out[key] = parseValue(s, depth + 1);
    skipSpace(s);
    const c = s.text[s.pos++];
    if (c === '}') return out;
    if (c !== ',') fail(s, 'expected "," or "}"');
  }
}

function parseArray(s: State, depth: number): JsonValue[] {
  const out: JsonValue[] = [];
  s.pos++;
  skipSpace(s);
  if (s.text[s.pos] === ']') {
    s.pos++;
    return out;
  }
  for (;;) {
    out.push(parseValue(s, depth + 1));
    skipSpace(s);
    const c = s.text[s.pos++];
    if (c === ']') return out;
    if (c !== ',') fail(s, 'expected "," or "]"');
  }
}

function parseString(s: State): string {
  s.string.lastIndex = s.pos;
  const m = s.string.exec(s.text);
  if (m === null) fail(s, 'bad string');
  s.pos += m[0].length;
  return JSON.parse(m[0]) as string;
}

function skipSpace(s: State): void {
  s.space.lastIndex = s.pos;
  s.pos += s.space.exec(s.text)?.[0].length ?? 0;
}

function fail(s: State, message: string): never {
  throw new Error(`invalid JSON at offset ${s.pos}: ${message}`);
}

export function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
