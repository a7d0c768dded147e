import { BundleError } from './errors';
import { trimEndOf } from '../../engine/trim';

// A small ustar writer and a defensive reader. The writer is deterministic by construction (entries
// sorted by byte order, mtime 0, uid/gid 0, empty uname/gname, mode 0644, regular files only); the
// reader accepts regular files and directories only and refuses everything that could escape or
// exhaust the extraction: `..`, absolute paths, links, devices, FIFOs, duplicates, oversized entries.

const BLOCK = 512;

export interface TarLimits {
  readonly maxEntries: number;
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
}

export const DEFAULT_TAR_LIMITS: TarLimits = { maxEntries: 10_000, maxFileBytes: 8 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

/** Files by relative path (`a/b.yaml`, `/` separators). */
export type FileTree = ReadonlyMap<string, Buffer>;

export function writeTar(files: FileTree): Buffer {
  const chunks: Buffer[] = [];
  const paths = [...files.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const path of paths) {
    checkPath(path);
    const content = files.get(path) as Buffer;
    const split = splitName(path);
    if (!split) chunks.push(...paxEntry(path));
    chunks.push(header({ name: split?.name ?? path.slice(-100).replace(/^[^/]*\//, ''), prefix: split?.prefix ?? '', size: content.length, type: '0', mode: 0o644 }));
    chunks.push(content, Buffer.alloc(padding(content.length)));
  }
  chunks.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(chunks);
}

function paxEntry(path: string): Buffer[] {
  const record = paxRecord('path', path);
  return [header({ name: 'PaxHeader', prefix: '', size: record.length, type: 'x', mode: 0o644 }), record, Buffer.alloc(padding(record.length))];
}

function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
  return Buffer.from(`${length}${body}`);
}

/** ustar's name (100 bytes) + prefix (155 bytes) split, or undefined when a pax header is needed. */
function splitName(path: string): { name: string; prefix: string } | undefined {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name.length > 0) return { name, prefix };
  }
  return undefined;
}

function header(h: { name: string; prefix: string; size: number; type: string; mode: number }): Buffer {
  const b = Buffer.alloc(BLOCK);
  b.write(h.name, 0, 100, 'utf8');
  octal(b, 100, 8, h.mode);
  octal(b, 108, 8, 0);
  octal(b, 116, 8, 0);
  octal(b, 124, 12, h.size);
  octal(b, 136, 12, 0);
  b.write(h.type, 156, 1, 'ascii');
  b.write('ustar\u0000', 257, 6, 'ascii');
  b.write('00', 263, 2, 'ascii');
  b.write(h.prefix, 345, 155, 'utf8');
  b.fill(0x20, 148, 156);
  octal(b, 148, 7, checksum(b));
  b[155] = 0x20;
  return b;
}

function octal(b: Buffer, offset: number, width: number, value: number): void {
  b.write(value.toString(8).padStart(width - 1, '0'), offset, width - 1, 'ascii');
  b[offset + width - 1] = 0;
}

function checksum(b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : b[i];
  return sum;
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/** Reads a tar into memory, refusing anything unsafe; directories are implied by their files. */
export function readTar(tar: Buffer, limits: TarLimits = DEFAULT_TAR_LIMITS): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const dirs = new Set<string>();
  let offset = 0;
  let entries = 0;
  let total = 0;
  let pendingPath: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const block = tar.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    if (storedChecksum(block) !== checksum(block)) throw unsafe(`entry at byte ${offset} has a bad header checksum (not a tar, or corrupt)`);
    const type = String.fromCharCode(block[156] || 0x30);
    const size = readOctal(block, 124, 12);
    const rawName = pendingPath ?? joinName(cString(block, 345, 155), cString(block, 0, 100));
    pendingPath = undefined;
    offset += BLOCK;
    if (size > limits.maxFileBytes) throw new BundleError('too-large', `tar entry "${printable(rawName)}" is ${size} bytes, over the ${limits.maxFileBytes}-byte limit`);
    if (offset + size > tar.length) throw unsafe(`tar entry "${printable(rawName)}" is truncated`);
    const data = tar.subarray(offset, offset + size);
    offset += size + padding(size);
    if (++entries > limits.maxEntries) throw new BundleError('too-large', `the tar has more than ${limits.maxEntries} entries`);
    if (type === 'x' || type === 'L') {
      pendingPath = type === 'x' ? paxPath(data) : cString(data, 0, data.length);
      continue;
    }
    if (type === 'g') continue; // global pax header: carries no path for us
    const kind = ENTRY_KINDS.get(type);
    if (kind !== 'file' && kind !== 'dir') throw unsafe(`tar entry "${printable(rawName)}" is a ${kind ?? `type "${printable(type)}" entry`}; only regular files and folders are allowed`);
    const path = safePath(rawName, kind === 'dir');
    if (kind === 'dir') {
      dirs.add(path);
      continue;
    }
    if (files.has(path) || dirs.has(path)) throw unsafe(`tar entry "${path}" appears twice`);
    total += size;
    if (total > limits.maxTotalBytes) throw new BundleError('too-large', `the tar unpacks to more than ${limits.maxTotalBytes} bytes`);
    files.set(path, Buffer.from(data));
  }
  for (const file of files.keys()) {
    for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) {
      if (files.has(file.slice(0, i))) throw unsafe(`tar entry "${file.slice(0, i)}" is both a file and a folder`);
    }
  }
  return files;
}

const ENTRY_KINDS: ReadonlyMap<string, string> = new Map([
  ['0', 'file'],
  ['7', 'file'],
  ['5', 'dir'],
  ['1', 'hard link'],
  ['2', 'symbolic link'],
  ['3', 'character device'],
  ['4', 'block device'],
  ['6', 'FIFO'],
]);

/** A relative path with `/` separators and no `.`/`..`/empty segment, or an error. */
export function safePath(raw: string, isDir = false): string {
  const path = isDir ? trimEndOf(raw, '/') : raw;
  checkPath(path);
  return path;
}

function checkPath(path: string): void {
  const shown = printable(path);
  if (path.length === 0) throw unsafe('a tar entry has an empty name');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) throw unsafe(`tar entry "${shown}" has an absolute path`);
  if (path.includes('\\') || /[\u0000-\u001f]/.test(path)) throw unsafe(`tar entry "${shown}" has a backslash or control character in its name`);
  if (path.split('/').some((s) => s === '..')) throw unsafe(`tar entry "${shown}" climbs out of the folder with ".."`);
  if (path.split('/').some((s) => s === '' || s === '.')) throw unsafe(`tar entry "${shown}" has an empty or "." path segment`);
}

function paxPath(data: Buffer): string | undefined {
  let at = 0;
  let path: string | undefined;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = Number(data.subarray(at, space).toString('ascii'));
    if (space < 0 || !Number.isSafeInteger(length) || length <= 0 || at + length > data.length) throw unsafe('a pax header is malformed');
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === 'path') path = record.slice(eq + 1);
    if (record.slice(0, eq) === 'linkpath') throw unsafe('a pax header names a link target; links are not allowed');
    at += length;
  }
  return path;
}

function joinName(prefix: string, name: string): string {
  return prefix ? `${prefix}/${name}` : name;
}

function cString(b: Buffer, offset: number, width: number): string {
  const slice = b.subarray(offset, offset + width);
  const end = slice.indexOf(0);
  return slice.subarray(0, end < 0 ? slice.length : end).toString('utf8');
}

function storedChecksum(block: Buffer): number | undefined {
  try {
    return readOctal(block, 148, 8);
  } catch {
    return undefined;
  }
}

function readOctal(b: Buffer, offset: number, width: number): number {
  if (b[offset] & 0x80) throw unsafe('a tar header uses a base-256 number (entries that large are not allowed)');
  const text = cString(b, offset, width).trim();
  const value = text === '' ? 0 : parseInt(text, 8);
  if (!/^[0-7]*$/.test(text) || !Number.isSafeInteger(value)) throw unsafe('a tar header has a malformed number');
  return value;
}

function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 200);
}

function unsafe(message: string): BundleError {
  return new BundleError('unsafe', message);
}
