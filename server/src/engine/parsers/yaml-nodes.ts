import * as yaml from 'yaml';
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../types';

// The bundle reads a CommonJS package's exports through a getter at every use: taken once here, the
// node tests on the hot path of every rule (thousands per keystroke in a large manifest) are plain calls.
const { isAlias, isMap, isPair, isScalar, isSeq } = yaml;

// Navigation over the yaml AST without ever converting to JS: aliases are resolved one step at a
// time, so an alias bomb costs no more than the path being read.

export type PathSegment = string | number;

export function resolve(doc: Document, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 8; hops++) current = current.resolve(doc);
  return isAlias(current) ? undefined : current;
}

export function asMap(doc: Document, node: unknown): YAMLMap | undefined {
  const resolved = resolve(doc, node);
  return isMap(resolved) ? resolved : undefined;
}

export function asSeq(doc: Document, node: unknown): YAMLSeq | undefined {
  const resolved = resolve(doc, node);
  return isSeq(resolved) ? resolved : undefined;
}

/** The pair whose key is the scalar `key`, if the map has one (the last one wins, as in YAML 1.2 loaders). */
export function findPair(doc: Document, map: YAMLMap | undefined, key: string): Pair | undefined {
  if (!map) return undefined;
  let found: Pair | undefined;
  for (const item of map.items) {
    const k = resolve(doc, item.key);
    if (isPair(item) && isScalar(k) && String(k.value) === key) found = item;
  }
  return found;
}

export function getIn(doc: Document, node: unknown, path: readonly PathSegment[]): Node | undefined {
  let current: unknown = resolve(doc, node);
  for (const segment of path) {
    if (typeof segment === 'number') {
      const seq = asSeq(doc, current);
      current = seq ? resolve(doc, seq.items[segment]) : undefined;
    } else {
      const pair = findPair(doc, asMap(doc, current), segment);
      current = pair ? resolve(doc, pair.value) : undefined;
    }
    if (current === undefined || current === null) return undefined;
  }
  return current as Node;
}

export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return scalarText(node.value);
}

/**
 * A scalar's value as text. Under the YAML 1.2 core schema it is a string, number or boolean; a
 * bigint or a date comes only from other schemas or options, and anything else is shown as JSON
 * rather than as "[object Object]".
 */
export function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v) ?? '';
}

/** Offsets of a node in the whole file, given the base offset of its document section. */
export function nodeSpan(base: number, node: { range?: [number, number, number] | null } | undefined): Span | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return { start: base + range[0], end: base + range[1] };
}

/** From the start of the key to the end of the value: `privileged: true`. */
export function pairSpan(base: number, pair: Pair): Span | undefined {
  const key = nodeSpan(base, pair.key as Node | undefined);
  const value = nodeSpan(base, pair.value as Node | undefined);
  if (!key) return value;
  return { start: key.start, end: value ? Math.max(value.end, key.end) : key.end };
}

// Kubernetes decodes manifests with YAML 1.1 rules (sigs.k8s.io/yaml over go-yaml v2), where these
// plain words are booleans: `privileged: yes` is a privileged container.
const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

/** A scalar's value as Kubernetes reads it: YAML 1.1 booleans for plain words, undefined for collections. */
export function k8sScalar(doc: Document, node: unknown): string | number | boolean | null | undefined {
  const resolved = resolve(doc, node);
  if (!isScalar(resolved)) return undefined;
  const v = resolved.value;
  if (typeof v === 'string' && resolved.type === 'PLAIN' && !resolved.tag) {
    if (YAML11_TRUE.has(v)) return true;
    if (YAML11_FALSE.has(v)) return false;
  }
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return scalarText(v);
}

/**
 * A block scalar's span starts at its header (`|`, `>-`) on the key's line: the content starts on the next
 * line. The span from the first character of the content, so a finding on the value is on the value's line.
 */
export function blockScalarContent(text: string, span: Span): Span {
  if (text[span.start] !== '|' && text[span.start] !== '>') return span;
  const lf = text.indexOf('\n', span.start);
  if (lf < 0 || lf >= span.end) return span;
  let start = lf + 1;
  while (start < span.end && /\s/.test(text[start])) start++;
  let end = span.end;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? { start, end } : span;
}
