import { argumentStart, type LineBounds } from './assignment-forms';
import { keyWords } from './secret-key-names';

// A literal in the credential position of a call that says, by its own name, that it logs in: the callee
// names an authenticator, a basic/bearer/digest scheme, credentials or an authenticate action, whatever the
// library (`new HttpBasicAuthenticator(user, "…")`, `client.AuthenticateAsync(user, "…", ct)`,
// `new StorageSharedKeyCredential(account, "…")`, `nats.UserInfo(user, "…")`, `.basicAuthentication(user,\n "…")`,
// `ClientFilters.BearerAuth("…")`, Ruby's `req.basic_auth 'user', '…'` without parentheses). The form is the
// name's words, not a list of libraries: a call naming a user and a password takes the password second, a
// bearer scheme takes its token alone. A variable, a lookup or a stand-in in that position stays quiet
// (the classifier and the value filters judge the literal like any other).

/** The words a login call's name ends with (after an `Async` suffix), and where its secret sits. */
const PAIR_ENDINGS: ReadonlyArray<readonly string[]> = [
  ['authenticator'], ['authenticate'], ['basic', 'auth'], ['digest', 'auth'], ['basic', 'authentication'], ['basic', 'credentials'],
  ['credential'], ['credentials'], ['user', 'info'], ['user', 'password'], ['sign', 'in'], ['log', 'in'],
];
const TOKEN_ENDINGS: ReadonlyArray<readonly string[]> = [['bearer', 'auth'], ['bearer', 'authentication'], ['bearer', 'token'], ['token', 'auth'], ['token', 'authenticator']];

/** A quoted UUID. */
const UUID_LITERAL = /^(["'])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\1/i;

export interface CredentialCall {
  /** The argument's position (1-based). */
  readonly position: number;
  /** The name the finding gives the secret. */
  readonly name: 'password' | 'token';
}

function endsWith(words: readonly string[], ending: readonly string[]): boolean {
  return words.length >= ending.length && ending.every((w, i) => words[words.length - ending.length + i] === w);
}

/**
 * The credential position of a call named `key` (its last dotted segment read as words), or undefined when the
 * name says nothing of a login. `member` is true for `.basic(` (Fuel, OkHttp-like builders), whose bare
 * name is read only after a receiver.
 */
export function credentialCallPosition(key: string, member: boolean): CredentialCall | undefined {
  const segment = key.slice(key.lastIndexOf('.') + 1);
  const words = keyWords(segment);
  if (words[words.length - 1] === 'async') words.pop();
  // A lookup of stored credentials (`getCredentials("name", "kind")`) takes names, not the secret.
  if (words.length === 0 || /^(?:get|load|read|find|fetch|lookup|has|is|delete|remove|revoke|list|clear)$/.test(words[0])) return undefined;
  if (TOKEN_ENDINGS.some((e) => endsWith(words, e))) return { position: 1, name: 'token' };
  if (PAIR_ENDINGS.some((e) => endsWith(words, e))) return { position: 2, name: 'password' };
  if (member && words.length === 1 && words[0] === 'basic') return { position: 2, name: 'password' };
  return undefined;
}

/**
 * The quote of the literal in the credential position of the call opening at `open`: with parentheses (on the
 * call's line or a continuation line), or Ruby's command call without them (`basic_auth 'user', '…'` on one
 * line). A token-only call (`BearerAuth("…")`) must have that literal as its only argument.
 */
export function credentialArgumentStart(text: string, key: string, keyEnd: number, line: LineBounds, call: CredentialCall): number | undefined {
  if (text[keyEnd] === '(') {
    const at = argumentStart(text, keyEnd, call.position);
    // An id there (a UUID) is the account's half of the pair, not its secret: `new ClientSecretCredential(tenant,
    // "<client uuid>", "…")` takes the secret third (call-tuples.ts reads it there by the type's name).
    if (at !== undefined && UUID_LITERAL.test(text.slice(at, at + 38))) return undefined;
    if (at === undefined || call.position !== 1) return at;
    return /^(["'])(?:\\.|(?!\1)[^\\\n])*\1[ \t]*\)/.test(text.slice(at, Math.min(text.length, at + 1100))) ? at : undefined;
  }
  // Without parentheses: a snake_case Ruby method (`basic_auth`, `bearer_auth`), its arguments on its line.
  if (!/^[a-z]+(?:_[a-z]+)+$/.test(key.slice(key.lastIndexOf('.') + 1))) return undefined;
  const rest = text.slice(keyEnd, Math.min(line.lineEnd, keyEnd + 1100));
  const m = call.position === 1 ? /^[ \t]+(?=["'])/.exec(rest) : /^[ \t]+(["'])(?:\\.|(?!\1)[^\\\n])*\1[ \t]*,[ \t]*(?=["'])/.exec(rest);
  return m ? keyEnd + m[0].length : undefined;
}

/**
 * A basic-auth call whose argument is a map from user names to passwords (`gin.BasicAuth(gin.Accounts{` with
 * `"user": "…"` on the next line, express-basic-auth's `basicAuth({ users: { admin: '…' } })`): the quote of
 * the first entry's value and the end of its line.
 */
const USERS_MAP = /^\([ \t\r\n]*(?:[\w.]*(?:Accounts|Users)[ \t]*\{|\{[ \t\r\n]*(?:users|accounts)[ \t]*:[ \t]*\{)[ \t\r\n]*(?:\/\/[^\n]*\n[ \t\r\n]*){0,3}["']?[\w.@-]{1,60}["']?[ \t]*:[ \t]*(?=["'])/;

export function usersMapEntryStart(text: string, open: number): { at: number; lineEnd: number } | undefined {
  const m = USERS_MAP.exec(text.slice(open, Math.min(text.length, open + 300)));
  if (!m) return undefined;
  const at = open + m[0].length;
  const lf = text.indexOf('\n', at);
  return { at, lineEnd: lf < 0 ? text.length : lf };
}
