// What a secret detector must not report: values that only stand in for a secret (documentation
// examples, template variables, masked or dummy values) or is ciphertext committed on purpose. Shared by
// every text detector so a value written `${DB_PASSWORD}` or `<your-token-here>` is quiet everywhere.

import { isCiphertext } from './ciphertext';
import { isPublicKeyDer } from './public-key-der';
import { trimEndOf, trimStartOf } from '../../trim';
import { isPasswordHash } from './password-storage';

/** Whole values (lower-cased, wrapping quotes and brackets removed) that are never real secrets. */
const PLACEHOLDER_VALUES = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'key', 'credential',
  'credentials', 'changeme', 'changeit', 'null', 'nil', 'none', 'undefined', 'true', 'false', 'yes', 'no', 'on',
  'off', 'empty', 'default', 'required', 'optional', 'string', 'str', 'value', 'text', 'todo', 'tbd', 'n/a', 'na',
  'unknown', 'unset', 'notset', 'not-set', 'secure', 'private', 'hidden', 'mask', 'masked', 'omitted', 'removed',
  'string.empty', 'nothing', 'blank', 'generated', 'random', 'auto', 'xxx',
]);

/**
 * Default credentials a tool's own documentation and shipped configuration give, copied into every install:
 * FreeRADIUS's `testing123` (the `localhost` client's shared secret), Oracle's `scott`/`tiger` sample schema.
 * Known to everyone like AWS's `…EXAMPLE` keys, so no secret (a scanner for weak defaults is another tool).
 */
const DOCUMENTED_DEFAULTS = new Set(['testing123', 'tiger']);

/** Substrings (case-insensitive) that mark documentation values and dummies. */
const PLACEHOLDER_PARTS = [
  'example', 'changeme', 'change_me', 'change-me', 'changeit', 'placeholder', 'redacted', 'dummy', 'sample',
  'qwerty', 'asdfgh', 'not-a-real', 'not_a_real', 'notreal', 'replace_me', 'replace-me', 'replaceme',
  'changethis', 'change_this', 'change-this', 'pleasechange', 'please-change', 'please_change', 'notasecret',
  'not-a-secret', 'not_a_secret',
];

/** Leetspeak digits and symbols read as letters: `Ple4seCh4ngeThis` is `pleasechangethis`, still a stand-in. */
const LEET: Readonly<Record<string, string>> = { '4': 'a', '@': 'a', '3': 'e', '0': 'o', '1': 'i', '5': 's', $: 's', '7': 't' };

const TEMPLATE_SYNTAX = /\$\{|\{\{|\}\}|\$\(|#\{|%\(|<%|%>|\{%|\$\$\{|\[\[/;
const VARIABLE_ONLY = /^(?:\$[A-Za-z_][\w.]*|%[A-Za-z_]\w*%|@[\w.-]+@|__[\w.-]+__|\{[\w.-]+\}|\$\{?\d+\}?)$/;
const WRAPPED = /^(?:<[^<>]*>|\[[^[\]]*\]|\([^()]*\))$/;
const MASKED = /\*{3,}|\u2022{3,}|x{4,}|\.{3}|\u2026|#{3,}|_{4,}/i;
const YOUR_VALUE = /your[-_ .]?[a-z_ .-]{0,30}?(?:key|token|secret|pass|pwd|id|here|name|value|hook|api|url|cred)/i;
const FILL_IN = /(?:^|[-_ .])here$|^(?:put|insert|enter|add|set|paste)[-_ .]/i;
/** The name of a variable written where its value should be: `HF_TOKEN`, `GOOGLE_API_KEY_VAL`. */
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** A type prefix followed by a capitalised name instead of a value: `nvapi-NVKEY`, `sk-OPENAI_KEY`, `Bearer TOKEN`. */
const NAMED_STAND_IN = /^[A-Za-z0-9]{0,12}[-_. ]?[A-Z_]*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD)S?$/;

/**
 * The scheme of a reference into a secret store: Vault, AWS Secrets Manager and Parameter Store, Azure Key Vault,
 * GCP Secret Manager, 1Password, Doppler, Infisical, Bitwarden, Conjur, Akeyless, SOPS (Spring Cloud's `${vault:…}`,
 * `${sm://…}`, `aws-parameterstore:/…`, `op://…`). CloudFormation's `{{resolve:secretsmanager:…}}` and App Service's
 * `@Microsoft.KeyVault(…)` are template syntax and a call already.
 */
export const SECRET_STORE_SCHEME = /^(?:vault|(?:aws[-_]?)?(?:secrets?[-_]?manager|secrets?|ssm|parameter[-_]?store)|azure[-_]?(?:kv|key[-_]?vault)|key[-_]?vault|akv|(?:gcp|google)[-_]?(?:sm|secret[-_]?manager|secrets?)|sm|secret[-_]?manager|op|1password|onepassword|doppler|infisical|bws|bitwarden|conjur|akeyless|sops|cyberark)$/i;

/** A whole value that refers into a secret store: `vault:secret/data/db#password`, `op://vault/item/field`, `sm://db-pass`. */
export function isSecretStoreReference(value: string): boolean {
  const colon = value.indexOf(':');
  if (colon < 2 || colon > 24 || !SECRET_STORE_SCHEME.test(value.slice(0, colon))) return false;
  const rest = value.slice(colon + 1);
  // A path after the scheme (`://…` or `…/…`): a password never starts with a store's name and a path.
  return /^[\w./#:@+ -]+$/.test(rest) && (rest.startsWith('//') || rest.includes('/'));
}

/**
 * True when `value` is a stand-in rather than a secret: template or environment references,
 * variable names written as values, bracketed names, masked or repeated characters, keyboard and
 * counting runs, documentation examples (AWS's `AKIAIOSFODNN7EXAMPLE`), and common dummy words,
 * also in leetspeak (`Ch4ngeMe`); and ciphertext in a tool's envelope (dotenvx `encrypted:…`), which opens
 * nothing without a key kept elsewhere; a public key or certificate in base64 DER, which opens nothing at all; and a
 * password hash in a self-describing format (`argon2:$argon2id$…`), which a login compares with and never sends; and a
 * reference into a secret store (`vault:secret/data/db#password`), which the application resolves at run time.
 */
export function looksLikePlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  const bare = trimStartOf(trimEndOf(trimmed, `"'\``), `"'\``);
  const lower = bare.toLowerCase();
  if (PLACEHOLDER_VALUES.has(lower) || PLACEHOLDER_VALUES.has(trimStartOf(trimEndOf(lower, '>]})'), '<[{('))) return true;
  if (DOCUMENTED_DEFAULTS.has(lower)) return true;
  const unleet = lower.replace(/[4@30157$]/g, (c) => LEET[c]);
  if (PLACEHOLDER_PARTS.some((part) => lower.includes(part) || unleet.includes(part))) return true;
  if (TEMPLATE_SYNTAX.test(bare) || VARIABLE_ONLY.test(bare) || WRAPPED.test(bare)) return true;
  if (ENV_NAME.test(bare) || NAMED_STAND_IN.test(bare)) return true;
  if (MASKED.test(bare) || YOUR_VALUE.test(bare) || FILL_IN.test(bare)) return true;
  return isRepetitive(bare) || isCiphertext(bare) || isPublicKeyDer(bare) || isPasswordHash(bare) || isSecretStoreReference(bare);
}

/** One character repeated (`aaaaaaaa`, `00000000` inside a URL) or a counting run (`123456`, `abcdef`). */
export function isRepetitive(value: string): boolean {
  const chars = value.replace(/[-_.:/ ]/g, '');
  if (chars.length >= 3 && /^(.)\1+$/.test(chars)) return true;
  if (/(.)\1{7,}/.test(value)) return true;
  let run = 1;
  let step = 0;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    const cls = charClass(value.charCodeAt(i));
    const counting = cls !== 0 && cls === charClass(value.charCodeAt(i - 1)) && (d === 1 || d === -1);
    if (counting && run > 1 && d === step) run++;
    else if (counting) run = 2;
    else run = 1;
    step = d;
    if (run >= 6) return true;
  }
  return false;
}

/** 1 digit, 2 lower, 3 upper, 0 other: a run must stay in one class (`789:;<` is not a sequence). */
function charClass(code: number): number {
  if (code >= 48 && code <= 57) return 1;
  if (code >= 97 && code <= 122) return 2;
  if (code >= 65 && code <= 90) return 3;
  return 0;
}
