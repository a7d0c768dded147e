import * as fs from 'node:fs';

// The byte edge of a scan: the engine sees text without a BOM; writing fixes puts the BOM back.
// Line endings are never touched, so CRLF files stay CRLF.

export type SkipCode = 'binary-file' | 'file-too-large' | 'unreadable-file';

export type ReadOutcome =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly bom: boolean;
      /** False when invalid UTF-8 was replaced by U+FFFD: writing the text back would change those bytes. */
      readonly lossless: boolean;
    }
  | { readonly kind: 'skipped'; readonly code: SkipCode; readonly message: string };

const BOM = '\uFEFF';
const BOM_BYTES = Buffer.from([0xef, 0xbb, 0xbf]);

export function readSourceFile(file: string, maxBytes: number): ReadOutcome {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) return tooLarge(size, maxBytes);
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { kind: 'skipped', code: 'unreadable-file', message: `Not analysed: the file cannot be read (${errorCode(err)}).` };
  }
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
  return decodeSource(bytes);
}

export function decodeSource(bytes: Uint8Array): ReadOutcome {
  if (bytes.includes(0)) return { kind: 'skipped', code: 'binary-file', message: 'Not analysed: the file looks binary (it contains a NUL byte).' };
  let decoded: string;
  let lossless = true;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    decoded = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    lossless = false;
  }
  const bom = decoded.startsWith(BOM);
  return { kind: 'text', text: bom ? decoded.slice(1) : decoded, bom, lossless };
}

export function encodeSource(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([BOM_BYTES, body]) : body;
}

function tooLarge(size: number, maxBytes: number): ReadOutcome {
  return { kind: 'skipped', code: 'file-too-large', message: `Not analysed: the file has ${size} bytes, more than the --max-file-size limit of ${maxBytes}.` };
}

function errorCode(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.message : String(err);
}
