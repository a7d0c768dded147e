import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { findPair, resolve, scalarText } from '../../parsers/yaml-nodes';

// Dotted field paths with wildcards, read over the yaml AST (never converted to JS): rule data says
// `ports.*.hostPort` or `metadata.annotations.container.apparmor.security.beta.kubernetes.io/*`, and the
// templates get every place the path reaches, with the pair and the parent to report on and to edit.

/** One segment: a key, `*` (every item of a list or every value of a map) or `prefix*` (map keys with that prefix). */
export type PathSegment = { readonly key: string } | { readonly any: true } | { readonly prefix: string };

/**
 * Splits a path on dots outside `[...]`: `metadata.annotations.[container.apparmor.security.beta.kubernetes.io/*]`
 * keeps a dotted key whole.
 */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const raw of pathPieces(path)) {
    const text = raw.startsWith('[') ? raw.slice(1, -1) : raw;
    if (text === '*') out.push({ any: true });
    else if (text.endsWith('*')) out.push({ prefix: text.slice(0, -1) });
    else out.push({ key: text });
  }
  return out;
}

/**
 * The pieces `/\[[^\]]*\]|[^.]+/g` matches, in linear time (paths come from rule packs: the regex re-read the rest
 * of a path from every unclosed `[`): a `[` closed later takes the text to its first `]`, anything else runs to the
 * next dot.
 */
function pathPieces(path: string): string[] {
  const pieces: string[] = [];
  let close = -1;
  for (let at = 0; at < path.length; ) {
    if (path[at] === '[') {
      if (close < at) close = path.indexOf(']', at);
      if (close < 0) close = path.length;
      if (close < path.length) {
        pieces.push(path.slice(at, close + 1));
        at = close + 1;
        continue;
      }
    }
    if (path[at] === '.') {
      at++;
      continue;
    }
    const dot = path.indexOf('.', at);
    const end = dot < 0 ? path.length : dot;
    pieces.push(path.slice(at, end));
    at = end;
  }
  return pieces;
}

export interface PathMatch {
  /** The value node (resolved through aliases), undefined for `key:` with no value. */
  readonly node: unknown;
  /** The pair the value belongs to when its parent is a map. */
  readonly pair?: Pair;
  readonly parent: YAMLMap | YAMLSeq;
  readonly index?: number;
  /** Where it was found, for messages: `ports[0].hostPort`. */
  readonly label: string;
  /** The matched map key (for `*` and `prefix*` over a map). */
  readonly key?: string;
  /** The innermost list item the path went through (a sysctl entry, a volume), for "remove the item". */
  readonly item?: { readonly seq: YAMLSeq; readonly index: number };
}

function keyOf(doc: Document, pair: Pair): string | undefined {
  const key = resolve(doc, pair.key);
  return isScalar(key) && key.value !== null && key.value !== undefined ? scalarText(key.value) : undefined;
}

/** Every place the path reaches from `node`; `label` prefixes the labels. */
export function walkPath(doc: Document, node: unknown, path: readonly PathSegment[], label = ''): PathMatch[] {
  const out: PathMatch[] = [];
  const step = (current: unknown, depth: number, trail: string, item: PathMatch['item']) => {
    const segment = path[depth];
    const resolved = resolve(doc, current);
    const emit = (match: PathMatch) => {
      if (depth === path.length - 1) out.push(match);
      else step(match.node, depth + 1, match.label, match.item);
    };
    if ('key' in segment) {
      if (!isMap(resolved)) return;
      const pair = findPair(doc, resolved, segment.key);
      if (pair) emit({ node: resolve(doc, pair.value), pair, parent: resolved, label: join(trail, segment.key), key: segment.key, item });
      return;
    }
    if (isSeq(resolved) && 'any' in segment) {
      resolved.items.forEach((child, index) => emit({ node: resolve(doc, child), parent: resolved, index, label: `${trail}[${index}]`, item: { seq: resolved, index } }));
      return;
    }
    if (!isMap(resolved)) return;
    for (const pair of resolved.items) {
      const key = isPair(pair) ? keyOf(doc, pair) : undefined;
      if (key === undefined || ('prefix' in segment && !key.startsWith(segment.prefix))) continue;
      emit({ node: resolve(doc, pair.value), pair, parent: resolved, label: join(trail, key), key, item });
    }
  };
  if (path.length > 0) step(node, 0, label, undefined);
  return out;
}

function join(trail: string, key: string): string {
  if (!trail) return key;
  return /^[\w-]+$/.test(key) ? `${trail}.${key}` : `${trail}["${key}"]`;
}

/** A scalar's value for comparisons; collections and null are undefined. */
export function isCollection(node: unknown): node is Node {
  return isMap(node) || isSeq(node);
}
