import type { Span } from '../../types';
import type { LineBounds } from './assignment-forms';

// Secrets handed over the way commands and statements take them, rather than assigned to a key:
//   SQL `CREATE USER app WITH PASSWORD '...'` / `CREATE ROLE app LOGIN PASSWORD '...'` (an init script, a psql
//   heredoc, a string in code); MySQL's password glued to its option (`mysql -u root -p'...'`); an option
//   and its value as two items of an exec-form array (`["redis-server", "--requirepass", "..."]`); an
//   environment assignment written before a command inside a script string (`"PORTAL_API_KEY=... playwright
//   test"`, an npm script); a key-derivation call's literal argument (`SignedString([]byte(\`...\`))`,
//   `Keys.hmacShaKeyFor(\n "...".getBytes())`). Each reads the key's line, or the next one for an argument.
// The command-line model (command-line.ts, command-secrets.ts) reads options and arguments of commands in files that
// hold commands; the option forms here stay for commands quoted in other files (a help text's example, a string in
// code: gcloud's `--password …` examples in Python), where no command line is read.

/** `CREATE|ALTER USER|ROLE|LOGIN name ... PASSWORD` before the key `PASSWORD`: a SQL statement that sets one. */
const SQL_PASSWORD_STATEMENT = /\b(?:create|alter)[ \t]+(?:user|role|login)[ \t][^;'"\n]*[ \t]$/i;

/** `PASSWORD '...'` in a SQL user or role statement on the key's line: the offset of the value's quote. */
export function sqlPasswordStart(text: string, keySpan: Span, line: LineBounds): number | undefined {
  if (!/^password$/i.test(text.slice(keySpan.start, keySpan.end))) return undefined;
  if (!SQL_PASSWORD_STATEMENT.test(text.slice(Math.max(line.lineStart, keySpan.start - 200), keySpan.start))) return undefined;
  const m = /^[ \t]+(?=')/.exec(text.slice(keySpan.end, Math.min(line.lineEnd, keySpan.end + 8)));
  return m ? keySpan.end + m[0].length : undefined;
}

/** The MySQL and MariaDB clients, which take the password glued to `-p` (`-p'...'`, never `-p '...'`). */
const MYSQL_COMMAND = /\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlpump|mysqlsh|mariadb|mariadb-dump|mariadb-admin)\b[^|;&\n]*[ \t]-$/;

/** `mysql ... -p'...'`: the offset of the quote after `-p` (the key being the `p`). */
export function gluedMysqlPasswordStart(text: string, keySpan: Span, line: LineBounds): number | undefined {
  if (text.slice(keySpan.start, keySpan.end) !== 'p') return undefined;
  const q = text[keySpan.end];
  if (q !== "'" && q !== '"') return undefined;
  return MYSQL_COMMAND.test(text.slice(Math.max(line.lineStart, keySpan.start - 300), keySpan.start)) ? keySpan.end : undefined;
}

/**
 * `"--requirepass", "..."` / `'--password', '...'`: an option as one item of an exec-form array (compose
 * `command`, Dockerfile `CMD`, container `args`, `spawn` arguments) and its value as the next: the offset of
 * the value's quote.
 */
export function optionItemValueStart(text: string, keySpan: Span, line: LineBounds): number | undefined {
  const open = /(["'])--?$/.exec(text.slice(Math.max(line.lineStart, keySpan.start - 3), keySpan.start));
  if (!open || text[keySpan.end] !== open[1]) return undefined;
  const m = /^[ \t]*,[ \t]*(?=["'])/.exec(text.slice(keySpan.end + 1, Math.min(line.lineEnd, keySpan.end + 12)));
  return m ? keySpan.end + 1 + m[0].length : undefined;
}

/**
 * `"PORTAL_API_KEY=... playwright test"`: an upper-case environment assignment at the start of a script string
 * (after `env`/`cross-env`, other assignments or `&&`) followed by a command: the value's span, up to the blank.
 * The value alone, with nothing after it, is read by the ordinary `"KEY=value"` form.
 */
export function inlineEnvValue(text: string, keySpan: Span, line: LineBounds): Span | undefined {
  if (text[keySpan.end] !== '=' || !/^[A-Z][A-Z0-9_]*$/.test(text.slice(keySpan.start, keySpan.end))) return undefined;
  const head = /(["'`])(?:[^"'`\n]*?(?:&&|;|\|\|)[ \t]*)?(?:(?:cross-env|env)[ \t]+)?(?:[A-Z_][A-Z0-9_]*=[^\s"'`]*[ \t]+)*$/.exec(text.slice(Math.max(line.lineStart, keySpan.start - 200), keySpan.start));
  if (!head) return undefined;
  const start = keySpan.end + 1;
  const m = /^([^\s"'`]+)[ \t]+[A-Za-z./]/.exec(text.slice(start, Math.min(line.lineEnd, start + 1100)));
  if (!m || !text.slice(start + m[0].length, line.lineEnd).includes(head[1])) return undefined;
  return { start, end: start + m[1].length };
}

/**
 * Calls whose first argument is a signing or HMAC key, by their last name: golang-jwt's `SignedString`,
 * JJWT's `Keys.hmacShaKeyFor`, java-jwt's `Algorithm.HMAC256`, AWS CDK's `SecretValue.unsafePlainText`. The name the finding gives the key.
 */
const KEY_ARGUMENT_CALLS: ReadonlyMap<string, string> = new Map([
  ['SignedString', 'signingKey'], ['unsafePlainText', 'secret'], ['hmacShaKeyFor', 'hmacKey'], ['HMAC256', 'hmacKey'], ['HMAC384', 'hmacKey'], ['HMAC512', 'hmacKey'],
  // Ciphers and signers built from their key: Java's `new SecretKeySpec("…".getBytes(), alg)`, Python's `Fernet(b"…")`,
  // itsdangerous serializers and signers, Express's `cookieParser("…")`.
  ['SecretKeySpec', 'secretKey'], ['Fernet', 'fernetKey'], ['cookieParser', 'cookieSecret'],
  ['URLSafeTimedSerializer', 'signingKey'], ['URLSafeSerializer', 'signingKey'], ['TimedSerializer', 'signingKey'], ['TimestampSigner', 'signingKey'],
]);

/** The name of the key a call named `key` takes as its first argument, if it is a key-derivation call. */
export function keyArgumentName(key: string): string | undefined {
  return KEY_ARGUMENT_CALLS.get(key.slice(key.lastIndexOf('.') + 1));
}

/**
 * The literal that is the whole first argument of the call opening at `open`, on that line or the next:
 * bare, inside `[]byte(...)`, or followed by a conversion to bytes (`.getBytes(UTF_8)`, `.toByteArray()`,
 * `.encode()`); Go raw strings too. The offset of its quote and the end of its line.
 */
export function keyArgumentStart(text: string, open: number): { at: number; lineEnd: number } | undefined {
  const m = /^\([ \t]*(?:\r?\n[ \t]*)?(?:\[\]byte\([ \t]*)?(?=[bB]?["'`])/.exec(text.slice(open, open + 200));
  if (!m) return undefined;
  const at = open + m[0].length;
  const lf = text.indexOf('\n', at);
  const lineEnd = lf < 0 ? text.length : lf;
  // Python's bytes literal (`Fernet(b"…")`): the quote after its prefix.
  const prefixed = text[at] === 'b' || text[at] === 'B' ? 1 : 0;
  const q = text[at + prefixed];
  const close = text.indexOf(q, at + prefixed + 1);
  if (close < 0 || close > lineEnd) return undefined;
  const wrapped = m[0].includes('[]byte');
  const rest = text.slice(close + 1, Math.min(lineEnd, close + 80));
  const ok = wrapped ? /^[ \t]*\)[ \t]*\)/.test(rest) : /^(?:\.(?:getBytes|toByteArray|encode|encodeToByteArray)\([\w.]*\))?[ \t]*[),]/.test(rest);
  return ok ? { at, lineEnd } : undefined;
}

/** A user named on a command line: `-u`/`-U`/`-l`/`--user`/`--username` and its value, or `user@host`. */
const USER_ON_COMMAND_LINE = /(?:^|[ \t])(?:-[uUl]|--user(?:name)?)(?:[ \t]+|=)["']?[\w$]|[ \t]["']?[\w.-]+@[\w-]+(?:\.[\w-]+)*(?=[\s:"'])/;

/** Options that carry a password by convention, written `--name value` (a blank, not `=`, before the value), `--db-password` too. */
const PASSWORD_LONG_OPTION = /^(?:(?:[a-z0-9]+-)*(?:password|passwd)|pass|requirepass|auth)$/i;
/** Java tools' single-dash password options (`keytool -storepass`, `-deststorepass`, `-keypass`, `jarsigner -storepass`). */
const JAVA_TOOL_PASSWORD_OPTION = /^(?:src|dest|new)?(?:store|key)pass$/;
/** A bind DN on an LDAP tool's command line (`ldapsearch -D "cn=…" -w '…'`): `-w` is then its password. */
const BIND_DN_ON_COMMAND_LINE = /(?:^|[ \t])-D[ \t]+["']?[A-Za-z]+=/;

export interface OptionValue {
  /** The value without its quotes. */
  readonly span: Span;
  /** The value as written, with its quotes. */
  readonly literal: Span;
  readonly quote: string;
}

/**
 * A password handed to a command as an option: `--password '…'` / `--requirepass …` (a compose `command`
 * string), a quoted value after a one-letter `-p` / `-P` on a command line that names a user (`sshpass -p '…' ssh
 * ops@host`, `sqlcmd -U sa -P '…'`), and OpenSSL's
 * `-pass pass:…` / `-passin pass:…`. MySQL's `-p '…'` is the database name (its password is glued) and stays quiet.
 */
export function passwordOptionValue(text: string, keySpan: Span, line: LineBounds): OptionValue | undefined {
  const key = text.slice(keySpan.start, keySpan.end);
  const dashes = /(?:^|[\s"'`=([,])(-{1,2})$/.exec(text.slice(Math.max(line.lineStart, keySpan.start - 3), keySpan.start))?.[1];
  if (!dashes) return undefined;
  const rest = text.slice(keySpan.end, Math.min(line.lineEnd, keySpan.end + 1100));
  let m: RegExpExecArray | null = null;
  if (dashes === '-' && (key === 'p' || key === 'P')) {
    // `-p` is a port, a path, a pattern (`grep -P`) as often: a password only beside a user on the same command line.
    const command = text.slice(line.lineStart, line.lineEnd);
    if (MYSQL_COMMAND.test(text.slice(Math.max(line.lineStart, keySpan.start - 300), keySpan.start)) || !USER_ON_COMMAND_LINE.test(command)) return undefined;
    m = /^[ \t]+(?=["'])/.exec(rest);
  } else if (dashes === '-' && key === 'w') {
    if (!BIND_DN_ON_COMMAND_LINE.test(text.slice(line.lineStart, line.lineEnd))) return undefined;
    m = /^[ \t]+(?=["'])/.exec(rest);
  } else if (dashes === '-' && /^pass(?:in|out)?$/.test(key)) m = /^[ \t]+(?:["']?)pass:/.exec(rest);
  else if (dashes === '-' && JAVA_TOOL_PASSWORD_OPTION.test(key)) m = /^[ \t]+(?=["']|[^\s"'`$<{[(-])/.exec(rest);
  else if (dashes === '--' && PASSWORD_LONG_OPTION.test(key)) m = /^[ \t]+(?=["']|[^\s"'`$<{[(-])/.exec(rest);
  if (!m) return undefined;
  const at = keySpan.end + m[0].length;
  const opened = m[0].endsWith('pass:') ? m[0].trim()[0] : undefined;
  const quote = opened === '"' || opened === "'" ? opened : text[at] === '"' || text[at] === "'" ? text[at] : '';
  if (quote && !opened) {
    const close = text.indexOf(quote, at + 1);
    if (close < 0 || close > line.lineEnd) return undefined;
    return { span: { start: at + 1, end: close }, literal: { start: at, end: close + 1 }, quote };
  }
  let end = at;
  while (end < line.lineEnd && !/[\s"'`;|&)]/.test(text[end])) end++;
  return end > at ? { span: { start: at, end }, literal: { start: at, end }, quote: '' } : undefined;
}

/**
 * `aws configure set aws_session_token …`, `yarn config set npmAuthToken …`: a configuration command setting a
 * key to the value after it (a blank between them). The offset of the value.
 */
export function configSetValueStart(text: string, keySpan: Span, line: LineBounds): number | undefined {
  if (!/\b(?:config|configure)[ \t]+set[ \t]+(?:--?[\w-]+[ \t]+)*$/.test(text.slice(Math.max(line.lineStart, keySpan.start - 120), keySpan.start))) return undefined;
  const m = /^[ \t]+(?=[^\s$-])/.exec(text.slice(keySpan.end, Math.min(line.lineEnd, keySpan.end + 20)));
  return m ? keySpan.end + m[0].length : undefined;
}
