import type { TextModel } from '../../parsers/text';
import type { RegexCompiler, SafeRegex } from '../../safe-regex';
import type { JsonSchema } from '../template';
import { assignmentAt, type Assignment, type ScanOptions } from './assignment-scan';
import type { KeyClassifier } from './secret-key-names';

// Tools' own credential files, as data: a file name, the key that holds the secret there, and the words to
// find it by. Some tools name their secret by a bare `key` that names nothing elsewhere (`~/.kaggle/kaggle.json`
// `"key"`, Copernicus `~/.cdsapirc` `key:`): only the file's name says it is the credential. One table in the
// pack rather than code per tool; the value still passes the rule's literal filters. Two forms need no table:
// a file named for a secret that holds one token alone (itch.io's `butler_creds`, `.vault-token`), and a
// length-prefixed hash dump whose key names a secret (Subversion's `auth/svn.simple/<hash>`: `K 8`, `password`,
// `V 20`, the value).

export interface ToolFileSpec {
  /** RE2 pattern on the file name. */
  readonly files: string;
  /** RE2 pattern on the key that holds the secret in such a file. */
  readonly keys?: string;
  /** Case-insensitive literals that find the key (looked for in those files only). */
  readonly keywords?: readonly string[];
  /**
   * Instead of a key: an RE2 pattern whose one group is the secret, anywhere in such a file, for a tool that
   * writes records rather than `key=value` lines (Perforce's `.p4tickets`: `host:port=user:TICKET`).
   */
  readonly secret?: string;
}

export const TOOL_FILES_SCHEMA: JsonSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['files'],
    // A key's name needs its keywords (the prefilter that keeps other files unread); a `secret` pattern reads a record.
    anyOf: [{ required: ['keys', 'keywords'] }, { required: ['secret'] }],
    additionalProperties: false,
    properties: {
      files: { type: 'string', minLength: 1 },
      keys: { type: 'string', minLength: 1 },
      keywords: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      secret: { type: 'string', minLength: 1 },
    },
  },
};

interface ToolFile {
  readonly files: SafeRegex;
  readonly keys?: SafeRegex;
  readonly keywords: readonly string[];
  readonly secret?: SafeRegex;
}

/** The assignments of a tool file's secret keys in this file (none when the file is no tool's). */
export type ToolFileScan = (model: TextModel, options: ScanOptions) => Assignment[];

export function compileToolFiles(specs: readonly ToolFileSpec[], regex: RegexCompiler, isSecretKey: KeyClassifier): ToolFileScan {
  const tools: readonly ToolFile[] = specs.map((s) => ({
    files: regex(s.files),
    ...(s.keys ? { keys: regex(s.keys) } : {}),
    keywords: (s.keywords ?? []).map((k) => k.toLowerCase()),
    ...(s.secret ? { secret: regex(s.secret) } : {}),
  }));
  return (model, options) => {
    const found: Assignment[] = [...secretFileContent(model, isSecretKey), ...hashDumpSecrets(model.text, isSecretKey)];
    for (const tool of tools) {
      if (!model.memoFact(`tool\u0000${tool.files.source}`, () => tool.files.test(model.fileName))) continue;
      if (tool.secret) found.push(...recordSecrets(model.text, tool.secret));
      if (!tool.keys) continue;
      let lastValueEnd = -1;
      for (const hit of model.keywordOffsets(tool.keywords)) {
        if (hit < lastValueEnd) continue;
        const line = model.lines.lineOf(hit);
        const a = assignmentAt(model.text, hit, model.lines.lineStart(line), model.lines.lineEnd(line), { ...options, unquotedValues: true });
        if (!a || !tool.keys.test(a.key)) continue;
        lastValueEnd = a.valueSpan.end;
        found.push(a);
      }
    }
    return found;
  };
}

/** A `[section]` header as the first line that is neither blank nor a `#`/`;` comment. */
const FIRST_SECTION_HEADER = /^(?:[ \t]*(?:[#;][^\n]*)?\r?\n)*[ \t]*\[[^\]\r\n]{1,80}\][ \t]*\r?\n/;

/**
 * A file with no extension that opens with a `[section]` header is a tool's INI-style settings file wherever it
 * sits (s3ql's `authinfo2`, `.s3ql/authinfo2` copied into a repository's `backup/`, a DSN file, a tool's `config`): its
 * `key: value` and `key = value` lines hold literals, as an `.ini` file's do.
 */
export function isSectionedSettingsFile(model: TextModel): boolean {
  if (model.fileName.includes('.')) return false;
  return model.memoFact('sectioned-settings', () => FIRST_SECTION_HEADER.test(model.text.slice(0, 4096)));
}

/** The longest content read as one token (a key file, not a document). */
const MAX_TOKEN_FILE = 512;
const SOLE_TOKEN = /^[\x21-\x7e]{16,512}$/;
/** `api_key.txt`, `token.secret`: extensions a token file may carry; any other says what the file is (`.pem`, `.json`). */
const TOKEN_FILE_NAME = /^\.?([A-Za-z][\w-]*?)(?:\.(?:txt|secret|token))?$/;

/**
 * A file named for a secret whose whole content is one token (itch.io's `~/.config/itch/butler_creds`,
 * `~/.vault-token`, `api_token.txt`): the name is the key, the content its value.
 */
function secretFileContent(model: TextModel, isSecretKey: KeyClassifier): Assignment[] {
  const text = model.text;
  if (text.length > MAX_TOKEN_FILE) return [];
  const name = TOKEN_FILE_NAME.exec(model.fileName);
  if (!name) return [];
  const value = text.trim();
  if (!SOLE_TOKEN.test(value) || !isSecretKey(name[1])) return [];
  const start = text.indexOf(value);
  const span = { start, end: start + value.length };
  return [{ key: name[1], keySpan: { start: 0, end: 0 }, operator: '', quote: '', prefix: '', value, valueSpan: span, literalSpan: span }];
}

/** Subversion's hash dump (`svn_hash_write`): `K <n>`, the key, `V <n>`, the value, ending with `END`. */
const HASH_DUMP_RECORD = /^K (\d+)\r?\n([^\n]+)\r?\nV (\d+)\r?\n([^\r\n]*)/gm;

/** The values of a hash dump whose keys name a secret (`password`, `passphrase`); none in any other text. */
function hashDumpSecrets(text: string, isSecretKey: KeyClassifier): Assignment[] {
  if (!text.startsWith('K ') || !/\nEND\r?\n?$/.test(text)) return [];
  const found: Assignment[] = [];
  for (const m of text.matchAll(HASH_DUMP_RECORD)) {
    const [, keyLength, key, valueLength, value] = m;
    // The lengths are the format's own check: text that only looks like it is passed over.
    if (Number(keyLength) !== key.length || Number(valueLength) !== value.length || !isSecretKey(key)) continue;
    const keyStart = m.index + m[0].indexOf('\n') + 1;
    const start = m.index + m[0].length - value.length;
    const span = { start, end: start + value.length };
    found.push({ key, keySpan: { start: keyStart, end: keyStart + key.length }, operator: '', quote: '', prefix: '', value, valueSpan: span, literalSpan: span });
  }
  return found;
}

/** The first group of each match of a tool's record pattern: its secret. */
function recordSecrets(text: string, pattern: SafeRegex): Assignment[] {
  const found: Assignment[] = [];
  for (const m of pattern.matchAll(text)) {
    const value = m.groups[1];
    const start = m.groupStart(1);
    if (value === undefined || start < 0) continue;
    const span = { start, end: start + value.length };
    found.push({ key: 'secret', keySpan: span, operator: '', quote: '', prefix: '', value, valueSpan: span, literalSpan: span });
  }
  return found;
}
