import type { Span } from '../../types';
import { nextLine, type LineBounds } from './assignment-forms';

// Syntax around a value that the line scanner would otherwise misread: a value continued on the next
// line (`.properties` `key=\`, a YAML block scalar `key: >-` holding one token), a Kotlin/Python raw
// string `"""…"""`, a namespaced XML element `<ns:password>…</ns:password>`, an `Authorization` header
// value with its scheme (`Bearer …`, `Token …`), a password literal passed as `"…".toCharArray()`, and a
// key that is a path under a digest (`checksum/secret:` holds a hash of the secret, not the secret).

/** `key=\` (`.properties`, shell) or `key: >-` / `key: |` (YAML): where the value continues, when it is one token on one line. */
export function continuedValueLine(text: string, at: number, line: LineBounds, operator: string): LineBounds | undefined {
  const rest = text.slice(at, line.lineEnd).trimEnd();
  const backslash = rest === '\\' && (operator === '=' || operator === ':');
  const block = /^[>|][-+]?[1-9]?$/.test(rest) && operator === ':';
  if (!backslash && !block) return undefined;
  const next = nextLine(text, line.lineEnd);
  if (!next) return undefined;
  const content = text.slice(next.lineStart, next.lineEnd).trim();
  if (content === '' || /\s/.test(content)) return undefined;
  if (block) {
    // Only a block of one more-indented line: several lines are a document, not a credential.
    const indent = (b: LineBounds) => /^[ \t]*/.exec(text.slice(b.lineStart, b.lineEnd))?.[0].length ?? 0;
    if (indent(next) <= indent(line)) return undefined;
    const after = nextLine(text, next.lineEnd);
    if (after && after.lineStart === next.lineEnd + (text[next.lineEnd] === '\r' ? 2 : 1) && indent(after) >= indent(next)) return undefined;
  }
  const start = next.lineStart + (/^[ \t]*/.exec(text.slice(next.lineStart, next.lineEnd))?.[0].length ?? 0);
  return { lineStart: start, lineEnd: next.lineEnd };
}

/**
 * `"""…"""` / `'''…'''` on one line, or opened at a line's end with one token on the next line and the
 * closing quotes after it or alone below (TOML multi-line strings, Python): the span inside, and where
 * the literal ends.
 */
export function tripleQuotedValue(text: string, quoteAt: number, lineEnd: number): (Span & { readonly literalEnd: number }) | undefined {
  const delimiter = text.slice(quoteAt, quoteAt + 3);
  if (delimiter !== '"""' && delimiter !== "'''") return undefined;
  // Searched a bounded stretch: a file of unclosed quotes costs no more than its length.
  const found = text.slice(quoteAt + 3, lineEnd + 1100).indexOf(delimiter);
  if (found < 0) return undefined;
  const close = quoteAt + 3 + found;
  if (close <= lineEnd) return { start: quoteAt + 3, end: close, literalEnd: close + 3 };
  if (text.slice(quoteAt + 3, lineEnd).trim() !== '') return undefined;
  const inside = text.slice(lineEnd, close);
  const m = /^\r?\n[ \t]*(\S+)(?:[ \t]*\r?\n[ \t]*)?$/.exec(inside);
  if (!m) return undefined;
  const start = lineEnd + inside.indexOf(m[1], 1);
  return { start, end: start + m[1].length, literalEnd: close + 3 };
}

/** `<ns:key>` with the key after the colon: the offset of the element's `<`, so its text can be read as the value. */
export function namespacedElementOpen(text: string, keyStart: number, keyEnd: number, lineStart: number): number | undefined {
  if (keyStart === 0 || text[keyStart - 1] !== ':' || text[keyEnd] !== '>') return undefined;
  const m = /<[A-Za-z_][\w.-]*:$/.exec(text.slice(Math.max(lineStart, keyStart - 60), keyStart));
  return m ? keyStart - m[0].length : undefined;
}

/** `Bearer …` / `Token …` as an `Authorization` header's value: the credential's span after the scheme. */
export function authorizationCredential(key: string, value: string, valueSpan: Span): Span | undefined {
  // A token written with its scheme (`token = "Bearer …"`, a registry's credentials) holds the same credential.
  const header = /(?:^|[-_. ])authorization$/i.test(key) || /^authorization$/i.test(key);
  if (!header && !/(?:^|[-_. ]|[a-z])token$/i.test(key)) return undefined;
  // Splunk's HEC scheme (`Authorization: Splunk …`) beside the usual ones.
  const m = (header ? /^(?:Bearer|Token|Splunk)[ \t]+(?=\S+$)/i : /^Bearer[ \t]+(?=\S+$)/).exec(value);
  return m ? { start: valueSpan.start + m[0].length, end: valueSpan.end } : undefined;
}

/**
 * `"…".toCharArray()` passed as a call's argument (`ks.load(in,\n "…".toCharArray())`): Java takes
 * passwords as `char[]`. The literal's quote, when `.toCharArray` at `dot` follows one and it follows `(`
 * or `,` (on the line above for a continuation line). A field (`char[] HEX = "0123…".toCharArray()`) is not one.
 */
export function charArrayArgumentQuote(text: string, dot: number, lineStart: number): number | undefined {
  const quote = text[dot - 1];
  if (quote !== '"') return undefined;
  const open = text.lastIndexOf('"', dot - 2);
  if (open < lineStart || text.slice(open + 1, dot - 1).includes('\\')) return undefined;
  // Whole-line comments between the call's lines are skipped.
  const before = text.slice(Math.max(0, lineStart - 200), open).split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n').trimEnd();
  return /[(,]$/.test(before) && !/=\s*\($/.test(before) ? open : undefined;
}

/** A key written as a path under a digest (`checksum/secret`, `sha256/token`): the hash of a secret, not one. */
export function isDigestPath(text: string, keyStart: number, lineStart: number): boolean {
  if (keyStart === 0 || text[keyStart - 1] !== '/') return false;
  return /(?:checksum|digest|hash|sha\d*|md5)\/$/i.test(text.slice(Math.max(lineStart, keyStart - 20), keyStart));
}

/** How many lines of a Terraform block are read for the attribute that holds its value. */
const VARIABLE_BLOCK_LINES = 8;

/**
 * `variable "api_token" {` … `default = "…"`, or a resource that stores a secret under its name
 * (`resource "aws_ssm_parameter" "api_key" {` … `value = "…"`; `secret_string`, `secret_data` for the
 * secret managers), or a resource whose type is a secret (`resource "github_actions_secret" "x" {` …
 * `plaintext_value = "…"`): that attribute's quote and line end, the block's name (or type) being the key.
 */
export function hclVariableDefault(text: string, keyStart: number, keyEnd: number, line: LineBounds): { at: number; lineEnd: number } | undefined {
  const after = text.slice(keyEnd, line.lineEnd);
  const head = text.slice(line.lineStart, keyStart);
  // A resource whose type is a secret (`resource "github_actions_secret" "x" {` … `plaintext_value = "…"`).
  // Only a type that is a secret itself (`…_secret`): `aws_secretsmanager_secret_version "db_password"` is named by its name.
  const secretType = /_secret$/.test(text.slice(keyStart, keyEnd)) && /^"[ \t]+"[\w-]+"[ \t]*\{[ \t]*$/.test(after) && /^[ \t]*resource[ \t]+"$/.test(head);
  if (!secretType && !/^"[ \t]*\{[ \t]*$/.test(after)) return undefined;
  // Its value attribute: `value`, `…_value`, `…_string`, `…_data` (`plaintext_value`, Databricks' `string_value`), never
  // `encrypted_value` (ciphertext sealed to the platform's public key).
  const attribute = secretType
    ? /^[ \t]*(?:(?!encrypted_)[a-z]+_)?(?:value|string|data)[ \t]*=[ \t]*(?=")/
    : /^[ \t]*variable[ \t]+"$/.test(head)
      ? /^[ \t]*default[ \t]*=[ \t]*(?=")/
      : /^[ \t]*resource[ \t]+"[\w-]+"[ \t]+"$/.test(head)
        ? /^[ \t]*(?:value|secret_string|secret_data)[ \t]*=[ \t]*(?=")/
        : undefined;
  if (!attribute) return undefined;
  let bounds: LineBounds = line;
  for (let n = 0; n < VARIABLE_BLOCK_LINES; n++) {
    const next = nextLine(text, bounds.lineEnd);
    if (!next) return undefined;
    bounds = next;
    const content = text.slice(next.lineStart, next.lineEnd);
    if (/^[ \t]*\}/.test(content)) return undefined;
    const m = attribute.exec(content);
    if (m) return { at: next.lineStart + m[0].length, lineEnd: next.lineEnd };
  }
  return undefined;
}

/** How many lines above a bare `"key":` its parent object's key is looked for. */
const PARENT_LINES = 12;

/**
 * `"requestSigning": {` … `"key": "…"`: a bare `key` in a JSON object takes its parent's name
 * (`requestSigning.key`, a signing key; `secretKeyRef.key` stays a reference), and an HCL `key = "…"` in a
 * `kms`/`seal` block is an encryption key. The parent is the nearest line above, less indented, that opens an
 * object under a key.
 */
export function qualifiedByParent(text: string, key: string, lineStart: number): string {
  const parent = parentLineAbove(text, lineStart, false);
  if (parent === undefined) return key;
  // An HCL key-management block (Boundary's and Vault's `kms "aead" {`, `seal "…" {`) holds an encryption key.
  if (/^[ \t]*(?:kms|seal)[ \t]+"[\w-]+"[ \t]*\{[ \t]*$/.test(parent)) return `encryption.${key}`;
  // A JSON object opened under a key, or a YAML mapping (`encryption:` alone on its line).
  const m = /^[ \t]*["']?([A-Za-z_][\w.-]*)["']?[ \t]*:[ \t]*(?:\{[ \t]*)?$/.exec(parent);
  return m ? `${m[1]}.${key}` : key;
}

/** Whether the line at `lineStart` sits directly under a YAML key `parent:` (the nearest less-indented line above). */
export function underYamlParent(text: string, lineStart: number, parent: string): boolean {
  return parentLineAbove(text, lineStart, true)?.trim() === `${parent}:`;
}

/**
 * The nearest non-blank line above `lineStart` that is less indented (its parent), within PARENT_LINES;
 * comment lines are passed over when `skipComments` (YAML), since a comment says nothing of nesting.
 */
function parentLineAbove(text: string, lineStart: number, skipComments: boolean): string | undefined {
  const own = indentOf(text.slice(lineStart, lineStart + 200));
  return lineAbove(text, lineStart, skipComments, PARENT_LINES, (content) => indentOf(content) < own)?.content;
}

export interface LineAbove {
  readonly start: number;
  /** The line without its line break. */
  readonly content: string;
}

export function indentOf(content: string): number {
  return /^[ \t]*/.exec(content)?.[0].length ?? 0;
}

/**
 * The nearest non-blank line above `lineStart` that `accept` takes, within `maxLines` lines; comment lines
 * are passed over when `skipComments`.
 */
export function lineAbove(text: string, lineStart: number, skipComments: boolean, maxLines: number, accept: (content: string) => boolean): LineAbove | undefined {
  let end = lineStart - 1;
  for (let n = 0; n < maxLines && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const content = lineContent(text, start, end);
    end = start - 1;
    const trimmed = content.trim();
    if (trimmed === '' || (skipComments && trimmed.startsWith('#')) || !accept(content)) continue;
    return { start, content };
  }
  return undefined;
}

/**
 * The line from `start` to `end` (its `\n`) without a CR before it. Asked for each of up to 30 lines above
 * a keyword hit: a character test where `.replace(/\r$/, '')` ran a regex and copied the line once more.
 */
function lineContent(text: string, start: number, end: number): string {
  return end > start && text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
}

/** How far above a line a heredoc's opening is looked for. */
const HEREDOC_LINES = 30;

/**
 * Whether the line at `lineStart` is inside a heredoc opened above it (`data = <<EOH` in a Nomad `template`,
 * `cat <<'EOF' > app.env` in a script) and not yet closed: its lines are a file's content, an env file's
 * `KEY=value` without quotes among them.
 */
export function insideHeredoc(text: string, lineStart: number): boolean {
  let end = lineStart - 1;
  for (let n = 0; n < HEREDOC_LINES && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const content = lineContent(text, start, end);
    end = start - 1;
    // The delimiter in capitals by convention (`<<EOH`, `<<-'EOF'`), so a shift (`x << count`) opens nothing.
    if (content.includes('<<') && /<<[-~]?[ \t]*(["']?)[A-Z][A-Z0-9_]*\1(?![\w])/.test(content)) return true;
    // A line holding only a word in capitals closes the heredoc it names (`EOH`, `EOF`).
    if (/^[ \t]*[A-Z_]{2,}[ \t]*$/.test(content)) return false;
  }
  return false;
}

/** How many lines above a `pass =` its section's `user =` is looked for. */
const SECTION_LINES = 10;

/** A `user =` / `username =` / `login =` key above in the same section (an rclone remote, an INI section's login pair). */
export function userKeyAbove(text: string, lineStart: number): boolean {
  let end = lineStart - 1;
  for (let n = 0; n < SECTION_LINES && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const content = lineContent(text, start, end);
    end = start - 1;
    if (/^[ \t]*\[/.test(content)) return false;
    if (/^[ \t]*(?:user|username|login)[ \t]*[=:]/.test(content)) return true;
  }
  return false;
}

/** A Go struct field's tag default (envconfig `default:"…"`, caarlos0/env `envDefault:"…"`, cleanenv `env-default:"…"`) after the field's type. */
const STRUCT_TAG_DEFAULT = /^`[^`\n]{0,200}?\b(?:default|envDefault|env-default):(?=")/;

export function structTagDefaultStart(text: string, at: number, lineEnd: number): number | undefined {
  // Asked at almost every key: the type and the blanks after it are walked first, and most keys stop there.
  let i = at;
  while (i < lineEnd && i - at < 80 && /[\w.*[\]]/.test(text[i])) i++;
  if (i === at || (text[i] !== ' ' && text[i] !== '\t')) return undefined;
  while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] !== '`') return undefined;
  const m = STRUCT_TAG_DEFAULT.exec(text.slice(i, Math.min(lineEnd, i + 260)));
  return m ? i + m[0].length : undefined;
}

/** Nest's and Angular's providers, `{ provide: API_KEY, useValue: '…' }`: the value's quote after an injection token named for a secret. */
export function providedValueStart(text: string, keyStart: number, keyEnd: number, line: { lineStart: number; lineEnd: number }): number | undefined {
  if (!/\bprovide[ \t]*:[ \t]*$/.test(text.slice(Math.max(line.lineStart, keyStart - 40), keyStart))) return undefined;
  const m = /^[ \t]*,[ \t]*useValue[ \t]*:[ \t]*(?=["'`])/.exec(text.slice(keyEnd, Math.min(line.lineEnd, keyEnd + 40)));
  return m ? keyEnd + m[0].length : undefined;
}
