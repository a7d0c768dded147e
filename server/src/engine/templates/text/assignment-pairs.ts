import type { Span } from '../../types';
import { nextLine, type LineBounds } from './assignment-forms';

// Forms where the key and its value are two items of one structure rather than `key <operator> value`:
//   a name/value object (`{ "name": "DB_PASSWORD", "value": "…" }`: ECS task definitions, ARM app
//   settings, CloudFormation), an element whose `key`/`name` attribute names its text (`<entry
//   key="db.password">…</entry>`, Android `<string name="api_key">…</string>`), a Kotlin pair
//   (`"apiToken" to "…"`), a basic-auth pair (`auth=("user", "…")`, `'auth' => ['user', '…']`, Faraday's
//   `:authorization, :basic, "user", "…"`), and a registry login's password option (`docker login -p …`).
// Each reads a bounded stretch of the key's line (or the next one) and returns where the value's quote is.

export interface ValueStart {
  /** The value's opening quote (or first character, for element text). */
  readonly at: number;
  readonly lineEnd: number;
}

/** `"name": "DB_PASSWORD", "value": "…"` (same line or the next; HCL's `name = "…"` then `value = "…"`): the value's quote, the key string being the name. */
export function nameValueStart(text: string, openQuote: number, afterClose: number, line: LineBounds): ValueStart | undefined {
  if (!/["']?\b(?:name|Name|key|Key)["']?[ \t]*[:=][ \t]*$/.test(text.slice(Math.max(line.lineStart, openQuote - 12), openQuote))) return undefined;
  const sameLine = /^[ \t]*,[ \t]*["']?(?:value|Value)["']?[ \t]*[:=][ \t]*(?=["'])/;
  const same = sameLine.exec(text.slice(afterClose, Math.min(line.lineEnd, afterClose + 24)));
  if (same) return { at: afterClose + same[0].length, lineEnd: line.lineEnd };
  // HCL blocks take the pair without a comma, one attribute a line (`set_sensitive { name = "…"` / `value = "…"`,
  // Elastic Beanstalk `setting`, a container's `env`).
  const hcl = /^[ \t]*$/.test(text.slice(afterClose, line.lineEnd)) && /\bname[ \t]*=[ \t]*$/.test(text.slice(Math.max(line.lineStart, openQuote - 12), openQuote));
  if (!hcl && !/^[ \t]*,[ \t]*$/.test(text.slice(afterClose, line.lineEnd))) return undefined;
  const next = nextLine(text, line.lineEnd);
  if (!next) return undefined;
  const valueKey = hcl ? /^[ \t]*value[ \t]*=[ \t]*(?=")/ : /^[ \t]*["']?(?:value|Value)["']?[ \t]*[:=][ \t]*(?=["'])/;
  const m = valueKey.exec(text.slice(next.lineStart, Math.min(next.lineEnd, next.lineStart + 40)));
  return m ? { at: next.lineStart + m[0].length, lineEnd: next.lineEnd } : undefined;
}

/**
 * `<entry key="db.password">…</entry>` / `<string name="api_key" translatable="false">…</string>`, and a
 * configuration element named by its `id` (Galaxy's `<param id="private_token">…</param>`): the element's text.
 */
export function attributeNamedText(text: string, openQuote: number, afterClose: number, lineEnd: number): Span | undefined {
  if (!/(?:key|name|id)[ \t]*=[ \t]*$/.test(text.slice(Math.max(0, openQuote - 8), openQuote))) return undefined;
  const open = /<([A-Za-z_][\w.:-]*)[ \t]+(?:[\w.:-]+[ \t]*=[ \t]*"[^"<>\n]*"[ \t]+){0,3}(key|name|id)[ \t]*=[ \t]*$/.exec(text.slice(Math.max(0, openQuote - 160), openQuote));
  // An `id` names a setting only on a settings element (elsewhere it is a document anchor: `<span id="token">`).
  if (!open || (open[2] === 'id' && !SETTING_ELEMENT.test(open[1]))) return undefined;
  // Attributes after the name, then `>`; the text runs to the element's closing tag on the same line.
  const rest = /^(?:[ \t]+[\w.:-]+[ \t]*=[ \t]*"[^"<>\n]*"){0,3}[ \t]*>/.exec(text.slice(afterClose, Math.min(lineEnd, afterClose + 160)));
  if (!rest) return undefined;
  const start = afterClose + rest[0].length;
  const close = text.indexOf(`</${open[1]}>`, start);
  if (close < 0 || close > lineEnd || close === start || text.slice(start, close).includes('<')) return undefined;
  return { start, end: close };
}

/** Elements that hold one setting's value, named by an attribute: `<param>`, `<property>`, `<entry>`, `<setting>`… */
const SETTING_ELEMENT = /^(?:[\w-]+:)?(?:param|parameter|property|prop|entry|setting|option|variable|var|arg|attribute|attr|value|field)$/i;

/** Kotlin `"apiToken" to "…"` (`mapOf`, `Pair`): the value's quote. */
export function kotlinPairValueStart(text: string, afterClose: number, lineEnd: number): number | undefined {
  const m = /^[ \t]+to[ \t]+(?=["])/.exec(text.slice(afterClose, Math.min(lineEnd, afterClose + 12)));
  return m ? afterClose + m[0].length : undefined;
}

/** Kotlin `val apiKey by lazy { "…" }`: the literal's quote, when it is the whole block. */
export function lazyLiteralStart(text: string, at: number, lineEnd: number): number | undefined {
  if (text[at] !== 'b' && text[at] !== ':') return undefined;
  const m = /^[ \t]*(?::[ \t]*[\w.<>?]+[ \t]*)?by[ \t]+lazy[ \t]*(?:\([\w.]*\)[ \t]*)?\{[ \t]*(?=")/.exec(text.slice(at, Math.min(lineEnd, at + 80)));
  if (!m) return undefined;
  return /^"(?:\\.|[^"\\\n])*"[ \t]*\}/.test(text.slice(at + m[0].length, Math.min(lineEnd, at + m[0].length + 1100))) ? at + m[0].length : undefined;
}

/**
 * A basic-auth pair assigned to `auth` (Python requests `auth=("user", "…")`, `session.auth = (…)`, PHP
 * Guzzle `'auth' => ['user', '…']`): the second item's quote, when both items are literals and there are two.
 */
export function authPairPasswordStart(text: string, at: number, lineEnd: number): number | undefined {
  const m = /^(?:=>|=|:)[ \t]*(?:array)?[([][ \t]*(["'])(?:\\.|(?!\1)[^\\\n])*\1[ \t]*,[ \t]*(?=["'])/.exec(text.slice(at, Math.min(lineEnd, at + 300)));
  if (!m) return undefined;
  const second = at + m[0].length;
  const q = text[second];
  const close = text.indexOf(q, second + 1);
  if (close < 0 || close > lineEnd) return undefined;
  // Two items only: a third would make it a list of names, not a user and a password.
  return /^[ \t]*(?:,[ \t]*)?[)\]]/.test(text.slice(close + 1, Math.min(lineEnd, close + 8))) ? second : undefined;
}

/** Faraday's `:authorization, :basic, "user", "…"` after the `authorization` symbol: the password's quote. */
export function basicSchemeArgumentsStart(text: string, keyEnd: number, lineEnd: number): number | undefined {
  const m = /^[ \t]*,[ \t]*:basic[ \t]*,[ \t]*(["'])(?:\\.|(?!\1)[^\\\n])*\1[ \t]*,[ \t]*(?=["'])/.exec(text.slice(keyEnd, Math.min(lineEnd, keyEnd + 300)));
  return m ? keyEnd + m[0].length : undefined;
}

/** `docker login registry -u user -p '…'` (podman, buildah, skopeo, helm registry, oras, nerdctl): the password's start. */
export function registryLoginPasswordStart(text: string, keyStart: number, keyEnd: number, line: LineBounds): number | undefined {
  if (!/\b(?:docker|podman|buildah|skopeo|nerdctl|oras|helm[ \t]+registry)[ \t]+$/.test(text.slice(Math.max(line.lineStart, keyStart - 40), keyStart))) return undefined;
  const m = /(?:^|[ \t])(?:-p|--password)(?:[ \t]+|=)(?=[^\s-])/.exec(text.slice(keyEnd, Math.min(line.lineEnd, keyEnd + 400)));
  return m ? keyEnd + m.index + m[0].length : undefined;
}
