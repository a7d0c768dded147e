import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { LineIndex } from '../text';

/** A problem in one file of a bundle, with a 1-based line when one can be named. */
export interface PolicyFileError {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

const MAX_POLICY_FILE_BYTES = 1024 * 1024;

export interface ValidatedYaml {
  readonly value?: unknown;
  readonly doc?: Document;
  readonly lines: LineIndex;
}

/**
 * Parses one YAML file strictly (duplicate keys, aliases capped) and validates it against a schema;
 * every error names the file and the line of the offending key or value.
 */
export function validateYaml(file: string, text: string, validate: ValidateFunction, errors: PolicyFileError[]): ValidatedYaml {
  const lines = new LineIndex(text);
  if (text.length > MAX_POLICY_FILE_BYTES) {
    errors.push({ file, message: `is larger than ${MAX_POLICY_FILE_BYTES / 1024} KB` });
    return { lines };
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) errors.push({ file, line: lines.lineOf(e.pos[0]) + 1, message: e.message.split('\n')[0] });
    return { lines };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    errors.push({ file, message: err instanceof Error ? err.message : String(err) });
    return { lines };
  }
  if (!validate(value ?? {})) {
    // A bad key also fails the key's own pattern; the propertyNames error says it better. File order.
    const found = (validate.errors ?? []).filter((e) => e.propertyName === undefined).map((e) => ({ file, line: lineOfError(doc, lines, e), message: describe(e) }));
    errors.push(...found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
    return { lines, doc };
  }
  return { value: value ?? {}, doc, lines };
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the document';
  if (e.keyword === 'additionalProperties') return `${where} has an unknown key "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'propertyNames') return `${where} has an invalid key "${String(e.params.propertyName)}" (expected a kebab-case rule id)`;
  if (e.keyword === 'enum') return `${where} must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
  if (e.keyword === 'const') return `${where} must be ${JSON.stringify(e.params.allowedValue)}`;
  if (e.keyword === 'pattern') return `${where} is not valid: ${JSON.stringify(valueHint(e))} does not match ${e.params.pattern as string}`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

function valueHint(e: ErrorObject): unknown {
  return typeof e.data === 'string' ? e.data.slice(0, 80) : e.data;
}

/** The line of the key or value an error is about; an unknown or invalid key points at the key itself. */
function lineOfError(doc: Document, lines: LineIndex, e: ErrorObject): number | undefined {
  const path: (string | number)[] = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
  const key: unknown = e.keyword === 'additionalProperties' ? e.params.additionalProperty : e.keyword === 'propertyNames' ? e.params.propertyName : undefined;
  const offset = offsetOf(doc, path, typeof key === 'string' ? key : undefined);
  return offset === undefined ? undefined : lines.lineOf(offset) + 1;
}

/** Offset of the node at `path` (or of the key `key` inside it), else of its nearest ancestor. */
export function offsetOf(doc: Document, path: readonly (string | number)[], key?: string): number | undefined {
  let node: unknown = doc.contents;
  let best = rangeStart(node);
  const steps = key === undefined ? path : [...path, key];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      // The last step of an unknown key: the key is what is wrong.
      if (i === steps.length - 1 && key !== undefined) return rangeStart(pair.key) ?? best;
      node = pair.value ?? pair.key;
    } else break;
    best = rangeStart(node) ?? best;
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
