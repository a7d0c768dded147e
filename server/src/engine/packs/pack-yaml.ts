import type { ErrorObject, ValidateFunction } from 'ajv';
import { isAlias, isScalar, parseDocument, visit, type Document } from 'yaml';
import { getIn } from '../parsers/yaml-nodes';
import { LineIndex } from '../text';

// Reading one YAML file of a pack, which is untrusted data: a parse, an alias expansion or a
// validation that goes wrong is an error with file and line, never an exception.

/** Larger pack files (pack.yaml, rule.yaml, README.md) are refused; the biggest built-in rule is ~5 KB. */
export const MAX_PACK_FILE_CHARS = 256 * 1024;
/** Alias expansions allowed while converting a pack file to data (a "billion laughs" needs thousands). */
const MAX_PACK_ALIASES = 50;
/** Unclosed `[` / `{` allowed at any point; the YAML parser slows down sharply with flow nesting (seconds at 100,000). */
const MAX_FLOW_NESTING = 64;

export interface PackError {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export interface PackYaml {
  readonly value: unknown;
  /** 1-based line of the node at `path`, or of its nearest ancestor that has one. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

function tooLarge(file: string, size: number, limit: number, unit = 'characters'): PackError {
  return { file, message: `the file is too large (${size.toLocaleString('en-US')} ${unit}; the limit for pack files is ${limit.toLocaleString('en-US')})` };
}

export function readPackYaml(file: string, text: string, validate: ValidateFunction, errors: PackError[]): PackYaml | undefined {
  if (text.length > MAX_PACK_FILE_CHARS) {
    errors.push(tooLarge(file, text.length, MAX_PACK_FILE_CHARS));
    return undefined;
  }
  const lines = new LineIndex(text);
  const tooDeep = flowNestingOver(text, MAX_FLOW_NESTING);
  if (tooDeep !== undefined) {
    errors.push({ file, line: lines.lineOf(tooDeep) + 1, message: `brackets ([ or {) nest deeper than ${MAX_FLOW_NESTING} levels` });
    return undefined;
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    // Deep nesting can exhaust the parser's stack; the file is refused, not the process.
    errors.push({ file, line: 1, message: `cannot read the YAML: ${messageOf(err)}` });
    return undefined;
  }
  if (doc.errors.length > 0) {
    for (const e of doc.errors) errors.push({ file, line: lines.lineOf(e.pos[0]) + 1, message: e.message.split('\n')[0] });
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_PACK_ALIASES });
  } catch (err) {
    const line = firstAliasLine(doc, lines) ?? 1;
    errors.push({ file, line, message: `the YAML expands aliases too much or nests too deep (limit ${MAX_PACK_ALIASES} alias expansions): ${messageOf(err)}` });
    return undefined;
  }
  const lineOf = (path: readonly (string | number)[]) => lineOfPath(doc, lines, path);
  let valid: boolean;
  try {
    valid = validate(value);
  } catch (err) {
    errors.push({ file, line: 1, message: `cannot validate the YAML: ${messageOf(err)}` });
    return undefined;
  }
  if (!valid) {
    // Errors inside `propertyNames` repeat the outer one without naming the key: keep the outer one.
    for (const e of validate.errors ?? []) if (e.propertyName === undefined) errors.push({ file, line: lineOf(errorPath(e)), message: describe(e) });
    return undefined;
  }
  return { value, lineOf };
}

/** The offset where unclosed brackets first exceed `limit` (quotes ignored: a real rule is far below). */
function flowNestingOver(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}

function firstAliasLine(doc: Document, lines: LineIndex): number | undefined {
  let line: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) line = lines.lineOf(node.range[0]) + 1;
      return visit.BREAK;
    },
  });
  return line;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the document';
  if (e.keyword === 'additionalProperties') return `${where} has an unknown field "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'enum') return `${where} must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
  if (e.keyword === 'propertyNames') return `${where} has a key "${String(e.params.propertyName)}" that is not allowed (keys are lower-case kebab-case, at most 64 characters)`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

function errorPath(e: ErrorObject): (string | number)[] {
  const path: (string | number)[] = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
  // An unknown field is reported on its parent; point at the field itself.
  if (e.keyword === 'additionalProperties') path.push(String(e.params.additionalProperty));
  if (e.keyword === 'propertyNames' && typeof e.params.propertyName === 'string') path.push(e.params.propertyName);
  return path;
}

function lineOfPath(doc: Document, lines: LineIndex, path: readonly (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : getIn(doc, doc.contents, path.slice(0, n));
    const range = node && (isScalar(node) || 'range' in node) ? node.range : undefined;
    if (range) return lines.lineOf(range[0]) + 1;
  }
  return undefined;
}
