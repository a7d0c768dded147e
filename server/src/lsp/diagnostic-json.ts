import type { Diagnostic } from 'vscode-languageserver/node';

// Delivering diagnostics re-sends every diagnostic of the file after each keystroke, and the JSON-RPC
// writer turns them into JSON and then into UTF-8 bytes each time: with the ~3,100 findings of a
// 5,000-line Dockerfile that is 1.4 MB of JSON per keystroke. Almost all of them are what they were at
// the last delivery, and document-diagnostics.ts keeps each one's JSON: the writer splices them in.

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
  private readonly prepared = new WeakMap<object, readonly Uint8Array[]>();

  /** `diagnostics` is to be sent as the concatenation of `json` (its UTF-8 JSON in pieces) when a message carries this very array. */
  prepare(diagnostics: readonly Diagnostic[], json: readonly Uint8Array[]): void {
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
    return Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), ...json, Buffer.from(text.slice(at + QUOTED_PLACEHOLDER.length), 'utf8')]);
  }
}
