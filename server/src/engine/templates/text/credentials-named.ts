import { keyWords } from './secret-key-names';

// A type or factory whose name says it holds a secret, given a generated literal as its last argument: the literal
// is that secret, whatever the library (`new PasswordAuthenticationMethod(user, "…")`, `ApiKeyAuth("…")`,
// `AwsBasicCredentials.create(id, "…")`, `Aws::Credentials.new(id, "…")`, `new ClientSecretCredential(t, c, "…")`).
// The name must end in the secret's word, or in it and words that say it is used to authenticate (`…Auth`,
// `…AuthenticationMethod`, `…Provider`): `PasswordField`, `TokenType` or `SecretName` hold no secret. A verb first
// (`getToken`, `hashPassword`, `validateSecret`) reads or checks one instead.

/** A factory after the type's name (`Credentials.new`, `AwsBasicCredentials.create`): the type names the secret. */
const FACTORY = /^(?:new|create|of|from|builder|build)$/;
/** Words that may follow the secret's word in such a name: the secret used to authenticate. */
const AUTH_TAIL = new Set(['auth', 'authentication', 'authenticator', 'method', 'credential', 'credentials', 'provider', 'header']);
/** The secret's word and the name the finding gives it. */
const SECRET_WORD: ReadonlyMap<string, string> = new Map([
  ['password', 'password'], ['passphrase', 'passphrase'], ['passwd', 'password'], ['secret', 'secret'], ['token', 'token'],
  ['credential', 'credentials'], ['credentials', 'credentials'],
]);
/** Qualifiers that make a bare `key` a secret key (`ApiKeyAuth`, `SharedKeyCredential`). */
const KEY_QUALIFIER = new Set(['api', 'access', 'secret', 'private', 'signing', 'shared', 'hmac', 'encryption', 'master']);
/** A first word that makes the name an action on a secret rather than its holder. */
const VERB = /^(?:get|load|read|find|fetch|lookup|has|is|delete|remove|revoke|list|clear|check|verify|validate|hash|compare|reset|prompt|parse|generate|random|mask|redact|encode|decode|encrypt|decrypt|refresh|expire|rotate|to|as)$/;

/** The name a callee written `name` (dotted or `::`) gives its last literal argument, when it names a secret holder. */
export function secretNamedCallee(name: string): string | undefined {
  const segments = name.split(/\.|::|->/);
  let type = segments[segments.length - 1] ?? '';
  if (FACTORY.test(type) && segments.length > 1) type = segments[segments.length - 2];
  // A type's name (capitalised), not a function's: `PasswordAuthenticationMethod`, `ApiKeyAuth`, `Credentials`.
  if (!/^[A-Z]/.test(type)) return undefined;
  const words = keyWords(type);
  if (words.length === 0 || VERB.test(words[0])) return undefined;
  let end = words.length;
  while (end > 1 && AUTH_TAIL.has(words[end - 1]) && !SECRET_WORD.has(words[end - 1])) end--;
  const last = words[end - 1];
  const named = SECRET_WORD.get(last);
  if (named !== undefined) return named;
  return last === 'key' && end >= 2 && KEY_QUALIFIER.has(words[end - 2]) ? 'apiKey' : undefined;
}

/**
 * The secret a call's name says it is given after `with`: `ParsePrivateKeyWithPassphrase(pem, "…")`,
 * `signInWithEmailAndPassword(auth, email, "…")`, `connectWithToken(url, "…")` (its last argument). `…WithKey`
 * needs a qualifier like a bare key does (`encryptWithSecretKey`); `sortWithKey` keys something else.
 */
export function secretGivenWith(words: readonly string[]): string | undefined {
  const w = words.lastIndexOf('with');
  if (w < 0 || w === words.length - 1) return undefined;
  const last = words[words.length - 1];
  const named = SECRET_WORD.get(last);
  if (named !== undefined) return named;
  return last === 'key' && words.length - w >= 3 && KEY_QUALIFIER.has(words[words.length - 2]) ? 'apiKey' : undefined;
}

/** The secret word among a type's words (`PasswordField` → `password`), the last one if several. */
export function secretWordIn(words: readonly string[]): string | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const named = SECRET_WORD.get(words[i]);
    if (named !== undefined && named !== 'credentials') return named;
  }
  return undefined;
}
