import type { Diagnostic } from 'vscode-languageserver/node';

// Pushing diagnostics re-sends every diagnostic of the file after each keystroke, and the JSON-RPC
// writer turns them into JSON and then into UTF-8 bytes each time: with the 537 findings of the 1 MB
// source that was ~4 ms of CPU per keystroke (and the garbage of a 250 KB string), about as much as the
// analysis of the edited window. Almost all of them are what they were at the last publish. Here each
// diagnostic's bytes are kept under what it shows, and the writer splices them into the message.

/** The keys a diagnostic may have for its bytes to be kept (any other makes it serialised each time). */
const KNOWN_KEYS = new Set(['range', 'severity', 'code', 'codeDescription', 'source', 'message', 'relatedInformation', 'data']);
const DATA_KEYS = new Set(['findingId', 'ruleId', 'version']);
const VERSION_KEY = '"version":';

/**
 * Everything a diagnostic serialises to except `data.version` (the document version, different at
 * every publish), as one string; undefined when it has a field this key does not cover.
 */
export function shownKey(d: Diagnostic): string | undefined {
  for (const key in d) if (!KNOWN_KEYS.has(key)) return undefined;
  if (typeof d.message !== 'string') return undefined;
  let data = '';
  if (d.data !== undefined) {
    const value = d.data as Record<string, unknown>;
    if (typeof value !== 'object' || value === null) return undefined;
    for (const key in value) if (!DATA_KEYS.has(key)) return undefined;
    if (typeof value.findingId !== 'string' || typeof value.ruleId !== 'string' || typeof value.version !== 'number') return undefined;
    data = `${value.findingId}\u0000${value.ruleId}`;
  }
  const { start, end } = d.range;
  const related = d.relatedInformation ? JSON.stringify(d.relatedInformation) : '';
  return `${start.line}:${start.character}:${end.line}:${end.character}\u0000${String(d.severity)}\u0000${typeof d.code}:${String(d.code)}\u0000${d.codeDescription?.href ?? ''}\u0000${String(d.source)}\u0000${d.message}\u0000${data}\u0000${related}`;
}

/** A diagnostic's bytes: whole, or up to `"version":` when the version follows (then `}}` ends it). */
interface Piece {
  readonly bytes: Buffer;
  readonly versioned: boolean;
}

/**
 * What a kept piece was made from, field by field: a finding's diagnostic is found again by its id and
 * compared on each field it shows, which costs a few comparisons where building and hashing its whole
 * shownKey (message included) was most of a publish's CPU with the 537 findings of the 1 MB source.
 */
interface Shown {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly severity: Diagnostic['severity'];
  readonly code: Diagnostic['code'];
  readonly href: string | undefined;
  readonly source: string | undefined;
  readonly message: string;
  readonly ruleId: string;
  /** JSON of the related locations ('' without): they point into other files and move on their own. */
  readonly related: string;
  readonly piece: Piece;
}

/** `d`'s finding id and rule id when the id-keyed path can hold it (known keys and data only); else undefined. */
function findingData(d: Diagnostic): { readonly findingId: string; readonly ruleId: string } | undefined {
  for (const key in d) if (!KNOWN_KEYS.has(key)) return undefined;
  if (typeof d.message !== 'string' || typeof d.data !== 'object' || d.data === null) return undefined;
  const data = d.data as Record<string, unknown>;
  for (const key in data) if (!DATA_KEYS.has(key)) return undefined;
  if (typeof data.findingId !== 'string' || typeof data.ruleId !== 'string' || typeof data.version !== 'number') return undefined;
  return data as { findingId: string; ruleId: string };
}

function sameShown(s: Shown, d: Diagnostic, ruleId: string): boolean {
  const { start, end } = d.range;
  return (
    s.startLine === start.line &&
    s.startCharacter === start.character &&
    s.endLine === end.line &&
    s.endCharacter === end.character &&
    s.severity === d.severity &&
    s.code === d.code &&
    s.href === d.codeDescription?.href &&
    s.source === d.source &&
    s.message === d.message &&
    s.ruleId === ruleId &&
    s.related === (d.relatedInformation ? JSON.stringify(d.relatedInformation) : '')
  );
}

/**
 * One open document's diagnostics as UTF-8 JSON, by what they show. Like the parse cache, entries that
 * neither of the last two publishes used age out, so a document's memory stays at about two versions.
 */
export class DiagnosticJsonCache {
  private current = new Map<string, Piece>();
  private previous = new Map<string, Piece>();
  /** Findings' pieces by finding id (the usual case); `current`/`previous` hold the other diagnostics by shownKey. */
  private currentById = new Map<string, Shown>();
  private previousById = new Map<string, Shown>();

  /** The diagnostics as a JSON array, with `data.version` set to `version` where present. */
  arrayJson(diagnostics: readonly Diagnostic[], version: number | undefined): Buffer {
    // What the last publish used stays one more; what this one uses is kept for the next.
    this.previous = this.current;
    this.current = new Map();
    this.previousById = this.currentById;
    this.currentById = new Map();
    const parts: Buffer[] = [];
    const tail = version === undefined ? undefined : Buffer.from(`${version}}}`, 'utf8');
    const comma = Buffer.from(',');
    parts.push(Buffer.from('['));
    diagnostics.forEach((d, i) => {
      if (i > 0) parts.push(comma);
      const piece = this.piece(d, version);
      parts.push(piece.bytes);
      if (piece.versioned && tail) parts.push(tail);
    });
    parts.push(Buffer.from(']'));
    return Buffer.concat(parts);
  }

  private piece(d: Diagnostic, version: number | undefined): Piece {
    const data = findingData(d);
    if (data && (d.data as { version: number }).version === version) {
      const { findingId, ruleId } = data;
      const known = this.currentById.get(findingId) ?? this.previousById.get(findingId);
      if (known && sameShown(known, d, ruleId)) {
        this.currentById.set(findingId, known);
        return known.piece;
      }
      const piece = this.made(d, version, true);
      // Two diagnostics with one id (never made by toDiagnostics) only cost their bytes at each publish.
      if (piece.versioned) this.currentById.set(findingId, shown(d, ruleId, piece));
      return piece;
    }
    const key = shownKey(d);
    const versioned = d.data !== undefined;
    if (key === undefined || (versioned && (d.data as { version: number }).version !== version)) return once(d);
    const known = this.current.get(key) ?? this.previous.get(key);
    if (known) {
      this.current.set(key, known);
      return known;
    }
    const piece = this.made(d, version, versioned);
    if (piece.versioned || !versioned) this.current.set(key, piece);
    return piece;
  }

  /** `d` serialised, cut before its version when `versioned` and the version is where it is expected. */
  private made(d: Diagnostic, version: number | undefined, versioned: boolean): Piece {
    const json = JSON.stringify(d);
    const whole: Piece = { bytes: Buffer.from(json, 'utf8'), versioned: false };
    if (!versioned) return whole;
    // The version is the last field of `data`, the last field of the diagnostic: cut it off to splice in
    // the next publish's; a diagnostic built otherwise is serialised at every publish.
    const suffix = `${VERSION_KEY}${String(version)}}}`;
    if (!json.endsWith(suffix)) return whole;
    return { bytes: Buffer.from(json.slice(0, json.length - suffix.length + VERSION_KEY.length), 'utf8'), versioned: true };
  }
}

function once(d: Diagnostic): Piece {
  return { bytes: Buffer.from(JSON.stringify(d), 'utf8'), versioned: false };
}

function shown(d: Diagnostic, ruleId: string, piece: Piece): Shown {
  const { start, end } = d.range;
  return {
    startLine: start.line,
    startCharacter: start.character,
    endLine: end.line,
    endCharacter: end.character,
    severity: d.severity,
    code: d.code,
    href: d.codeDescription?.href,
    source: d.source,
    message: d.message as string,
    ruleId,
    related: d.relatedInformation ? JSON.stringify(d.relatedInformation) : '',
    piece,
  };
}

/** Stands in for a prepared array while the rest of a message is serialised. */
const PLACEHOLDER = '\u0000bulwark-prepared-diagnostics\u0000';
const QUOTED_PLACEHOLDER = JSON.stringify(PLACEHOLDER);

/**
 * The JSON-RPC writer's encoder (vscode-jsonrpc's `contentTypeEncoder`): JSON as the default one writes
 * it, except that a diagnostics array prepared with its bytes (a publish's `params.diagnostics`, a
 * pull's `result.items`) is spliced in rather than serialised again.
 */
export class PreparedDiagnosticsEncoder {
  readonly name = 'application/json';
  private readonly prepared = new WeakMap<object, Buffer>();

  /** `diagnostics` is to be sent as `json` (DiagnosticJsonCache.arrayJson) when a message carries this very array. */
  prepare(diagnostics: readonly Diagnostic[], json: Buffer): void {
    this.prepared.set(diagnostics, json);
  }

  encode(msg: unknown, options: { readonly charset: BufferEncoding | 'utf-8' }): Promise<Uint8Array> {
    try {
      return Promise.resolve(this.bytes(msg, options.charset));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private bytes(msg: unknown, charset: BufferEncoding | 'utf-8'): Buffer {
    const m = msg as { params?: { diagnostics?: unknown }; result?: { items?: unknown } } | null;
    const target = m?.params?.diagnostics ?? m?.result?.items;
    const json = target !== null && typeof target === 'object' ? this.prepared.get(target) : undefined;
    if (!json || (charset !== 'utf-8' && charset !== 'utf8')) return Buffer.from(JSON.stringify(msg), charset);
    const text = JSON.stringify(msg, (_key, value: unknown) => (value === target ? PLACEHOLDER : value));
    const at = text.indexOf(QUOTED_PLACEHOLDER);
    // The array is spliced where its stand-in is, which must be once and only once.
    if (at < 0 || text.includes(QUOTED_PLACEHOLDER, at + 1)) return Buffer.from(JSON.stringify(msg), charset);
    return Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), json, Buffer.from(text.slice(at + QUOTED_PLACEHOLDER.length), 'utf8')]);
  }
}
