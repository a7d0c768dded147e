import { isAlias, isMap, isScalar, Scalar, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../types';
import { detectLayout, isScalarValue, nest, renderEntries, renderItems, renderScalar, type YamlLayout, type YamlScalar, type YamlValue } from './yaml-block';
import { findPair } from './yaml-nodes';

// Text edits on one parsed YAML section, for quick fixes. Pure: each helper returns one TextEdit in
// absolute offsets of the file, or undefined when the change cannot be made safely (flow maps,
// anchors and aliases shared with other nodes, block scalars, odd layouts). New structure is written
// in block style, at the indentation the surrounding keys use and with the file's line breaks.

export interface YamlEditContext {
  /** The whole file. */
  readonly text: string;
  /** Offset of the section whose node ranges are used. */
  readonly base: number;
  readonly doc: Document;
  readonly eol: string;
  /** Read lazily: detecting the layout scans text, and most fixes never need it. */
  readonly layout: () => YamlLayout;
}

type Ranged = { range?: [number, number, number] | null };

/**
 * An edit context for one section; the layout is detected from `scope` (say, the object being fixed) on
 * first use, or given by `layoutOf` (a caller that keeps the layout of a scope for every rule fixing it).
 */
export function editContext(text: string, eol: string, base: number, doc: Document, scope?: Ranged, layoutOf?: () => YamlLayout): YamlEditContext {
  let layout: YamlLayout | undefined;
  const from = scope?.range ? base + scope.range[0] : base;
  const to = scope?.range ? base + scope.range[2] : text.length;
  return { text, base, doc, eol, layout: () => (layout ??= layoutOf ? layoutOf() : detectLayout(text, from, to)) };
}

/** The layout editContext detects from `scope` (one pass over the scope's text). */
export function scopeLayout(text: string, base: number, scope: Ranged): YamlLayout {
  return scope.range ? detectLayout(text, base + scope.range[0], base + scope.range[2]) : detectLayout(text, base, text.length);
}

function start(ctx: YamlEditContext, node: Ranged): number | undefined {
  return node.range ? ctx.base + node.range[0] : undefined;
}

function end(ctx: YamlEditContext, node: Ranged): number | undefined {
  return node.range ? ctx.base + node.range[1] : undefined;
}

function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The start of the next line after `offset` (or `offset` itself when a line just ended there). */
function nextLineStart(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const lf = text.indexOf('\n', offset);
  return lf < 0 ? text.length : lf + 1;
}

/** Before the line break of the line that holds `offset`. */
function lineContentEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Nodes that others share (anchors) or that stand for another node (aliases) are not edited. */
function shared(node: unknown): boolean {
  return isAlias(node) || (!!node && typeof node === 'object' && 'anchor' in node && !!(node as { anchor?: string }).anchor);
}

/** Where a pair's value ends; the key's end when it has no value text. */
function valueEnd(ctx: YamlEditContext, pair: Pair): number | undefined {
  const value = pair.value as Ranged | null;
  const v = value?.range && value.range[1] > value.range[0] ? end(ctx, value) : undefined;
  return v ?? end(ctx, pair.key as Ranged);
}

/** Replaces a scalar's text, keeping its quotes for strings; booleans and numbers are written plain. */
export function replaceScalar(ctx: YamlEditContext, node: unknown, value: YamlScalar): TextEdit | undefined {
  if (!isScalar(node) || shared(node) || node.tag || !node.range) return undefined;
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return undefined;
  let newText = renderScalar(value);
  if (typeof value === 'string') {
    if (node.type === Scalar.QUOTE_DOUBLE) newText = JSON.stringify(value);
    else if (node.type === Scalar.QUOTE_SINGLE) newText = `'${value.replace(/'/g, "''")}'`;
  }
  return { span: { start: ctx.base + node.range[0], end: ctx.base + node.range[1] }, newText };
}

/**
 * Deletes a pair of a block map: its whole lines, with a comment on the same line. Comments on the
 * lines above stay (they may describe the next key). The first pair of a sequence item (`- key: v`)
 * is removed by pulling the next key up onto the dash line.
 */
export function deletePair(ctx: YamlEditContext, map: YAMLMap, pair: Pair): TextEdit | undefined {
  if (map.flow || shared(map) || !map.items.includes(pair)) return undefined;
  const keyStart = start(ctx, pair.key as Ranged);
  const last = valueEnd(ctx, pair);
  if (keyStart === undefined || last === undefined) return undefined;
  const lineStart = lineStartAt(ctx.text, keyStart);
  const prefix = ctx.text.slice(lineStart, keyStart);
  if (/^ *$/.test(prefix)) return { span: { start: lineStart, end: nextLineStart(ctx.text, last) }, newText: '' };
  if (!/^ *- +$/.test(prefix)) return undefined;
  const next = map.items[map.items.indexOf(pair) + 1];
  const nextStart = next ? start(ctx, next.key as Ranged) : undefined;
  if (nextStart === undefined || ctx.text.slice(last, nextStart).includes('#')) return undefined;
  return { span: { start: keyStart, end: nextStart }, newText: '' };
}

/** Deletes one item of a sequence: its lines in block style, or the item and a comma in a one-line flow sequence. */
export function deleteSeqItem(ctx: YamlEditContext, seq: YAMLSeq, index: number): TextEdit | undefined {
  const item = seq.items[index] as Ranged | undefined;
  if (shared(seq) || !item || shared(item)) return undefined;
  const itemStart = start(ctx, item);
  const itemEnd = end(ctx, item);
  if (itemStart === undefined || itemEnd === undefined) return undefined;
  if (seq.flow) {
    if (!oneLineFlow(ctx, seq)) return undefined;
    const next = seq.items[index + 1] as Ranged | undefined;
    const prev = seq.items[index - 1] as Ranged | undefined;
    const nextStart = next && start(ctx, next);
    const prevEnd = prev && end(ctx, prev);
    if (nextStart !== undefined) return { span: { start: itemStart, end: nextStart }, newText: '' };
    if (prevEnd !== undefined) return { span: { start: prevEnd, end: itemEnd }, newText: '' };
    return { span: { start: itemStart, end: itemEnd }, newText: '' };
  }
  let dash = itemStart - 1;
  while (dash >= 0 && ctx.text[dash] === ' ') dash--;
  if (ctx.text[dash] !== '-') return undefined;
  const lineStart = lineStartAt(ctx.text, dash);
  if (!/^ *$/.test(ctx.text.slice(lineStart, dash))) return undefined;
  return { span: { start: lineStart, end: nextLineStart(ctx.text, itemEnd) }, newText: '' };
}

/** Appends a scalar item to a block sequence (at its dash column) or to a one-line flow sequence. */
export function appendSeqItem(ctx: YamlEditContext, seq: YAMLSeq, value: YamlScalar): TextEdit | undefined {
  if (shared(seq)) return undefined;
  const rendered = renderScalar(value);
  if (seq.flow) {
    const seqStart = start(ctx, seq);
    if (!oneLineFlow(ctx, seq) || seqStart === undefined) return undefined;
    const last = seq.items[seq.items.length - 1] as Ranged | undefined;
    const lastEnd = last ? end(ctx, last) : undefined;
    if (!last) return ctx.text[seqStart] === '[' ? { span: { start: seqStart + 1, end: seqStart + 1 }, newText: rendered } : undefined;
    return lastEnd === undefined ? undefined : { span: { start: lastEnd, end: lastEnd }, newText: `, ${rendered}` };
  }
  const last = seq.items[seq.items.length - 1] as Ranged | undefined;
  const lastStart = last ? start(ctx, last) : undefined;
  const lastEnd = last ? end(ctx, last) : undefined;
  if (lastStart === undefined || lastEnd === undefined) return undefined;
  const lineStart = lineStartAt(ctx.text, lastStart);
  const dashLine = /^( *)- /.exec(ctx.text.slice(lineStart, lastStart));
  if (!dashLine) return undefined;
  return insertLines(ctx, nextLineStart(ctx.text, lastEnd), renderItems([value], dashLine[1].length, ctx.layout()));
}

/**
 * Makes `path` under `map` hold `value`: replaces an existing scalar, or creates the missing keys
 * in block style after the last pair of the deepest map that exists (`securityContext:` with
 * `allowPrivilegeEscalation: false` under a container, or one more key in an existing securityContext).
 * An empty value (`key:`, `key: null`, `key: {}`) on the way is filled in place. Flow maps are
 * walked through for a scalar replacement (`seccompProfile: {type: Unconfined}`) but never grown.
 */
export function setIn(ctx: YamlEditContext, map: YAMLMap, path: readonly string[], value: YamlValue): TextEdit | undefined {
  let current = map;
  for (let i = 0; i < path.length; i++) {
    const pair = findPair(ctx.doc, current, path[i]);
    const rest = nest(path.slice(i + 1), value);
    if (!pair) return insertEntries(ctx, current, { [path[i]]: rest });
    const node = pair.value;
    if (shared(node)) return undefined;
    if (isScalar(node) && node.value !== null && node.value !== undefined) {
      return i === path.length - 1 && isScalarValue(value) ? replaceScalar(ctx, node, value) : undefined;
    }
    // Inside a flow map only an existing scalar can be replaced: new block lines would break it.
    const empty = node === null || node === undefined || isScalar(node) || (isMap(node) && node.flow && node.items.length === 0);
    if (empty) return current.flow ? undefined : fillEmpty(ctx, pair, rest);
    if (!isMap(node)) return undefined;
    if (i === path.length - 1) return undefined;
    current = node;
  }
  return undefined;
}

/** Inserts keys into a block map at the column of its keys, after the end of its last pair's value. */
export function insertEntries(ctx: YamlEditContext, map: YAMLMap, entries: { readonly [key: string]: YamlValue }): TextEdit | undefined {
  if (map.flow || shared(map) || map.items.length === 0) return undefined;
  const first = start(ctx, map.items[0].key as Ranged);
  const last = valueEnd(ctx, map.items[map.items.length - 1]);
  if (first === undefined || last === undefined) return undefined;
  const column = first - lineStartAt(ctx.text, first);
  return insertLines(ctx, nextLineStart(ctx.text, last), renderEntries(entries, column, ctx.layout()));
}

/** Replaces a pair of a block map (key and value) with `key: value` rendered in block style. */
export function replacePair(ctx: YamlEditContext, map: YAMLMap, pair: Pair, key: string, value: YamlValue): TextEdit | undefined {
  if (map.flow || shared(map) || shared(pair.value)) return undefined;
  const keyStart = start(ctx, pair.key as Ranged);
  let last = valueEnd(ctx, pair);
  if (keyStart === undefined || last === undefined) return undefined;
  while (last > keyStart && (ctx.text[last - 1] === '\n' || ctx.text[last - 1] === '\r')) last--;
  const column = keyStart - lineStartAt(ctx.text, keyStart);
  const lines = renderEntries({ [key]: value }, column, ctx.layout());
  return { span: { start: keyStart, end: last }, newText: lines.join(ctx.eol).slice(column) };
}

/** `key:`, `key: null`, `key: ~` or `key: {}` gets the value: a scalar after the colon, or a nested block. */
function fillEmpty(ctx: YamlEditContext, pair: Pair, value: YamlValue): TextEdit | undefined {
  const keyStart = start(ctx, pair.key as Ranged);
  const keyEnd = end(ctx, pair.key as Ranged);
  if (keyStart === undefined || keyEnd === undefined) return undefined;
  const node = pair.value as (Node & Ranged) | null;
  const nodeStart = node ? start(ctx, node) : undefined;
  const nodeEnd = node ? end(ctx, node) : undefined;
  const hasText = nodeStart !== undefined && nodeEnd !== undefined && nodeEnd > nodeStart;
  if (isScalarValue(value)) {
    if (hasText) return { span: { start: nodeStart, end: nodeEnd }, newText: renderScalar(value) };
    const colon = /^ *:/.exec(ctx.text.slice(keyEnd, keyEnd + 80));
    return colon ? { span: { start: keyEnd + colon[0].length, end: keyEnd + colon[0].length }, newText: ` ${renderScalar(value)}` } : undefined;
  }
  const column = keyStart - lineStartAt(ctx.text, keyStart);
  const layout = ctx.layout();
  const lines = Array.isArray(value) ? renderItems(value, column + layout.seqIndent, layout) : renderEntries(value as { readonly [key: string]: YamlValue }, column + layout.step, layout);
  const block = lines.map((l) => ctx.eol + l).join('');
  if (hasText) {
    if (ctx.text.slice(nodeStart, nodeEnd).includes('\n')) return undefined;
    // From just after the colon, so no space is left dangling at the end of the key's line.
    const colon = /^ *:(?= *$)/.exec(ctx.text.slice(keyEnd, nodeStart));
    return { span: { start: colon ? keyEnd + colon[0].length : nodeStart, end: nodeEnd }, newText: block };
  }
  const at = lineContentEnd(ctx.text, keyStart);
  return { span: { start: at, end: at }, newText: block };
}

function insertLines(ctx: YamlEditContext, at: number, lines: readonly string[]): TextEdit {
  const atEndWithoutBreak = at === ctx.text.length && at > 0 && ctx.text[at - 1] !== '\n' && ctx.text[at - 1] !== '\r';
  const body = lines.join(ctx.eol);
  return { span: { start: at, end: at }, newText: atEndWithoutBreak ? ctx.eol + body : body + ctx.eol };
}

function oneLineFlow(ctx: YamlEditContext, seq: YAMLSeq): boolean {
  const s = start(ctx, seq);
  const e = end(ctx, seq);
  return s !== undefined && e !== undefined && !/[\n\r#]/.test(ctx.text.slice(s, e)) && seq.items.every((i) => isScalar(i));
}

