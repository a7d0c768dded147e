import { lineEndAt } from '../../text';
import type { Span } from '../../types';
import { argumentStart, callPairValueStart, codeLiteralStart, erbDefaultStart, tuplePairValueStart, valueMemberStart, isSetterCall, nextLine, passwordArgumentPosition, returnedLiteralStart, inlineTableDefaultStart, shellExpansionDefault, targetTypedNewOpen, xmlAttributeValueStart, type LineBounds } from './assignment-forms';
import { charArrayArgumentQuote, continuedValueLine, hclVariableDefault, insideHeredoc, isDigestPath, namespacedElementOpen, providedValueStart, qualifiedByParent, structTagDefaultStart, userKeyAbove } from './assignment-syntax';
import { attributeNamedText, authPairPasswordStart, basicSchemeArgumentsStart, kotlinPairValueStart, lazyLiteralStart, nameValueStart, registryLoginPasswordStart } from './assignment-pairs';
import { configSetValueStart, gluedMysqlPasswordStart, inlineEnvValue, passwordOptionValue, keyArgumentName, keyArgumentStart, optionItemValueStart, sqlPasswordStart } from './command-forms';
import { computedHeaderKey } from './key-material';
import { comparedLiteralStart, configurationPathStart, faradayAuthorizationStart, headerValueNamed, isSignatureHeader, secretContainerEntry, yamlNameValueStart } from './assignment-neighbours';
import { keyWords } from './secret-key-names';
import { credentialArgumentStart, credentialCallPosition, usersMapEntryStart } from './credential-calls';
import { keyArgumentPlace, loginArgumentPlace } from './argument-places';
import { valueChildStart } from './assignment-children';
import { xmlElement, xmlForm } from './assignment-xml';
import { typedArgumentPlace, type ArgumentPlaceTable } from './typed-places';
import { escapedJsonMemberValue, insideStringBlock } from './string-blocks';
import { optionListItemValue } from './option-items';
import { enumCaseStart } from './positional-records';
import { getterLiteralStart, returnedArmStart, withoutForSuffix } from './returned-arms';
import { isQuote, quotedValueAt, valueAt, type Pending } from './assignment-value';
import { defaultPlaceAt } from './default-positions';
import { parallelAssignmentStart } from './parallel-assignments';

// Finds `key <operator> value` around a keyword hit, in the syntaxes secrets get written in:
//   YAML `key: value`, JSON `"key": "value"`, .env/shell/INI/properties `KEY=value`, Python/TOML/HCL
//   `key = "value"`, JS/TS `const key = '…'` and `{ key: '…' }`, Go `key := "…"`, Java/C# `String key = "…";`,
//   PHP/Ruby `'key' => '…'`, CLI flags `--password=…`, Dockerfile `ENV KEY value`, XML `<key>value</key>`.
// A character scanner rather than one big regex: every step is bounded by the line, nothing backtracks.

export interface Assignment {
  /** The key as written, without quotes or leading dashes. */
  readonly key: string;
  readonly keySpan: Span;
  /** The value without its quotes. */
  readonly value: string;
  readonly valueSpan: Span;
  /** The literal as written: prefix (Python r/b/u), quotes and value; what a fix replaces. */
  readonly literalSpan: Span;
  /** `"`, `'`, `` ` `` or empty for an unquoted value. */
  readonly quote: string;
  /** String prefix letters (Python `r`, `b`, `f`), lower-cased. */
  readonly prefix: string;
  readonly operator: string;
  /** The literal is part of a larger expression (a fallback after a lookup, `${X:-…}`): no fix replaces it alone. */
  readonly embedded?: boolean;
  /** The value is an `Authorization` header's credential after its scheme (`Bearer …`): the key names a header, not a secret. */
  readonly credentialHeader?: boolean;
  /** An unquoted `pass =` with a `user =` key above it: a login pair, so `pass` names a password. */
  readonly besideUser?: boolean;
  /** The name as the user wrote it, when the finding shows another than `key` (a command's `-p`, whose secret `key` names). */
  readonly shownKey?: string;
}

export interface ScanOptions {
  /** The file's syntax takes unquoted literal values (YAML, .env, INI, Dockerfile…). */
  readonly unquotedValues: boolean;
  /** A Dockerfile: `ENV KEY value` without `=` is an assignment too. */
  readonly dockerfile: boolean;
  /** A script or style file: a line over LONG_LINE characters is minified code and is not read. */
  readonly skipLongLines?: boolean;
  /** `.properties`: `key value` (a blank as the separator) assigns too. */
  readonly spaceSeparated?: boolean;
  /** C#: a positional record's parameter is assigned by each construction (`new Options("id", "…")`). */
  readonly positionalRecords?: boolean;
  /** The rule's table of library signatures (typed-places.ts): which argument of a call is its secret. */
  readonly argumentPlaces?: ArgumentPlaceTable;
}

const MAX_KEY = 120;
/** `[A-Za-z0-9_.-]`, by character code: asked for every character around each keyword hit. */
function isKeyChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}

/** The assignment whose key contains the keyword hit at `hit`, if the text there is one. */
export function assignmentAt(text: string, hit: number, lineStart: number, lineEnd: number, options: ScanOptions): Assignment | undefined {
  let keyStart = hit;
  while (keyStart > lineStart && isKeyChar(text[keyStart - 1]) && hit - keyStart < MAX_KEY) keyStart--;
  let keyEnd = hit;
  while (keyEnd < lineEnd && isKeyChar(text[keyEnd]) && keyEnd - keyStart < MAX_KEY) keyEnd++;
  while (keyStart < keyEnd && (text[keyStart] === '-' || text[keyStart] === '.')) keyStart++;
  while (keyEnd > keyStart && text[keyEnd - 1] === '.') keyEnd--;
  if (keyEnd <= keyStart) return undefined;
  keyStart = configurationPathStart(text, keyStart, keyEnd, lineStart) ?? keyStart;
  const written = text.slice(keyStart, keyEnd);
  // `"key":` alone says nothing: its parent object's name says what kind of key it is. (No read before the
  // text's start: `text[-1]` is out of bounds, and V8 throws this function's optimised code away for it.)
  const computed = keyStart > 0 && text[keyStart - 1] === '[' && text[keyEnd] === ']' ? computedHeaderKey(written) : undefined;
  const line = { lineStart, lineEnd };
  // A YAML `key:` (a list item's too) takes its parent mapping's name: ESPHome's `encryption:` → `key:`.
  const yamlKey = options.unquotedValues && text[keyEnd] === ':' && /^[ \t]*(?:-[ \t]+)?$/.test(text.slice(lineStart, keyStart));
  const bareKey = /^key$/i.test(written) && ((isQuote(text[keyStart - 1]) && text[keyEnd] === text[keyStart - 1]) || (/^[ \t]*=[ \t]*"/.test(text.slice(keyEnd, keyEnd + 12)) && /^[ \t]*$/.test(text.slice(lineStart, keyStart))) || yamlKey);
  const key = headerValueNamed(text, { start: keyStart, end: keyEnd }, line) ?? computed ?? (bareKey ? qualifiedByParent(text, written, lineStart) : written);
  const keySpan = { start: keyStart, end: keyEnd };

  const before = keyStart > lineStart ? text[keyStart - 1] : '';
  if (isDigestPath(text, keyStart, lineStart)) return undefined;
  const listed = before === '-' && options.unquotedValues ? optionListItemValue(text, keySpan, line) : undefined;
  if (listed) return { key, keySpan, operator: ' ', quote: listed.quote, prefix: '', value: text.slice(listed.span.start, listed.span.end), valueSpan: listed.span, literalSpan: listed.span, embedded: true };
  const escaped = before === '"' ? escapedJsonMemberValue(text, keyStart, keyEnd, lineEnd) : undefined;
  if (escaped) return { key, keySpan, operator: ':', quote: '"', prefix: '', value: text.slice(escaped.start, escaped.end), valueSpan: escaped, literalSpan: escaped, embedded: true };
  const xml = xmlForm(text, key, keySpan, before, line);
  if (xml) return xml;
  const enumCase = before === ' ' ? enumCaseStart(text, keyStart, keyEnd, lineStart, lineEnd) : undefined;
  const enumValue = enumCase === undefined ? undefined : quotedValueAt(text, enumCase, lineEndAt(text, enumCase), { key, keySpan, operator: 'case', enclosing: '', unquoted: false });
  if (enumValue) return { ...enumValue, embedded: true };
  if (before === '<' && text[keyEnd] === '>') return xmlElement(text, key, keySpan, lineEnd);
  // A JNDI name is a path (Tomcat `<Environment name="billing/apiKey" value="..."/>`): its last part is the key.
  const pathName = before === '/' ? /["'][\w./-]*\/$/.exec(text.slice(Math.max(lineStart, keyStart - 100), keyStart)) : null;
  const jndiValue = pathName && text[keyEnd] === pathName[0][0] ? xmlAttributeValueStart(text, keyStart - pathName[0].length, keyEnd + 1, lineStart, lineEnd) : undefined;
  if (jndiValue !== undefined) return quotedValueAt(text, jndiValue, lineEnd, { key, keySpan, operator: ',', enclosing: '', unquoted: false });
  const element = namespacedElementOpen(text, keyStart, keyEnd, lineStart);
  if (element !== undefined) return xmlElement(text, text.slice(element + 1, keyEnd), keySpan, lineEnd);
  const variableDefault = before === '"' ? hclVariableDefault(text, keyStart, keyEnd, line) : undefined;
  if (variableDefault) return quotedValueAt(text, variableDefault.at, variableDefault.lineEnd, { key, keySpan, operator: 'default', enclosing: '', unquoted: false });
  if (key === 'toCharArray' && before === '.') {
    const open = charArrayArgumentQuote(text, keyStart - 1, lineStart);
    const a = open === undefined ? undefined : quotedValueAt(text, open, lineEnd, { key: 'password', keySpan, operator: '(', enclosing: '', unquoted: false });
    return a && { ...a, embedded: true };
  }
  const keyArgument = text[keyEnd] === '(' ? keyArgumentName(key) : undefined;
  const keyLiteral = keyArgument ? keyArgumentStart(text, keyEnd) : undefined;
  if (keyArgument && keyLiteral) return quotedValueAt(text, keyLiteral.at, keyLiteral.lineEnd, { key: keyArgument, keySpan, operator: '(', enclosing: '', unquoted: false });
  const provided = text[keyEnd] === ',' ? providedValueStart(text, keyStart, keyEnd, line) : undefined;
  if (provided !== undefined) return quotedValueAt(text, provided, lineEnd, { key, keySpan, operator: 'useValue', enclosing: '', unquoted: false });
  // The pack's signatures first: a cipher call they name (`openssl_encrypt`) is theirs before the general key place's.
  const typedPlace = text[keyEnd] === '(' && options.argumentPlaces ? typedArgumentPlace(text, key, keyEnd, options.argumentPlaces) : undefined;
  const typed = typedPlace && quotedValueAt(text, typedPlace.at, typedPlace.lineEnd, { key: typedPlace.name, keySpan, operator: '(', enclosing: '', unquoted: false });
  if (typed) return { ...typed, embedded: true };
  const keyPlace = text[keyEnd] === '(' ? keyArgumentPlace(text, key, keyEnd) : undefined;
  if (keyPlace) return quotedValueAt(text, keyPlace.at, keyPlace.lineEnd, { key: keyPlace.name, keySpan, operator: '(', enclosing: '', unquoted: false });
  // A secret-named option's default, a named block's body, a lookup's fallback (default-positions.ts).
  const place = defaultPlaceAt(text, keyStart, keyEnd, line);
  const placed = place && quotedValueAt(text, place.at, place.lineEnd, { key: place.key ?? key, keySpan, operator: 'default', enclosing: '', unquoted: false });
  if (placed) return { ...placed, embedded: true };
  const neighbour = neighbourValue(text, key, keySpan, line, options);
  if (neighbour) return neighbour;
  const command = commandValue(text, key, keySpan, line);
  if (command) return command;
  const callOpen = text[keyEnd] === '(' ? keyEnd : targetTypedNewOpen(text, key, keyEnd, lineEnd);
  const positional = callOpen !== undefined ? passwordArgumentPosition(key) : undefined;
  if (positional && callOpen !== undefined) {
    const users = positionalPassword(text, keySpan, callOpen, positional) === undefined ? usersMapEntryStart(text, callOpen) : undefined;
    return users ? quotedValueAt(text, users.at, users.lineEnd, { key: 'password', keySpan, operator: '(', enclosing: '', unquoted: false }) : positionalPassword(text, keySpan, callOpen, positional);
  }
  const loginPlace = text[keyEnd] === '(' ? loginArgumentPlace(text, key, keyEnd) : undefined;
  if (loginPlace) return quotedValueAt(text, loginPlace.at, loginPlace.lineEnd, { key: loginPlace.name, keySpan, operator: '(', enclosing: '', unquoted: false });
  const credentialCall = text[keyEnd] === '(' || text[keyEnd] === ' ' ? credentialCallPosition(key, before === '.') : undefined;
  const credential = credentialCall && credentialArgumentStart(text, key, keyEnd, line, credentialCall);
  if (credentialCall && credential !== undefined) {
    const end = text.indexOf('\n', credential);
    return quotedValueAt(text, credential, end < 0 ? text.length : end, { key: credentialCall.name, keySpan, operator: '(', enclosing: '', unquoted: false });
  }
  const login = key === 'login' ? registryLoginPasswordStart(text, keyStart, keyEnd, line) : undefined;
  if (login !== undefined) return valueAt(text, login, lineEnd, { key: 'password', keySpan, operator: ' ', enclosing: '', unquoted: true });
  const basic = before === ':' && /^authorization$/i.test(key) ? basicSchemeArgumentsStart(text, keyEnd, lineEnd) : undefined;
  if (basic !== undefined) return quotedValueAt(text, basic, lineEnd, { key: 'password', keySpan, operator: '(', enclosing: '', unquoted: false });
  const schemed = before === ':' && /^authorization$/i.test(key) ? faradayAuthorizationStart(text, keyEnd, lineEnd) : undefined;
  if (schemed !== undefined) return quotedValueAt(text, schemed, lineEnd, { key: 'token', keySpan, operator: '(', enclosing: '', unquoted: false });
  const expansion = shellExpansionDefault(text, keyStart, keyEnd, lineEnd);
  if (expansion) {
    const value = text.slice(expansion.start, expansion.end);
    return { key, keySpan, operator: ':=', quote: '', prefix: '', value, valueSpan: expansion, literalSpan: expansion, embedded: true };
  }
  // `const [user, password] = ['svc', '…']`, `user, password = "svc", "…"`: the value at the name's own index.
  const parallel = isQuote(before) ? undefined : parallelAssignmentStart(text, keyStart, keyEnd, lineStart, lineEnd);
  if (parallel) return quotedValueAt(text, parallel.at, parallel.lineEnd, { key, keySpan, operator: '=', enclosing: '', unquoted: false });
  let at = keyEnd;
  // The key's own closing quote (`"password": …`, `['password'] = …`).
  let enclosing = '';
  if (isQuote(before)) {
    if (text[at] === before) {
      at++;
      const paired = callPairValueStart(text, keyStart - 1, at, lineStart, lineEnd) ?? xmlAttributeValueStart(text, keyStart - 1, at, lineStart, lineEnd) ?? kotlinPairValueStart(text, at, lineEnd) ?? tuplePairValueStart(text, keyStart - 1, at, lineStart, lineEnd);
      if (paired !== undefined) return quotedValueAt(text, paired, lineEnd, { key, keySpan, operator: ',', enclosing: '', unquoted: false });
      const named = nameValueStart(text, keyStart - 1, at, line);
      if (named) return quotedValueAt(text, named.at, named.lineEnd, { key, keySpan, operator: ',', enclosing: '', unquoted: false });
      const elementText = attributeNamedText(text, keyStart - 1, at, lineEnd);
      if (elementText) return { key, keySpan, operator: '>', quote: '', prefix: '', value: text.slice(elementText.start, elementText.end), valueSpan: elementText, literalSpan: elementText };
    } else enclosing = before;
  } else if (before === '-') enclosing = optionInString(text, keyStart, lineStart);
  if (text[at] === ']') at++;
  // C# `public string ClientSecret { get; set; } = "…"`.
  const accessors = /^[ \t]*\{[ \t]*get;[^{}\n]{0,40}\}/.exec(text.slice(at, Math.min(lineEnd, at + 60)));
  if (accessors) at += accessors[0].length;
  at = skipBlanks(text, at, lineEnd);
  const lazy = lazyLiteralStart(text, at, lineEnd);
  if (lazy !== undefined) return quotedValueAt(text, lazy, lineEnd, { key, keySpan, operator: 'by lazy', enclosing: '', unquoted: false });
  const pair = /^(?:basic_?|http_?)?auth$/i.test(key.slice(key.lastIndexOf('.') + 1)) ? authPairPasswordStart(text, at, lineEnd) : undefined;
  if (pair !== undefined) return quotedValueAt(text, pair, lineEnd, { key: 'password', keySpan, operator: ',', enclosing: '', unquoted: false });
  if (text[at] === '(' && !isQuote(before)) {
    if (isSetterCall(key, keyWords(key), before === '.')) return callArgument(text, key, keySpan, at, line);
    const returned = returnedLiteralStart(text, at, lineEnd, /(?:^|[_.])credentials?$|Credentials?$/.test(key));
    const a = returned && quotedValueAt(text, returned.at, returned.lineEnd, { key, keySpan, operator: 'return', enclosing: '', unquoted: false });
    // Part of a method body: a fix replacing the literal alone is not offered.
    if (a) return { ...a, embedded: true };
    const arm = returnedArmStart(text, at);
    const armed = arm === undefined ? undefined : quotedValueAt(text, arm, lineEndAt(text, arm), { key: withoutForSuffix(key), keySpan, operator: 'return', enclosing: '', unquoted: false });
    if (armed) return { ...armed, embedded: true };
  }
  const tagDefault = before === '' || before === ' ' || before === '\t' ? structTagDefaultStart(text, at, lineEnd) : undefined;
  if (tagDefault !== undefined) return quotedValueAt(text, tagDefault, lineEnd, { key, keySpan, operator: 'default', enclosing: '', unquoted: false });
  // Sinatra's and Capistrano's `set :session_secret, …`: the symbol is the key, the comma its operator.
  const operator = operatorAt(text, at, lineEnd) ?? (before === ':' && text[at] === ',' && /^[ \t]*set[ \t]+$/.test(text.slice(lineStart, keyStart - 1)) ? ',' : undefined);
  if (!operator) return withoutOperator(text, at, { key, keySpan, operator: ' ', enclosing, unquoted: false }, line, options);
  // In YAML `a:b` with no space is one plain scalar (a URL, a time), not a pair.
  // `.properties` takes `key:value` as a pair all the same.
  if (operator === ':' && options.unquotedValues && !options.spaceSeparated && !isQuote(before) && at + 1 < lineEnd && !/[\s"'`]/.test(text[at + 1])) return undefined;
  // Inside a string only `KEY=value` is an assignment (`"DB_PASSWORD=…"`) or a header (`"X-Api-Key: …"`);
  // `"Token: expired"` is prose.
  if (enclosing && operator !== '=' && !(operator === ':' && key.includes('-'))) return undefined;
  at = skipBlanks(text, at + operator.length, lineEnd);
  if (operator === ':' && !options.unquotedValues) at = skipTypeAnnotation(text, at, lineEnd);
  // A YAML anchor names the value for later aliases (`token: &partner_token ...`): the value follows it.
  if (operator === ':' && options.unquotedValues) at = skipYamlStringTag(text, skipYamlAnchor(text, at, lineEnd), lineEnd);
  // An env file's `KEY=value` inside a heredoc of a file whose own values are quoted (a Nomad `template`'s `data`).
  // A script's line there too (a Terraform `user_data` heredoc): `export KEY=value`, `echo 'export KEY=value' >> …`.
  const scriptLine = !options.unquotedValues && operator === '=' && /^[A-Z][A-Z0-9_]*$/.test(key) ? /^[ \t]*(?:echo[ \t]+(["']?))?(?:export[ \t]+)?$/.exec(text.slice(lineStart, keyStart)) : null;
  const heredocLine = scriptLine !== null && insideHeredoc(text, lineStart);
  // A properties or YAML line inside a text block or heredoc of code (string-blocks.ts): its value is unquoted.
  const blockLine = !options.unquotedValues && !heredocLine && !enclosing && (operator === '=' || operator === ':') && !isQuote(text[at]) && /^[ \t]*$/.test(text.slice(lineStart, keyStart)) && insideStringBlock(text, lineStart);
  const pending = { key, keySpan, operator, enclosing: enclosing || (heredocLine ? scriptLine[1] ?? '' : ''), unquoted: options.unquotedValues || enclosing !== '' || heredocLine || blockLine };
  // `DbMasterPassword:` or `"adminPassword": {` opening a mapping: its `Default`/`value` child holds the secret.
  const child = !enclosing && operator === ':' && /^\{?[ \t]*$/.test(text.slice(at, lineEnd)) ? valueChildStart(text, line, /credentials$/i.test(key)) : undefined;
  const childValue = child && valueAt(text, child.at, child.lineEnd, { ...pending, operator: 'default' });
  if (childValue) return { ...childValue, embedded: true };
  const member = operator === ':' && !options.unquotedValues ? valueMemberStart(text, at) : undefined;
  const memberValue = member && quotedValueAt(text, member.at, member.lineEnd, pending);
  if (memberValue) return memberValue;
  const getter = operator === ':' && !options.unquotedValues ? getterLiteralStart(text, at, lineEnd) : undefined;
  const got = getter === undefined ? undefined : quotedValueAt(text, getter, lineEndAt(text, getter), { ...pending, operator: 'get' });
  if (got) return { ...got, embedded: true };
  const continued = !enclosing && options.unquotedValues ? continuedValueLine(text, at, line, operator) : undefined;
  if (continued) return valueAt(text, continued.lineStart, continued.lineEnd, pending);
  if (!enclosing && (at >= lineEnd || /^\([ \t]*$/.test(text.slice(at, lineEnd)))) return nextLineValue(text, line, pending, options);
  const erb = options.unquotedValues ? erbDefaultStart(text, at, lineEnd) : undefined;
  const erbDefault = erb === undefined ? undefined : quotedValueAt(text, erb, lineEnd, pending);
  if (erbDefault) return { ...erbDefault, embedded: true };
  const table = inlineTableDefaultStart(text, at, lineEnd);
  const direct = table === undefined ? valueAt(text, at, lineEnd, pending) : quotedValueAt(text, table, lineEnd, pending);
  // `pass = …` unquoted names a password beside its user (rclone, INI sections, a YAML mapping's `user:` then `pass:`:
  // the Airflow chart's `metadataConnection`); alone it may be anything.
  if (direct && direct.quote === '' && /^pass$/i.test(key) && (operator === '=' || operator === ':') && userKeyAbove(text, lineStart)) return { ...direct, besideUser: true };
  if (direct || pending.unquoted) return direct;
  // In code, a literal may sit inside a conversion (`[]byte("…")`) or follow a lookup (`process.env.X || "…"`).
  return codeValue(text, at, lineEnd, pending);
}

/** A literal in code inside a conversion or decoder (`[]byte("…")`, `bytes.fromhex(\n "…")`) or after a lookup (`process.env.X || "…"`, `.orElse("…")`). */
function codeValue(text: string, at: number, lineEnd: number, pending: Pending): Assignment | undefined {
  const literal = codeLiteralStart(text, at, lineEnd);
  const a = literal && quotedValueAt(text, literal.at, literal.lineEnd, pending);
  return a && literal.embedded ? { ...a, embedded: true } : a;
}

/**
 * A key with no assignment operator after it: Dockerfile `ENV KEY value`, `.properties` `key value`, and
 * in code a secret-named lookup's fallback (`credentials.signing_key || "…"`, `cfg.apiKey ?? "…"`).
 */
function withoutOperator(text: string, at: number, p: Pending, line: LineBounds, options: ScanOptions): Assignment | undefined {
  if (options.dockerfile) return dockerfileLegacyEnv(text, p.key, p.keySpan, line.lineStart, line.lineEnd);
  if (options.spaceSeparated) {
    const startsLine = /^[ \t]*$/.test(text.slice(line.lineStart, p.keySpan.start));
    if (at <= p.keySpan.end || at >= line.lineEnd) return undefined;
    // Mid-line only with a quoted value, as rc files chain options (`user "ops" with password "…"`).
    if (startsLine) return valueAt(text, at, line.lineEnd, { ...p, unquoted: true });
    return text[p.keySpan.start - 1] === ' ' && text[at] === '"' ? quotedValueAt(text, at, line.lineEnd, { ...p, unquoted: false }) : undefined;
  }
  if (options.unquotedValues || p.enclosing || !'|?o'.includes(text[at] ?? '')) return undefined;
  const fallback = /^(?:\|\||\?\?|\?:|or\b)[ \t]*(?=["'])/.exec(text.slice(at, Math.min(line.lineEnd, at + 8)));
  const a = fallback ? quotedValueAt(text, at + fallback[0].length, line.lineEnd, { ...p, operator: fallback[0].trim() }) : undefined;
  return a && { ...a, embedded: true };
}

/** `password:` / `apiKey =` / `api_key = (` with the value on the next line. */
function nextLineValue(text: string, line: LineBounds, p: Pending, options: ScanOptions): Assignment | undefined {
  const next = nextLine(text, line.lineEnd);
  if (!next) return undefined;
  const at = skipBlanks(text, next.lineStart, next.lineEnd);
  if (isQuote(text[at]) || /^[rRbBuU]["']/.test(text.slice(at, at + 2))) return quotedValueAt(text, at, next.lineEnd, { ...p, unquoted: false });
  // Code: a decoder or a lookup with its fallback on the next line (`BIND_SECRET =\n Optional.ofNullable(…).orElse("…");`).
  if (!options.unquotedValues) return /^[\w$.]+[ \t]*\(/.test(text.slice(at, at + 80)) ? codeValue(text, at, next.lineEnd, { ...p, unquoted: false }) : undefined;
  // YAML: a plain scalar continued on a more indented line (`password:\n  s3cr3t`), not a nested key or item.
  if (!options.unquotedValues || p.operator !== ':') return undefined;
  const indent = (s: number, e: number) => /^[ \t]*/.exec(text.slice(s, e))?.[0].length ?? 0;
  const rest = text.slice(at, next.lineEnd);
  if (indent(next.lineStart, next.lineEnd) <= indent(line.lineStart, line.lineEnd) || /^[-#&*!|>]|:(?:\s|$)/.test(rest) || /\s/.test(rest.trim())) return undefined;
  return valueAt(text, at, next.lineEnd, { ...p, unquoted: true });
}

/** `setPassword("…")`, `.password(\n "…")`: the call's first argument when it is a literal. */
function callArgument(text: string, key: string, keySpan: Span, open: number, line: LineBounds): Assignment | undefined {
  const pending = { key, keySpan, operator: '(', enclosing: '', unquoted: false };
  const at = skipBlanks(text, open + 1, line.lineEnd);
  if (at < line.lineEnd) return /^[ \t]*["'][^"'\n]*["'][ \t]*\)/.test(text.slice(at, line.lineEnd)) ? quotedValueAt(text, at, line.lineEnd, pending) : undefined;
  const next = nextLine(text, line.lineEnd);
  if (!next) return undefined;
  return quotedValueAt(text, skipBlanks(text, next.lineStart, next.lineEnd), next.lineEnd, pending);
}

/** The name written beside the value (assignment-neighbours.ts): a YAML `name:`/`value:` pair, a map named after its secrets. */
function neighbourValue(text: string, key: string, keySpan: Span, line: LineBounds, options: ScanOptions): Assignment | undefined {
  const pair = options.unquotedValues ? yamlNameValueStart(text, keySpan, line) : undefined;
  if (pair) return valueAt(text, pair.at, pair.lineEnd, { key, keySpan, operator: 'value', enclosing: '', unquoted: true });
  const entry = secretContainerEntry(text, keySpan, line);
  if (entry?.unquoted && options.unquotedValues) return valueAt(text, entry.at, entry.lineEnd, { key: entry.key, keySpan, operator: 'map', enclosing: '', unquoted: true });
  if (entry && !entry.unquoted) return quotedValueAt(text, entry.at, entry.lineEnd, { key: entry.key, keySpan, operator: ',', enclosing: '', unquoted: false });
  const compared = comparedLiteralStart(text, keySpan, line);
  const a = compared === undefined ? undefined : quotedValueAt(text, compared, line.lineEnd, { key, keySpan, operator: '==', enclosing: '', unquoted: false });
  // A signature header names no secret word, but a literal it is compared with can only be a shared secret.
  return a && { ...a, embedded: true, ...(isSignatureHeader(key) ? { credentialHeader: true } : {}) };
}

/** A secret handed to a command or statement (command-forms.ts): SQL `PASSWORD '...'`, `mysql -p'...'`, `"--requirepass", "..."`, `"KEY=... cmd"`. */
function commandValue(text: string, key: string, keySpan: Span, line: LineBounds): Assignment | undefined {
  const read = (at: number | undefined, name: string, operator: string): Assignment | undefined => {
    const a = at === undefined ? undefined : quotedValueAt(text, at, line.lineEnd, { key: name, keySpan, operator, enclosing: '', unquoted: false });
    return a && { ...a, embedded: true };
  };
  const found = read(sqlPasswordStart(text, keySpan, line), 'password', 'PASSWORD') ?? read(gluedMysqlPasswordStart(text, keySpan, line), 'password', '-p') ?? read(optionItemValueStart(text, keySpan, line), key, ',');
  if (found) return found;
  const option = passwordOptionValue(text, keySpan, line);
  if (option) return { key: 'password', keySpan, operator: ' ', quote: option.quote, prefix: '', value: text.slice(option.span.start, option.span.end), valueSpan: option.span, literalSpan: option.literal, embedded: true };
  const set = configSetValueStart(text, keySpan, line);
  const setValue = set === undefined ? undefined : valueAt(text, set, line.lineEnd, { key, keySpan, operator: ' ', enclosing: '', unquoted: true });
  if (setValue) return { ...setValue, embedded: true };
  const inline = inlineEnvValue(text, keySpan, line);
  return inline && { key, keySpan, operator: '=', quote: '', prefix: '', value: text.slice(inline.start, inline.end), valueSpan: inline, literalSpan: inline, embedded: true };
}

/** `DriverManager.getConnection(url, user, "…")`, `SetBasicAuth(user, "…")`: the password argument. */
function positionalPassword(text: string, keySpan: Span, open: number, n: number): Assignment | undefined {
  const at = argumentStart(text, open, n);
  if (at === undefined) return undefined;
  const end = text.indexOf('\n', at);
  return quotedValueAt(text, at, end < 0 ? text.length : end, { key: 'password', keySpan, operator: '(', enclosing: '', unquoted: false });
}

/** `"--db-password=…"` (an exec-form array item, container `args`): the quote before the option's dashes, which ends its value. */
function optionInString(text: string, keyStart: number, lineStart: number): string {
  const m = /(["'])-{1,2}$/.exec(text.slice(Math.max(lineStart, keyStart - 3), keyStart));
  return m ? m[1] : '';
}

function skipBlanks(text: string, at: number, end: number): number {
  while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

function operatorAt(text: string, at: number, end: number): string | undefined {
  const two = text.slice(at, Math.min(at + 3, end));
  if (two.startsWith(':=') || two.startsWith('=>') || two.startsWith('?=') || two.startsWith('||=') || two.startsWith('??=')) {
    return two.startsWith('||') || two.startsWith('??') ? two : two.slice(0, 2);
  }
  if (text[at] === '=' && text[at + 1] !== '=' && text[at + 1] !== '~') return '=';
  if (text[at] === ':' && text[at + 1] !== ':') return ':';
  return undefined;
}

/** `&name ` before a YAML value: the offset of the value after it (unchanged when there is no anchor or no value after it). */
function skipYamlAnchor(text: string, at: number, end: number): number {
  const m = /^&[^\s,[\]{}]{1,100}[ \t]+(?=\S)/.exec(text.slice(at, Math.min(end, at + 110)));
  return m ? at + m[0].length : at;
}

/**
 * A tag saying the value is a plain string (`!!str`, the non-specific `!`, Ansible's `!unsafe`, which only
 * turns templating off): the value follows it. Other tags (`!Ref`, `!vault`) are references or ciphertext.
 */
function skipYamlStringTag(text: string, at: number, end: number): number {
  const m = /^(?:!!str|!unsafe|!)[ \t]+(?=\S)/.exec(text.slice(at, Math.min(end, at + 12)));
  return m ? at + m[0].length : at;
}

/** `password: str = "…"` (Python), `password: string = '…'` (TypeScript): skip the type to reach the value. */
function skipTypeAnnotation(text: string, at: number, end: number): number {
  const m = /^[A-Za-z_][\w.<>[\]|, ]{0,60}?\s*=(?!=)\s*/.exec(text.slice(at, Math.min(end, at + 80)));
  return m && !isQuote(text[at]) ? at + m[0].length : at;
}

/** `ENV DB_PASSWORD s3cret` / `ARG …`: the old Dockerfile form without `=`. */
function dockerfileLegacyEnv(text: string, key: string, keySpan: Span, lineStart: number, lineEnd: number): Assignment | undefined {
  if (!/^\s*ENV\s+$/i.test(text.slice(lineStart, keySpan.start))) return undefined;
  const at = skipBlanks(text, keySpan.end, lineEnd);
  if (at === keySpan.end || at >= lineEnd) return undefined;
  return valueAt(text, at, lineEnd, { key, keySpan, operator: ' ', enclosing: '', unquoted: true });
}

/** The quoted literal at `at` read as the value of `key` (for forms found outside this scanner). */
export function quotedLiteralAt(text: string, at: number, lineEnd: number, key: string, keySpan: Span, operator: string): Assignment | undefined {
  return quotedValueAt(text, at, lineEnd, { key, keySpan, operator, enclosing: '', unquoted: false });
}
