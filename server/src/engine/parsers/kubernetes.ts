import { isMap, isScalar, parseDocument, type Document, type YAMLMap } from 'yaml';
import { runSteps } from '../steps';
import { LineIndex, eolOf } from '../text';
import type { ParseCache, Span } from '../types';
import { getIn, scalarString } from './yaml-nodes';
import { parseAfterScalarEdit } from './yaml-scalar-edit';
import { parseAfterTrailingSpace } from './yaml-trailing-space';

/** One `---` section of a YAML file; node ranges inside `doc` are relative to `base`. */
export interface K8sDocument {
  readonly index: number;
  readonly base: number;
  readonly text: string;
  /** Absent when the section is a template (Helm), empty, or skipped. */
  readonly doc?: Document.Parsed;
  readonly templated: boolean;
  /** Not parsed: its kind is one no rule reads. */
  readonly skipped: boolean;
  readonly errors: readonly { readonly message: string; readonly span: Span }[];
  /**
   * Results memoised per section text (shared by every analysis that sees the same section), keyed by
   * the object that computed them; lets line-local work be redone only for the section that changed.
   */
  readonly memo: WeakMap<object, unknown>;
}

/** A Kubernetes object: a document's root map, or an item of a `kind: List`. */
export interface K8sObject {
  readonly document: K8sDocument;
  readonly node: YAMLMap;
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

export interface KubernetesModel {
  readonly language: 'kubernetes';
  readonly text: string;
  readonly eol: string;
  readonly lines: LineIndex;
  readonly documents: readonly K8sDocument[];
  readonly objects: readonly K8sObject[];
  /** Set when this model is one section of a file (rules run per section): the file's model. */
  readonly whole?: KubernetesModel;
}

/** One shape whether or not the section parsed (`doc` undefined): kubernetesSteps reads it for every section. */
interface ChunkParse {
  readonly doc: Document.Parsed | undefined;
  readonly errors: readonly { readonly message: string; readonly start: number; readonly end: number }[];
}

/** A section as cached: the cheap facts at once, the YAML tree only when a rule reads its kind. */
interface ParsedChunk {
  /** The section's text as a string of its own (see ownCopy). */
  readonly text: string;
  readonly templated: boolean;
  /** `kind` read off the section's top-level lines without parsing; undefined when unsure. */
  readonly headerKind?: string;
  readonly memo: WeakMap<object, unknown>;
  full?: ChunkParse;
  /** The objects' fields read off the tree once (each analysis re-reading them cost a walk of every section). */
  heads?: readonly Omit<K8sObject, 'document'>[];
}

// Go templates (Helm) are not YAML; any `{{` outside a comment marks the section as a template.
// Any line start (`^` under `m` also follows `\r`, U+2028 and U+2029) with no `#` before a `{{`: written without `m`
// so an attempt stops at its own line's end (a file of bare `\r` line breaks made the `m` form quadratic).
const TEMPLATE_MARK = /(?:^|[\n\r\u2028\u2029])[^#\n\r\u2028\u2029]*\{\{/;
const DOCUMENT_MARK = /^(?:---|\.\.\.)(?=[ \t]|\r?$|\n)/gm;

/** Splits on document markers so that an edit re-parses only the section it touched. */
export function splitDocuments(text: string): { base: number; text: string }[] {
  const chunks: { base: number; text: string }[] = [];
  let base = 0;
  for (const m of text.matchAll(DOCUMENT_MARK)) {
    if (m.index > base) chunks.push({ base, text: text.slice(base, m.index) });
    base = m.index;
    if (m[0] === '...') {
      const next = text.indexOf('\n', m.index);
      const end = next < 0 ? text.length : next + 1;
      chunks.push({ base, text: text.slice(base, end) });
      base = end;
    }
  }
  if (base < text.length || chunks.length === 0) chunks.push({ base, text: text.slice(base) });
  return chunks;
}

const NO_PARSE: ChunkParse = { doc: undefined, errors: [] };
const SIMPLE_TOP_LEVEL_KIND = /^kind[ \t]*:[ \t]*(["']?)([A-Za-z][A-Za-z0-9]*)\1[ \t]*(?:#.*)?\r?$/m;

function readChunk(section: string, shared: boolean): ParsedChunk {
  const text = shared ? section : ownCopy(section);
  // The includes() prefilter spares the line-anchored regex a walk over a 1.4 MB CRD at each keystroke.
  if (text.includes('{{') && TEMPLATE_MARK.test(text)) return parsedChunk(text, true, undefined, NO_PARSE);
  if (!hasContent(text)) return parsedChunk(text, false, undefined, NO_PARSE);
  return parsedChunk(text, false, headerKind(text), undefined);
}

/**
 * Every section's entry in one object shape, with `full` and `heads` there from the start: kubernetesSteps
 * reads them on every section, and each new shape (or one grown by `??=`) made V8 throw its optimised code away.
 */
function parsedChunk(text: string, templated: boolean, kind: string | undefined, full: ChunkParse | undefined): ParsedChunk {
  return { text, templated, headerKind: kind, memo: new WeakMap(), full, heads: undefined };
}

/**
 * A copy of `section` that does not hold on to the text it was cut from. A slice of a string keeps the
 * whole string alive in V8, and a cached section (its YAML tree, its memoised reports) outlives the
 * version of the document it was read from: in an editor each re-read section would keep one whole
 * 1.9 MB version of the manifest alive for as long as that section stays unchanged. Joining a
 * one-character prefix and slicing it off again makes V8 write the section into a string of its own.
 */
function ownCopy(section: string): string {
  return section.length < 16 ? section : (' ' + section).slice(1);
}

const BLANK_OR_COMMENT = /^\s*(?:#.*(?:[\n\r\u2028\u2029]\s*)?)?$/;

/**
 * Some line holds more than blanks, a comment or a bare document marker. Stops at the first such
 * line (usually the first or second), where rewriting the whole section to find out cost a pass.
 */
function hasContent(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    if (!BLANK_OR_COMMENT.test(line) && /\S/.test(line.replace(/^(?:---|\.\.\.)/, ''))) return true;
    start = end + 1;
  }
  return false;
}

/**
 * In a block mapping only top-level keys start at column 0, so one such `kind:` line names the
 * section's kind. Two of them, flow style or none at all: unsure, and the section is parsed.
 */
function headerKind(text: string): string | undefined {
  if (topLevelKindLines(text) !== 1) return undefined;
  return SIMPLE_TOP_LEVEL_KIND.exec(text)?.[2];
}

/**
 * How many lines match `^kind[ \t]*:` (multiline: after LF, CR, U+2028 or U+2029), counted to 2. A
 * native search for `kind` instead of that regex over the whole section: the regex was 1.5% of a CPU
 * profile of a secrets-only scan of the real-world corpus, 4.4% with every rule off (every section's
 * kind is read, and its CRDs are megabytes).
 */
function topLevelKindLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('kind'); at >= 0; at = text.indexOf('kind', at + 4)) {
    const before = at === 0 ? 10 : text.charCodeAt(at - 1);
    if (before !== 10 && before !== 13 && before !== 0x2028 && before !== 0x2029) continue;
    let colon = at + 4;
    while (text.charCodeAt(colon) === 32 || text.charCodeAt(colon) === 9) colon++;
    if (text.charCodeAt(colon) === 58 && ++count === 2) return count;
  }
  return count;
}

/**
 * Flow collections ([ ], { }) nested deeper than this are refused before parsing: the yaml parser's
 * time grows quickly with flow depth (1,000 unclosed `{a: ` took ~0.5 s), and no manifest needs it.
 * Brackets inside quoted scalars count too, which only matters past 64 unbalanced ones.
 */
const MAX_FLOW_DEPTH = 64;

function flowTooDeep(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

function parseChunk(text: string): ChunkParse {
  const deep = flowTooDeep(text);
  if (deep !== undefined) return { doc: undefined, errors: [{ message: `flow collections nested more than ${MAX_FLOW_DEPTH} deep, not parsed`, start: deep, end: deep + 1 }] };
  const doc = parseDocument(text, { uniqueKeys: false, strict: false, prettyErrors: false, keepSourceTokens: false });
  const errors = doc.errors.map((e) => ({ message: e.message.split('\n')[0], start: e.pos[0], end: e.pos[1] }));
  return { doc, errors };
}

/**
 * `wantedKinds`: the kinds some rule reads; sections whose header names another kind are never
 * parsed (the CRDs that make up most of a large install manifest). Undefined: parse every section.
 */
export function parseKubernetes(text: string, cache?: ParseCache, lines: LineIndex = new LineIndex(text), wantedKinds?: { has(kind: string): boolean }): KubernetesModel {
  return runSteps(kubernetesSteps(text, cache, lines, wantedKinds));
}

/** Sections parsed between two pauses of kubernetesSteps. */
const SECTIONS_PER_STEP = 25;

/** parseKubernetes in steps: it pauses every few sections, so a caller can give its event loop a turn. */
export function* kubernetesSteps(text: string, cache?: ParseCache, lines: LineIndex = new LineIndex(text), wantedKinds?: { has(kind: string): boolean }): Generator<void, KubernetesModel, void> {
  const documents: K8sDocument[] = [];
  const objects: K8sObject[] = [];
  const { sections, previous } = sectionsOf(text, cache);
  for (const [index, chunk] of sections.entries()) {
    if (index > 0 && index % SECTIONS_PER_STEP === 0) yield;
    let parsed = cache?.get(chunk.text) as ParsedChunk | undefined;
    if (!parsed) {
      // A section that is the whole text, or one of a text the cache never outlives, keeps nothing else alive.
      parsed = readChunk(chunk.text, cache?.shortLived === true || chunk.text.length === text.length);
      cache?.set(chunk.text, parsed);
    }
    const skip = wantedKinds !== undefined && parsed.headerKind !== undefined && parsed.headerKind !== 'List' && !wantedKinds.has(parsed.headerKind);
    const full = skip ? NO_PARSE : (parsed.full ??= (cache && previous?.length === sections.length && reusedParse(parsed.text, previous[index].text, cache)) || parseChunk(parsed.text));
    const document: K8sDocument = {
      index,
      base: chunk.base,
      text: parsed.text,
      doc: full.doc,
      templated: parsed.templated,
      skipped: skip,
      memo: parsed.memo,
      errors: full.errors.map((e) => ({ message: e.message, span: { start: chunk.base + e.start, end: chunk.base + e.end } })),
    };
    documents.push(document);
    if (document.doc && document.errors.length === 0) for (const head of (parsed.heads ??= objectsOf(document))) objects.push({ document, ...head });
  }
  return { language: 'kubernetes', text, eol: eolOf(text), lines, documents, objects };
}

/** The cache entry holding the last text split into sections, with its sections. */
const LAST_SPLIT_KEY = '\u0002last-split';

interface LastSplit {
  readonly text: string;
  readonly sections: readonly { base: number; text: string }[];
  /** The sections of the text split before this one (the previous version, in an editor). */
  readonly previous?: readonly { base: number; text: string }[];
}

/**
 * splitDocuments, once per text: the editor indexes a manifest's facts and then analyses the same text
 * with the same cache, and each split was a regex pass over the whole 1.9 MB. The same string object
 * compares equal at once; a different text differs at the latest where it was edited.
 */
function sectionsOf(text: string, cache: ParseCache | undefined): Omit<LastSplit, 'text'> {
  const last = cache?.get(LAST_SPLIT_KEY) as LastSplit | undefined;
  if (last && last.text === text) return last;
  const split: LastSplit = { text, sections: splitDocuments(text), previous: last?.sections };
  cache?.set(LAST_SPLIT_KEY, split);
  return split;
}

/**
 * The parse of a section that differs from its previous version by a space typed or deleted at a line
 * end (yaml-trailing-space.ts) or by a character typed or deleted in a plain scalar (yaml-scalar-edit.ts),
 * made from that version's cached parse; undefined when it cannot be.
 */
function reusedParse(section: string, before: string, cache: ParseCache): ChunkParse | undefined {
  if (Math.abs(section.length - before.length) !== 1) return undefined;
  const previous = (cache.get(before) as ParsedChunk | undefined)?.full;
  if (!previous?.doc || previous.errors.length > 0) return undefined;
  const doc = parseAfterTrailingSpace(before, previous.doc, section) ?? parseAfterScalarEdit(before, previous.doc, section);
  return doc ? { doc, errors: [] } : undefined;
}

function objectsOf(document: K8sDocument): Omit<K8sObject, 'document'>[] {
  const doc = document.doc;
  if (!doc || !isMap(doc.contents)) return [];
  const root = toObject(doc, doc.contents);
  const items = root.kind === 'List' ? getIn(doc, doc.contents, ['items']) : undefined;
  if (!items || !('items' in items)) return root.kind ? [root] : [];
  const out: Omit<K8sObject, 'document'>[] = [];
  for (const item of (items as { items: unknown[] }).items) if (isMap(item)) out.push(toObject(doc, item));
  return out;
}

function toObject(doc: Document.Parsed, node: YAMLMap): Omit<K8sObject, 'document'> {
  const read = (path: string[]) => scalarString(getIn(doc, node, path));
  return {
    node,
    apiVersion: read(['apiVersion']),
    kind: read(['kind']),
    name: read(['metadata', 'name']),
    namespace: read(['metadata', 'namespace']),
  };
}

/** True when any document of the text has top-level `apiVersion` and `kind` keys. */
export function looksLikeKubernetes(text: string): boolean {
  return /^apiVersion[ \t]*:/m.test(text) && /^kind[ \t]*:/m.test(text);
}

/** A small LRU of parsed sections, owned by whoever analyses one file repeatedly. */
export class DocumentParseCache implements ParseCache {
  private readonly entries = new Map<string, unknown>();

  constructor(
    private readonly capacity = 512,
    /** See ParseCache.shortLived. */
    readonly shortLived = false,
  ) {}

  get(key: string): unknown {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: unknown): void {
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

export { isScalar };
