import type { Span } from '../../types';
import { nextLine, type LineBounds } from './assignment-forms';
import { indentOf, lineAbove, type LineAbove } from './assignment-syntax';

// Forms where the secret's name is written beside the value rather than as its key: a YAML list item's
// `name:` with its `value:` on the next line (Azure Pipelines `variables`, an Argo Workflows container's
// `env`); an HCL `header_value` whose sibling `header_name` is `Authorization`; a request header named
// `…-signature` compared with a literal; a .NET configuration path (`"Smtp:Password": "…"`); a map or
// array whose own name says it holds secrets, under neutral keys (`partnerSecrets = { "north": "…" }`);
// an INI value that is itself an environment assignment (uwsgi `env = KEY=…`); Faraday's
// `:authorization, 'Bearer', '…'`. Each is bounded by a few lines.

/**
 * `- name: PartnerSigningKey` then `value: …` on the next line (YAML), or after a few fields of the same item
 * (an OpenShift Template parameter's `description:`, `displayName:`, `required:`): the value's offset and its line's end.
 */
export function yamlNameValueStart(text: string, keySpan: Span, line: LineBounds): { at: number; lineEnd: number } | undefined {
  const head = /^[ \t]*(?:-[ \t]*)?name:[ \t]+$/.exec(text.slice(line.lineStart, keySpan.start));
  if (!head || text.slice(keySpan.end, line.lineEnd).trim() !== '') return undefined;
  // The item's fields start where `name` does.
  const column = head[0].length - head[0].trimStart().replace(/^-[ \t]*/, '').length;
  let next = nextLine(text, line.lineEnd);
  for (let n = 0; next && n < ITEM_FIELDS; n++) {
    const content = text.slice(next.lineStart, Math.min(next.lineEnd, next.lineStart + 200));
    const m = /^[ \t]*value:[ \t]+(?=\S)/.exec(content);
    if (m) return m[0].length - m[0].trimStart().length === column && !underContainerEnv(text, line) ? { at: next.lineStart + m[0].length, lineEnd: next.lineEnd } : undefined;
    // Another field of the item, on one line (a `description:`), at the item's indentation.
    const field = /^([ \t]*)[A-Za-z][\w-]*:[ \t]+\S/.exec(content);
    if (!field || field[1].length !== column) return undefined;
    next = nextLine(text, next.lineEnd);
  }
  return undefined;
}

/** How many fields of a YAML item are read for its `value:` after its `name:`. */
const ITEM_FIELDS = 4;

/**
 * A pod spec's container `env:` list (under `containers:`, `initContainers:` or `ephemeralContainers:`), which the
 * Kubernetes rules judge with their own sense of a value: not read twice. An `env:` list of another kind of
 * container (an Argo Workflows template's `container:` or `script:`, a Tekton step) is read here.
 */
function underContainerEnv(text: string, line: LineBounds): boolean {
  const env = parentLine(text, line.lineStart);
  if (!env || !/^[ \t]*(?:-[ \t]+)?env:[ \t]*$/.test(env.content)) return false;
  // The container holding the list: `- env:` opens its item itself; otherwise the item is the line above `env:`.
  const item = /^[ \t]*-[ \t]/.test(env.content) ? env : parentLine(text, env.start);
  if (!item || !/^[ \t]*-[ \t]/.test(item.content)) return false;
  const list = listOwner(text, item);
  return list !== undefined && /^[ \t]*(?:-[ \t]+)?(?:containers|initContainers|ephemeralContainers):[ \t]*$/.test(list.content);
}

/** How many lines a walk up a YAML block reads (a container's fields before its `env:`, the items of a list). */
const PARENT_LINES = 80;

/** The nearest line above, less indented than the line at `lineStart`: the key whose block holds it. */
function parentLine(text: string, lineStart: number): LineAbove | undefined {
  const lf = text.indexOf('\n', lineStart);
  const own = indentOf(text.slice(lineStart, lf < 0 ? text.length : lf));
  return lineAbove(text, lineStart, true, PARENT_LINES, (content) => indentOf(content) < own);
}

/** The key holding the list whose item starts at `item` (its sibling items, at the same dash, are passed over). */
function listOwner(text: string, item: LineAbove): LineAbove | undefined {
  const dash = indentOf(item.content);
  return lineAbove(text, item.start, true, PARENT_LINES, (content) => indentOf(content) < dash || (indentOf(content) === dash && !/^[ \t]*-[ \t]/.test(content)));
}

/** `header_value = "…"` whose `header_name` (within two lines above) is `Authorization`: read as that header. */
export function headerValueNamed(text: string, keySpan: Span, line: LineBounds): string | undefined {
  if (!/^header_value$/i.test(text.slice(keySpan.start, keySpan.end))) return undefined;
  const above = text.slice(Math.max(0, line.lineStart - 240), line.lineStart).split('\n').slice(-3).join('\n');
  return /\bheader_name[ \t]*[:=][ \t]*["'](?:proxy-)?authorization["']/i.test(above) ? 'Authorization' : undefined;
}

/** A .NET configuration path before the key inside its quotes (`"Mail:Smtp:Password"`, as a key or an indexer): the path's start. */
export function configurationPathStart(text: string, keyStart: number, keyEnd: number, lineStart: number): number | undefined {
  if (text[keyStart - 1] !== ':') return undefined;
  const m = /(["'])[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)*:$/.exec(text.slice(Math.max(lineStart, keyStart - 160), keyStart));
  // Only as a key: the closing quote follows the name, then `:` (JSON) or `=`.
  // Or an indexer's (`builder.Configuration["A:B:ApiKey"] = "…"`).
  if (!m || text[keyEnd] !== m[1] || !/^\]?[ \t]*[:=]/.test(text.slice(keyEnd + 1, keyEnd + 5))) return undefined;
  return keyStart - m[0].length + 1;
}

/** After a container's name: its type and `=` / `:` / `=>`, then the opening `{` / `[` / `array(` ending the line. */
const OPENS_CONTAINER = /^["']?[ \t]*(?::(?:[ \t]*[\w<>[\],.|](?:[\w<>[\], .|]{0,58}[\w<>[\],.|])?[ \t]*|\t* [ \t]*))?(?::=|=>|=|:)[ \t]*(?:(?:map\[string\][\w.]+|array\(|\[\]|new(?:[ \t]*\t[\w<>, .]+| [\w<>, .]+)\(\))[ \t]*)?[[{(][ \t]*$/;
const ENTRY = /^[ \t]*["']?[\w.-]{1,60}["']?[ \t]*(?::|=>)[ \t]*(?="[^"]|'[^'])/;
/** An HCL block named for its secrets (Consul's `acl { tokens { agent = "…" } }`): `name {`, entries `key = "…"`. */
const OPENS_BLOCK = /^[ \t]+\{[ \t]*$/;
const BLOCK_ENTRY = /^[ \t]*[\w-]{1,60}[ \t]*=[ \t]*(?="[^"])/;

/**
 * `partnerSecrets := map[string]string{` / `const PARTNER_KEYS: Record<string, string> = {` / `private const
 * SIGNING_SECRETS = [`: a map, record or array whose name is a plural of a secret word, its entries under
 * neutral keys (the partner, the tenant) on the lines below. The first entry whose value is a literal, read as
 * the value of the singular name (`partnerSecret`), which the classifier then judges like any key.
 */
export function secretContainerEntry(text: string, keySpan: Span, line: LineBounds): { key: string; at: number; lineEnd: number; unquoted?: true } | undefined {
  const name = text.slice(keySpan.start, keySpan.end);
  if (!/(?:secrets|keys|tokens|passwords)$/i.test(name)) return undefined;
  const rest = text.slice(keySpan.end, line.lineEnd);
  const alone = /^[ \t]*$/.test(text.slice(line.lineStart, keySpan.start));
  if (alone && /^:[ \t]*$/.test(rest)) return yamlMapEntry(text, name, line);
  const block = OPENS_BLOCK.test(rest) && alone;
  if (!block && !OPENS_CONTAINER.test(rest)) return undefined;
  let current: LineBounds = line;
  for (let n = 0; n < 6; n++) {
    const next = nextLine(text, current.lineEnd);
    if (!next) return undefined;
    current = next;
    const entry = (block ? BLOCK_ENTRY : ENTRY).exec(text.slice(next.lineStart, Math.min(next.lineEnd, next.lineStart + 80)));
    if (entry) return { key: name.slice(0, -1), at: next.lineStart + entry[0].length, lineEnd: next.lineEnd };
    if (/^[ \t]*[}\])]/.test(text.slice(next.lineStart, next.lineEnd))) return undefined;
  }
  return undefined;
}

/**
 * A YAML map entry: an id then `:` and an unquoted or quoted value. The id is generated (a capital after a lower-case letter, or
 * a digit: `APIvCFZwcaxl7Yh`), so a mapping of settings (`projects.secrets:` then `path:`) is not read as one.
 */
const YAML_ENTRY = /^([ \t]+)(?=[A-Za-z_.-]*[0-9]|[A-Z0-9_.-]*[a-z][a-z0-9_.-]*[A-Z])[\w.-]{1,60}:[ \t]+(?=[^\s#&*|>{[])/;

/**
 * A YAML mapping named for its secrets (LiveKit's `keys:` from each API key id to its secret, `api_tokens:`,
 * `secrets:`): its first entry, the id as the key and the secret as the value. The singular names the value
 * (`api_token`); a bare `keys` stays `keys`, which counts only with key material as the value.
 */
function yamlMapEntry(text: string, name: string, line: LineBounds): { key: string; at: number; lineEnd: number; unquoted: true } | undefined {
  const next = nextLine(text, line.lineEnd);
  if (!next) return undefined;
  const entry = YAML_ENTRY.exec(text.slice(next.lineStart, Math.min(next.lineEnd, next.lineStart + 80)));
  if (!entry || entry[1].length <= line.lineEnd - line.lineStart - text.slice(line.lineStart, line.lineEnd).trimStart().length) return undefined;
  return { key: /^keys$/i.test(name) ? name : name.slice(0, -1), at: next.lineStart + entry[0].length, lineEnd: next.lineEnd, unquoted: true };
}

/**
 * A request header named `…-signature` (`X-Harvest-Signature`, `Stripe-Signature`) compared with a literal: the
 * literal is the secret a sender is trusted by, written where a computed signature should be checked.
 */
export function isSignatureHeader(name: string): boolean {
  return /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*-signature$/i.test(name);
}

/** A user name compared with a literal, then `&&` / `and` before the key: `username === 'ops' && `. */
const USER_COMPARED = /\b(?:user|username|user_name|userName|login|name)[ \t]*(?:===?|!==?|\beq\b)[ \t]*(["'])[^"'\n]*\1[ \t]*(?:&&|\band\b)[ \t]*$/;

/** Constant-time comparisons of a secret with a literal: Rails, Node, Python, PHP, Go. */
const COMPARE_CALL = /(?:secure_compare|timingSafeEqual|compare_digest|hash_equals|ConstantTimeCompare|fixed_length_secure_compare)\([ \t]*$/;

/**
 * A literal a secret is compared with: `secure_compare(password, '…')` (the call's second argument), and
 * `req.headers.get('x-overlay-key') !== '…'` (the header's name, its closing quote and `)` or `]`, then an
 * equality operator): the literal's quote.
 */
export function comparedLiteralStart(text: string, keySpan: Span, line: LineBounds): number | undefined {
  const after = text.slice(keySpan.end, Math.min(line.lineEnd, keySpan.end + 24));
  if (COMPARE_CALL.test(text.slice(Math.max(line.lineStart, keySpan.start - 60), keySpan.start))) {
    const m = /^[ \t]*,[ \t]*(?=["'])/.exec(after);
    return m ? keySpan.end + m[0].length : undefined;
  }
  // A header read by name (`headers.get('x-…-key')`, `headers['x-api-key']`); a variable compared with a
  // literal (`password == "…"`) is a check, not where the secret is kept, and stays quiet.
  const m = /^["'][ \t]*[)\]][ \t]*(?:===?|!==?)[ \t]*(?=["'])/.exec(after);
  if (m) return keySpan.end + m[0].length;
  // A login checked against literals, the user and the password in one condition (`username === 'ops' &&
  // password === '…'`, a basic-auth validator): the password is kept right there.
  const login = /^[ \t]*(?:===?|!==?|\beq\b)[ \t]*(?=["'])/.exec(after);
  return login && USER_COMPARED.test(text.slice(line.lineStart, keySpan.start)) ? keySpan.end + login[0].length : undefined;
}

/** Faraday `f.request :authorization, 'Bearer', '…'`: the credential's quote after the scheme. */
export function faradayAuthorizationStart(text: string, keyEnd: number, lineEnd: number): number | undefined {
  const m = /^[ \t]*,[ \t]*["'](?:Bearer|Token)["'][ \t]*,[ \t]*(?=["'])/.exec(text.slice(keyEnd, Math.min(lineEnd, keyEnd + 30)));
  return m ? keyEnd + m[0].length : undefined;
}
