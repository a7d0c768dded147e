import { isAscii } from 'node:buffer';
import { readRegularFile, type ReadBuffer } from './regular-file';

// The byte edge of every analysis of a file on disk, for the CLI and the language server's Scan
// workspace alike: the engine sees text without a BOM (as an editor shows it, so line 1 columns agree),
// UTF-16 files with a BOM are decoded (a secret in a UTF-16 .env is still a secret), and writing
// fixes puts the same encoding and BOM back. Line endings are never touched, so CRLF files stay CRLF.

export type SkipCode = 'binary-file' | 'file-too-large' | 'unreadable-file' | 'not-a-regular-file';

/** How the bytes were encoded; encodeSource writes text back the same way. */
export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type ReadOutcome =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly encoding: SourceEncoding;
      /** False when undecodable bytes were replaced by U+FFFD: writing the text back would change them. */
      readonly lossless: boolean;
    }
  | { readonly kind: 'skipped'; readonly code: SkipCode; readonly message: string };

export interface SourceReadOptions {
  readonly maxBytes: number;
  /** How the size limit is named to the user: `--max-file-size` or `bulwark.maxFileSize`. */
  readonly limitName: string;
  /** A directory listing said this is a regular file, not a link (RegularFileOptions.listedAsFile). */
  readonly listedAsFile?: boolean;
  /** The caller's buffer to read into (RegularFileOptions.into): the text returned never refers to it. */
  readonly into?: ReadBuffer;
}

/** Skip codes that mean "input existed but could not be read": a scan with one is incomplete. */
export const UNREADABLE_CODES: ReadonlySet<string> = new Set(['unreadable-file', 'unreadable-folder']);

export function readSourceFile(file: string, options: SourceReadOptions): ReadOutcome {
  const raw = readRegularFile(file, { maxBytes: options.maxBytes, followSymlinks: true, listedAsFile: options.listedAsFile === true, into: options.into });
  switch (raw.kind) {
    case 'bytes':
      return decodeSource(raw.bytes);
    case 'too-large':
      return skipped('file-too-large', `Not analysed: the file has ${raw.size} bytes, more than the ${options.limitName} limit of ${options.maxBytes}.`);
    case 'not-regular':
      return skipped('not-a-regular-file', `Not analysed: ${raw.what}, not a regular file; it was not opened.`);
    case 'absent':
      return skipped('unreadable-file', 'Not analysed: the file cannot be read (ENOENT: it disappeared during the scan).');
    case 'unreadable':
      return skipped('unreadable-file', `Not analysed: the file cannot be read (${raw.reason}).`);
  }
}

const BINARY: ReadOutcome = { kind: 'skipped', code: 'binary-file', message: 'Not analysed: the file looks binary (it contains a NUL byte).' };

export function decodeSource(bytes: Uint8Array): ReadOutcome {
  const encoding = encodingOf(bytes);
  const label = encoding === 'utf-8' || encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const body = bytes.subarray(BOM_LENGTH[encoding]);
  // A UTF-16 text has NUL bytes in every ASCII character: look for NUL characters after decoding.
  if (label === 'utf-8' && body.includes(0)) return BINARY;
  // Most source is ASCII: then each byte is its character, and a one-byte string is made without decoding.
  if (label === 'utf-8' && isAscii(body)) return { kind: 'text', text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1'), encoding, lossless: true };
  let text: string;
  let lossless = true;
  try {
    text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder(label, { fatal: false, ignoreBOM: true }).decode(body);
    lossless = false;
  }
  if (label !== 'utf-8' && text.includes('\u0000')) return BINARY;
  return { kind: 'text', text, encoding, lossless };
}

export function encodeSource(text: string, encoding: SourceEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

const BOM_LENGTH: Readonly<Record<SourceEncoding, number>> = { 'utf-8': 0, 'utf-8-bom': 3, 'utf-16le': 2, 'utf-16be': 2 };

function encodingOf(bytes: Uint8Array): SourceEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function skipped(code: SkipCode, message: string): ReadOutcome {
  return { kind: 'skipped', code, message };
}
