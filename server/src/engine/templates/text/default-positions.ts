import { lineEndAt } from '../../text';
import { callArguments, literalArgument } from './argument-places';
import { nextLine, type LineBounds } from './assignment-forms';
import { looksLikeKeyMaterial } from './key-material';

// A literal reaches a secret-named place through a default, fallback or identity position, where the code
// around it is otherwise a declaration or a lookup. One form, read by position rather than by library:
//   - the default of an option or flag declared under a secret-named name: the declaring call's `default`
//     argument or member (argparse `add_argument("--…-secret", default="…")`, click `option("--…", envvar=…,
//     default="…")`, yargs `.option("token", { default: "…" })`) or a default chained on it (kingpin
//     `Flag("…-password", help).Default("…")`);
//   - the body of a block or lambda that is the whole value (`lambda: "…"`, `() -> "…"`, `{ "…" }`), also as a
//     field's `default_factory` and as the block of a call naming a secret (Ruby `define_method(:…_secret) {
//     "…" }`, RSpec `let(:api_key) { "…" }`);
//   - the fallback assigned to a variable that a lookup of a secret-named key filled (`if (k :=
//     os.getenv("…_KEY")) is None:\n k = "…"`, Go `v, ok := os.LookupEnv("…")` then `v = "…"`), and a
//     fallback method continuing the statement on the next line (`runCatching { … }\n .getOrElse { "…" }`);
//   - a pass-through wrapper, a call that hands its literal on unchanged or only marks it: identity conversions
//     (`String("…")`, `str("…")`, `Some("…")`, `String::from("…")`, `Optional.of("…")`) and wrappers whose
//     name says they hold a secret (Terraform `sensitive("…")`, `Secret::new("…")`, `SecretStr("…")`).
// The name and the literal's shape decide afterwards, as for any assignment.

export interface DefaultPlace {
  /** The offset of the literal (its prefix or quote). */
  readonly at: number;
  readonly lineEnd: number;
  /** The name the secret is given, when it is not the key hit itself (a lookup's variable, an option's name). */
  readonly key?: string;
}

/** Named arguments or members holding an option's default (`default=`, `default:`, `defaultValue:`, `default_factory=lambda:`). */
const DEFAULT_ARGUMENT = /^(?:\{[^{}]*?\b)?(?:default(?:_?value|Value)?|default_factory)[ \t]*[=:][ \t]*(?:lambda[ \t]*:[ \t]*)?/;
/** A default chained on the declaring call, after a few other chained calls (`.Envar("X").Default("…")`). */
const CHAINED_DEFAULT = /^(?:\s*\.[A-Za-z_]\w*\([^()\n]{0,80}\)){0,3}\s*\.(?:Default|default|defaultValue|setDefault|withDefault)\([ \t]*(?=[bBrR]?["'])/;

/** Before the key inside an option's name: a shorthand and dashes (`"-t, --token <t>"`, `"--client-secret"`). */
const NAME_HEAD = /^(?:-\w,[ \t]*)?-{0,2}$/;
/** After the key inside an option's name: a value placeholder (`--token <token>`, `--token=[value]`). */
const NAME_TAIL = /^(?:[ =][<[][\w.-]{1,30}[>\]])?(?=["'])/;

/**
 * The key hit is a secret-named option's name, an argument of its declaring call (`add_argument(
 * "--client-secret", …)`, `Flag("rcon-password", …)`, `StringVarP(&v, "password", "p", …)`): that call's default,
 * if it is a literal: a `default` argument or member, a default chained on the call, or, for a name written with
 * dashes or beside a shorthand, the first literal after it that is neither a shorthand, an alias nor prose
 * (commander `.option("--token <t>", "API token", "…")`, pflag `StringP("password", "p", "…", usage)`).
 */
export function optionDefaultStart(text: string, keyStart: number, keyEnd: number, lineStart: number): DefaultPlace | undefined {
  let quote = keyStart - 1;
  while (quote > lineStart && keyStart - quote < 8 && text[quote] !== '"' && text[quote] !== "'") quote--;
  if ((text[quote] !== '"' && text[quote] !== "'") || !NAME_HEAD.test(text.slice(quote + 1, keyStart))) return undefined;
  const tail = NAME_TAIL.exec(text.slice(keyEnd, keyEnd + 40));
  if (!tail || text[keyEnd + tail[0].length] !== text[quote]) return undefined;
  let open = quote - 1;
  while (open > lineStart && /[ \t&\w.$,]/.test(text[open]) && quote - open < 40) open--;
  if (text[open] !== '(' || !/[\w$]/.test(text[open - 1] ?? '')) return undefined;
  const args = callArguments(text, open);
  const nameAt = args ? args.findIndex((a) => a.start === quote) : -1;
  // The name first, or after the variable a Go flag is bound to (`StringVar(&v, "password", …)`).
  if (!args || nameAt < 0 || (nameAt === 1 && !/^&[\w.]+$/.test(text.slice(args[0].start, args[0].end))) || nameAt > 1) return undefined;
  const later = args.slice(nameAt + 1);
  for (const arg of later) {
    const m = DEFAULT_ARGUMENT.exec(text.slice(arg.start, Math.min(arg.end, arg.start + 200)));
    if (!m) continue;
    const inner = { start: arg.start + m[0].length, end: text[arg.start] === '{' ? memberEnd(text, arg.start + m[0].length, arg.end) : arg.end };
    const literal = literalArgument(text, inner);
    if (literal) return { at: literal.at, lineEnd: lineEndAt(text, literal.at) };
  }
  const close = args[args.length - 1].end;
  const after = text.indexOf(')', close);
  const chained = after < 0 ? null : CHAINED_DEFAULT.exec(text.slice(after + 1, after + 400));
  if (chained) return { at: after + 1 + chained[0].length, lineEnd: lineEndAt(text, after + 1 + chained[0].length) };
  const literals = later.map((a) => literalArgument(text, a));
  const dashed = text[quote + 1] === '-' || (literals[0] !== undefined && /^-?\w$/.test(literals[0].value));
  const positional = dashed ? literals.find((l) => l !== undefined && !/^-?\w$|^-|\s/.test(l.value)) : undefined;
  return positional && { at: positional.at, lineEnd: lineEndAt(text, positional.at) };
}

/** The end of an object member's value starting at `at`, inside an object argument ending at `end` (its `,` or `}`). */
function memberEnd(text: string, at: number, end: number): number {
  const q = text[at];
  if (q !== '"' && q !== "'") return at;
  for (let i = at + 1; i < end; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === q) return i + 1;
  }
  return at;
}

/** A lambda's or a block's head whose body is the literal alone: `lambda: `, `() -> `, `() => `, `{ `, `-> { `, `proc { `. */
const BLOCK_HEAD = /^(?:lambda[ \t]*:|\(\)[ \t]*(?:->|=>)|(?:(?:->|proc|lambda)[ \t]*)?\{)[ \t]*(?:return[ \t]+)?(?=[bBrR]?["'])/;
/** What closes the body right after the literal: the block's brace, the enclosing call's parenthesis, a separator or the line's end. */
const BODY_END = /^(?:\.\w+\(\))?[ \t]*(?:[)}\],;]|\r?$)/;

/** The literal that is a lambda's or a block's whole body (`lambda: "…"`, `{ "…" }`), the lambda written at `at`. */
export function blockBodyStart(text: string, at: number, lineEnd: number): number | undefined {
  const m = BLOCK_HEAD.exec(text.slice(at, Math.min(lineEnd, at + 24)));
  if (!m) return undefined;
  const literal = at + m[0].length;
  return literalFollowedBy(text, literal, lineEnd, BODY_END) ? literal : undefined;
}

/** Whether the literal at `literal` (a prefix, then its quote) closes on its line and `after` matches what follows it. */
function literalFollowedBy(text: string, literal: number, lineEnd: number, after: RegExp): boolean {
  const quoteAt = /[bBrR]/.test(text[literal]) ? literal + 1 : literal;
  const q = text[quoteAt];
  for (let i = quoteAt + 1; i < lineEnd; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === q) return after.test(text.slice(i + 1, Math.min(lineEnd, i + 24)));
  }
  return false;
}

/**
 * The key hit is a symbol or a string that a call takes (`define_method(:webhook_secret)`, `let(:api_key)`,
 * `attribute("token")`), and the call's block returns a literal (`{ "…" }`, or `do`, the literal, `end`).
 */
export function namedBlockStart(text: string, keyStart: number, keyEnd: number, line: LineBounds): DefaultPlace | undefined {
  const before = text[keyStart - 1];
  const symbol = before === ':' && text[keyStart - 2] === '(';
  const quoted = (before === '"' || before === "'") && text[keyEnd] === before && text[keyStart - 2] === '(';
  if (!symbol && !quoted) return undefined;
  const close = symbol ? keyEnd : keyEnd + 1;
  if (text[close] !== ')') return undefined;
  const rest = text.slice(close + 1, Math.min(line.lineEnd, close + 40));
  const brace = /^[ \t]*(?=\{)/.exec(rest);
  if (brace) {
    const at = blockBodyStart(text, close + 1 + brace[0].length, line.lineEnd);
    return at === undefined ? undefined : { at, lineEnd: line.lineEnd };
  }
  if (!/^[ \t]*do[ \t]*$/.test(rest)) return undefined;
  const body = nextLine(text, line.lineEnd);
  const end = body && nextLine(text, body.lineEnd);
  if (!body || !end || !/^[ \t]*end\b/.test(text.slice(end.lineStart, end.lineEnd))) return undefined;
  const at = body.lineStart + (/^[ \t]*/.exec(text.slice(body.lineStart, body.lineEnd))?.[0].length ?? 0);
  return literalFollowedBy(text, at, body.lineEnd, BODY_END) ? { at, lineEnd: body.lineEnd } : undefined;
}

/** How many lines after a lookup its variable's fallback may be assigned. */
const FALLBACK_LINES = 3;
/** `v = call(`, `v, ok := call(`, `(v := call(`, `v = ENV[` before the lookup's string: the variable. */
/** An environment member read as the key hit's name: `process.env.HMAC_KEY`, `import.meta.env.…`. */
const ENV_MEMBER = /^(?:[A-Za-z_$][\w$]*\.)*env\.[A-Za-z_]\w*$/i;
/** `v = `, `let v = ` before the environment member: the variable. */
const MEMBER_TARGET = /(?:^|[\s(])([A-Za-z_$][\w$]*)[ \t]*:?=[ \t]*$/;
const LOOKUP_TARGET = /(?:^|[\s(])([A-Za-z_$][\w$]*)(?:[ \t]*,[ \t]*[A-Za-z_]\w*)?[ \t]*:?=[ \t]*(?:[A-Za-z_$][\w$]*(?:\.|::))*[A-Za-z_$][\w$]*[ \t]*[([][ \t]*$/;

/**
 * The key hit is the string a lookup reads (`os.getenv("HMAC_KEY")`, `os.LookupEnv("…")`, `ENV["…"]`), its result
 * assigned to a variable; the variable is assigned a literal within FALLBACK_LINES lines (`key = "…"`, in an
 * `if` on its own line or after it): that literal, the lookup's fallback, named after the lookup's key.
 */
export function lookupFallbackStart(text: string, keyStart: number, keyEnd: number, line: LineBounds): DefaultPlace | undefined {
  const q = text[keyStart - 1];
  const quoted = (q === '"' || q === "'") && text[keyEnd] === q && /^[ \t]*[)\]]/.test(text.slice(keyEnd + 1, keyEnd + 4));
  // Or a member of the environment (`process.env.HMAC_KEY`, `import.meta.env.…`, Deno's and Bun's `env.…`).
  // The key hit's name then takes the member chain in (`process.env.HMAC_KEY`): its last name is the key.
  const member = !quoted && ENV_MEMBER.test(text.slice(keyStart, keyEnd));
  if (!quoted && !member) return undefined;
  // Both targets end at the call's bracket or the `=` (most hits have neither): a look before the regex.
  let before = (quoted ? keyStart - 1 : keyStart) - 1;
  while (before > line.lineStart && (text[before] === ' ' || text[before] === '\t')) before--;
  if (quoted ? text[before] !== '(' && text[before] !== '[' : text[before] !== '=') return undefined;
  const target = (quoted ? LOOKUP_TARGET : MEMBER_TARGET).exec(text.slice(Math.max(line.lineStart, keyStart - 160), quoted ? keyStart - 1 : keyStart));
  if (!target) return undefined;
  const variable = target[1];
  // A pattern compiled per variable costs far more than the rest of this form: only when a line below assigns it a literal.
  if (!assignsLiteralBelow(text, line, variable)) return undefined;
  const assigned = new RegExp(`^[ \\t]*(?:(?:if|unless)\\b[^\\n]*?[:{)][ \\t]*|\\}?[ \\t]*else[ \\t]*[:{]?[ \\t]*)?\\$?${variable.replace(/\$/g, '\\$')}[ \\t]*(?:=|:=|\\|\\|=|\\?\\?=)[ \\t]*(?=[bBrR]?["'])`);
  let current: LineBounds | undefined = line;
  for (let n = 0; n < FALLBACK_LINES && current; n++) {
    current = nextLine(text, current.lineEnd);
    const m = current && assigned.exec(text.slice(current.lineStart, current.lineEnd));
    if (current && m) return { at: current.lineStart + m[0].length, lineEnd: current.lineEnd, key: text.slice(keyStart, keyEnd).replace(/^.*\./, '') };
  }
  return undefined;
}

/** Whether one of the FALLBACK_LINES lines below `line` holds `variable` then an assignment operator and a quote (what `assigned` needs). */
function assignsLiteralBelow(text: string, line: LineBounds, variable: string): boolean {
  let current: LineBounds | undefined = line;
  for (let n = 0; n < FALLBACK_LINES && current; n++) {
    current = nextLine(text, current.lineEnd);
    if (!current) return false;
    // Searched in the line alone: an indexOf on the file ran to its end at every line without the variable.
    const lineText = text.slice(current.lineStart, current.lineEnd);
    for (let found = lineText.indexOf(variable); found >= 0; found = lineText.indexOf(variable, found + 1)) {
      let i = current.lineStart + found + variable.length;
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (text[i] === ':' || text[i] === '|' || text[i] === '?') i += text[i] === ':' ? 1 : 2;
      if (text[i] !== '=') continue;
      i++;
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (/[bBrR]/.test(text[i] ?? '')) i++;
      if (text[i] === '"' || text[i] === "'") return true;
    }
  }
  return false;
}

/** A callee that marks its literal as a secret (Terraform `sensitive`, `SecretStr`, `Secret`, `Redacted`) or hands it on unchanged. */
const PASS_THROUGH_CALLEE = /^(?:sensitive|nonsensitive|String|str|Some|Ok|(?:[A-Z]\w*?)?(?:Secret|Sensitive|Redacted|Masked)(?:Str|String|Bytes|Box|Value)?)$/;
/** A type's constructor or factory after its name (`Secret::new`, `String::from`, `Optional.of`): the type decides. */
const FACTORY = /^(?:new|from|of)$/;
/** The wrapper's `)` right after its literal (an optional conversion between: `"…".to_string())`). */
const CALL_END = /^(?:\.\w+\(\))?[ \t]*\)/;
/** A call head before a literal argument: a dotted or `::` name, after an optional `new`. */
const WRAPPER_HEAD = /^(?:new[ \t]+)?((?:[A-Za-z_$][\w$]*(?:\.|::)){0,3}[A-Za-z_$][\w$]*)\([ \t]*(?=[bBrR]?["'])/;

/** A pass-through wrapper at `at` (`sensitive("…")`, `Secret::new("…")`, `String::from("…")`) whose one argument is the literal: its offset. */
export function passThroughLiteralStart(text: string, at: number, lineEnd: number): number | undefined {
  const m = WRAPPER_HEAD.exec(text.slice(at, Math.min(lineEnd, at + 80)));
  if (!m) return undefined;
  const names = m[1].split(/\.|::/);
  const last = names[names.length - 1];
  const callee = FACTORY.test(last) && names.length > 1 ? names[names.length - 2] : last;
  if (!PASS_THROUGH_CALLEE.test(callee) && !(callee === 'Optional' && last === 'of')) return undefined;
  const literal = at + m[0].length;
  return literalFollowedBy(text, literal, lineEnd, CALL_END) ? literal : undefined;
}

/** A struct or object literal's name member just before the key's quote: `{Name: "`, `&cli.StringFlag{Name: "`. */
const NAME_MEMBER = /(?:\{[^{}\n]{0,80}?\b|^[ \t]*)[Nn]ame[ \t]*:[ \t]*$/;
/** The member holding its value or default: Go's `Value:`, `Default:`, `DefaultText:` is prose and not read. */
const VALUE_MEMBER = /^[ \t]*(?:[Vv]alue|[Dd]efault(?:Value)?)[ \t]*:[ \t]*(?=["'`])/;
/** How far a struct's members are read past its name. */
const STRUCT_SPAN = 600;

/**
 * The key hit is the quoted `Name` member of a struct or object literal that declares a flag or a named value
 * (urfave/cli `&cli.StringFlag{Name: "api-token", EnvVars: …, Value: "…"}`, a settings table's `{name: "…_secret",
 * default: "…"}`): the literal of its `Value` or `Default` member in the same braces, on the name's line or below.
 */
export function structValueStart(text: string, keyStart: number, keyEnd: number, lineStart: number): DefaultPlace | undefined {
  const quote = text[keyStart - 1];
  if ((quote !== '"' && quote !== "'" && quote !== '`') || text[keyEnd] !== quote) return undefined;
  // Most quoted keys are no member's value: a look at the character before the quote first.
  let colon = keyStart - 2;
  while (colon > lineStart && (text[colon] === ' ' || text[colon] === '\t')) colon--;
  if (text[colon] !== ':') return undefined;
  if (keyStart - lineStart > 120 || !NAME_MEMBER.test(text.slice(lineStart, keyStart - 1))) return undefined;
  // Its struct's brace: on the name's line, or above it with no brace between (`&cli.StringFlag{\n Name: "…",`).
  const open = text.lastIndexOf('{', keyStart);
  if (open < 0 || keyStart - open > STRUCT_SPAN || text.slice(open, keyStart).includes('}')) return undefined;
  const literal = valueMember(text, open);
  return literal && { at: literal.at, lineEnd: lineEndAt(text, literal.at) };
}

/** The `Value` member's literal of the struct literal opening at `open`, within STRUCT_SPAN, with its value. */
function valueMember(text: string, open: number): { at: number; value: string } | undefined {
  const members = callArguments(text, open);
  for (const m of members ?? []) {
    const member = VALUE_MEMBER.exec(text.slice(m.start, Math.min(m.end, m.start + 40)));
    const literal = member ? literalArgument(text, { start: m.start + member[0].length, end: m.end }) : undefined;
    if (literal && literal.at - open < STRUCT_SPAN) return literal;
  }
  return undefined;
}

/**
 * A cookie built with a literal value (Go `&http.Cookie{Name: "kiosk", Value: "…"}`): when the value is key material,
 * a long-lived session handed to whoever holds the code, whatever the cookie's name.
 */
export function cookieValueStart(text: string, keyStart: number, keyEnd: number): DefaultPlace | undefined {
  if (text[keyEnd] !== '{' || !/(?:^|\.)Cookie$/.test(text.slice(keyStart, keyEnd))) return undefined;
  const literal = valueMember(text, keyEnd);
  return literal && looksLikeKeyMaterial(literal.value) ? { at: literal.at, lineEnd: lineEndAt(text, literal.at), key: 'sessionToken' } : undefined;
}

/** The default, block or fallback position a key hit names (the forms above keyed on the hit). */
export function defaultPlaceAt(text: string, keyStart: number, keyEnd: number, line: LineBounds): DefaultPlace | undefined {
  return optionDefaultStart(text, keyStart, keyEnd, line.lineStart) ?? structValueStart(text, keyStart, keyEnd, line.lineStart) ?? cookieValueStart(text, keyStart, keyEnd) ?? namedBlockStart(text, keyStart, keyEnd, line) ?? lookupFallbackStart(text, keyStart, keyEnd, line);
}
