import { callArguments, literalArgument, type Argument, type ArgumentPlace } from './argument-places';

// Typed places as pack data: a table of library signatures (a call or constructor, and which of its
// arguments is a password, key or token) kept in the rule's `argumentPlaces` parameter, so a champion adds
// a library in a pack without code (redis-py `Redis(host, port, db, "…")`, PHP `openssl_encrypt(data, method,
// "…", …)`, `ActiveSupport::MessageVerifier.new("…")`, `jsonwebtoken.verify(token, "…")`). A call matches by
// the end of its dotted name, segment by segment (`redis.Redis` and `Redis` both match `Redis`). The literal
// may sit in a decoder of key material (`hex("…")`, `Buffer.from("…", "hex")`); a variable, a lookup or a
// number in the place stays quiet, and the literal is judged like any other value (the rule's filters).

export interface ArgumentPlaceSpec {
  /** The call's name as written, its last dotted segments (`Redis`, `MessageVerifier.new`, `jsonwebtoken.verify`). */
  readonly call: string;
  /** The argument's position, 1-based. */
  readonly argument: number;
  /** The name the finding gives the secret; it must name one (`password`, `secretKey`, `jwtSecret`). */
  readonly name: string;
}

export const ARGUMENT_PLACES_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['call', 'argument', 'name'],
    additionalProperties: false,
    properties: {
      call: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$' },
      argument: { type: 'integer', minimum: 1, maximum: 8 },
      name: { type: 'string', minLength: 2 },
    },
  },
} as const;

/** The keyword each signature is found by: its name and the opening parenthesis (`redis(`, `messageverifier.new(`). */
export function argumentPlaceKeywords(specs: readonly ArgumentPlaceSpec[]): string[] {
  return specs.map((s) => `${s.call.toLowerCase()}(`);
}

/** Signatures by their last segment, for a look-up per call read. */
export type ArgumentPlaceTable = ReadonlyMap<string, readonly ArgumentPlaceSpec[]>;

export function compileArgumentPlaces(specs: readonly ArgumentPlaceSpec[]): ArgumentPlaceTable {
  const table = new Map<string, ArgumentPlaceSpec[]>();
  for (const s of specs) {
    const last = s.call.slice(s.call.lastIndexOf('.') + 1);
    table.set(last, [...(table.get(last) ?? []), s]);
  }
  return table;
}

/** A decoder of key material around the literal: `hex("…")`, `Buffer.from("…", "hex")`, `base64_decode('…')`, `bytes.fromhex("…")`. */
const DECODER = /^(?:hex|unhexlify|(?:bytes\.)?fromhex|hex2bin|base64_decode|Buffer\.from|(?:base64\.)?b64decode|Convert\.FromBase64String|Base64\.decode64)\([ \t]*(["'])((?:\\.|(?!\1)[^\\\n])*)\1[ \t]*(?:,[ \t]*["'](?:hex|base64)["'][ \t]*)?\)$/;

function placedLiteral(text: string, arg: Argument): number | undefined {
  const literal = literalArgument(text, arg);
  if (literal) return literal.at;
  const decoded = DECODER.exec(text.slice(arg.start, arg.end));
  return decoded ? arg.start + decoded[0].indexOf(decoded[1]) : undefined;
}

/** The literal in the place a signature of `table` gives the call named `key`, opening at `open`. */
export function typedArgumentPlace(text: string, key: string, open: number, table: ArgumentPlaceTable): ArgumentPlace | undefined {
  const specs = table.get(key.slice(key.lastIndexOf('.') + 1));
  if (!specs) return undefined;
  const spec = specs.find((s) => key === s.call || key.endsWith(`.${s.call}`));
  if (!spec) return undefined;
  const args = callArguments(text, open);
  const arg = args && args.length >= spec.argument ? args[spec.argument - 1] : undefined;
  const at = arg && placedLiteral(text, arg);
  if (at === undefined) return undefined;
  const lf = text.indexOf('\n', at);
  return { at, lineEnd: lf < 0 ? text.length : lf, name: spec.name };
}
