// Decoding wrappers are transparent: a literal passed through a call that decodes, converts or serialises it
// (`Decoders.BASE64.decode("…")`, `sodium_hex2bin('…')`, `bytes.fromhex(\n "…"\n)`, `JSON.stringify('…')`,
// `Base64.getDecoder().decode("…")`) or followed by a conversion method (`"…".hexToByteArray()`, `.getBytes()`,
// `.toCharArray()`) is the literal itself wherever it is used. The wrapper is known by the words of its name
// (decode, hex, base64, bytes, stringify…), not by a list of libraries. A Go slice of one string (`[]string{"…"}`, the
// shape of an `http.Header` value) is transparent the same way.

/** Words of a wrapper's name (lower-cased, the whole dotted name): decoders, byte and string conversions. */
// Node's `Buffer.from("…", "hex")` is its bytes (a second argument names their encoding).
const DECODING_NAME = /decode|decoder|unhex|fromhex|hex2bin|hextobin|hex|base64|b64|base32|bytes|bytearray|stringify|frombase|unhexlify|a2b|^buffer\.from$/;
/** A dotted call name, with `()` between segments (`Base64.getDecoder().decode`), after an optional `new`. */
const CALL_HEAD = /^(?:new[ \t]+)?([A-Za-z_$][\w$]*(?:(?:\(\))?(?:\.|::|->)[A-Za-z_$][\w$]*){0,4})\([ \t]*(?:\r?\n[ \t]*(?:(?:#|\/\/)[^\n]*\n[ \t]*)?)?(?=[bB]?["'])/;
/** After the literal: an encoding's name as a second argument (`'hex'`, `"base64"`, `StandardCharsets.UTF_8`), then `)`. */
const CALL_TAIL = /^[ \t]*(?:,[ \t]*(?:["'][\w-]{2,12}["']|[\w.]{2,40})[ \t]*)?(?:\r?\n[ \t]*)?\)/;
/** A conversion method after the literal: `.hexToByteArray()`, `.decodeHex()`, `.getBytes(UTF_8)`, `.toCharArray()`, `.encode('utf-8')`. */
const CONVERSION = /^\.([A-Za-z_]\w*)\([^()\n]{0,30}\)/;
export const CONVERSION_NAME = /hex|bytes|bytearray|chararray|decode|encode|base64|b64/i;

const MAX_WRAPPED = 1100;

/** The end of the quoted literal opening at `quote` (its closing quote's offset), honouring backslash escapes; -1 past the line. */
function literalClose(text: string, quote: number): number {
  const q = text[quote];
  for (let i = quote + 1; i < text.length && i < quote + MAX_WRAPPED; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === q) return i;
    else if (text[i] === '\n') return -1;
  }
  return -1;
}

export interface DecodedLiteral {
  /** The literal's offset (its `b` prefix or quote). */
  readonly at: number;
  /** The literal's text between its quotes. */
  readonly value: string;
  readonly lineEnd: number;
  /** The offset after the wrapper's closing parenthesis. */
  readonly end: number;
}

/**
 * The literal inside a decoding call written at `at` (`bytes.fromhex("…")`, the literal on the call's line or
 * the next): the offset of its quote (after a `b` prefix) and the end of its line; undefined for any other call.
 */
export function decodedLiteralStart(text: string, at: number): DecodedLiteral | undefined {
  if (text[at] === '[') return oneItemSlice(text, at);
  const head = CALL_HEAD.exec(text.slice(at, at + 160));
  if (!head || !DECODING_NAME.test(head[1].toLowerCase())) return undefined;
  const prefixed = at + head[0].length;
  const quote = text[prefixed] === 'b' || text[prefixed] === 'B' ? prefixed + 1 : prefixed;
  const close = literalClose(text, quote);
  const tail = close < 0 ? null : CALL_TAIL.exec(text.slice(close + 1, close + 60));
  if (!tail) return undefined;
  const lf = text.indexOf('\n', quote);
  return { at: prefixed, value: text.slice(quote + 1, close), lineEnd: lf < 0 ? text.length : lf, end: close + 1 + tail[0].length };
}

/** Go's one-item slice of strings: `[]string{"…"}` (an `http.Header` value, `req.Header["X-Api-Key"] = []string{"…"}`). */
const SLICE_HEAD = /^\[\]string\{[ \t]*(?=["`])/;
const SLICE_TAIL = /^[ \t]*(?:,[ \t]*)?\}/;

/** The literal of a one-item string slice written at `at`: a slice of one value is that value, as a wrapper is. */
function oneItemSlice(text: string, at: number): DecodedLiteral | undefined {
  const head = SLICE_HEAD.exec(text.slice(at, at + 20));
  if (!head) return undefined;
  const quote = at + head[0].length;
  const close = literalClose(text, quote);
  const tail = close < 0 ? null : SLICE_TAIL.exec(text.slice(close + 1, close + 20));
  if (!tail) return undefined;
  const lf = text.indexOf('\n', quote);
  return { at: quote, value: text.slice(quote + 1, close), lineEnd: lf < 0 ? text.length : lf, end: close + 1 + tail[0].length };
}

/** Whether the literal closing at `close` is followed by a conversion method (`.hexToByteArray()`): the offset after it, else `close + 1`. */
export function pastConversion(text: string, close: number): number {
  const m = CONVERSION.exec(text.slice(close + 1, close + 50));
  return m && CONVERSION_NAME.test(m[1]) ? close + 1 + m[0].length : close + 1;
}
