import * as fs from 'node:fs';

// The one way Bulwark opens a file from a workspace or a command line. Only regular files are read:
// a FIFO would block the process (and the language server's event loop) forever, a device like
// /dev/zero never ends, and a directory is not text. The type is checked before opening (so a device
// is never opened) and again on the open descriptor (so a swap in between is caught), the open is
// non-blocking, and at most maxBytes + 1 bytes are read even when the file grows or lies about its
// size (/proc files report 0).

export type RawRead =
  | { readonly kind: 'bytes'; readonly bytes: Buffer }
  | { readonly kind: 'absent' }
  | { readonly kind: 'not-regular'; readonly what: string }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'unreadable'; readonly reason: string };

export interface RegularFileOptions {
  readonly maxBytes: number;
  /** False for files whose symbolic link must not be followed (ignore files, as git does). */
  readonly followSymlinks: boolean;
  /**
   * The caller's directory listing (readdir's file type, an lstat when the file system gives none) says
   * this is a regular file, not a link: that is the check before opening, so it is not made twice. With
   * followSymlinks, the file is then opened without following a link (one that replaced the listed file
   * is checked the long way, with a stat first).
   */
  readonly listedAsFile?: boolean;
  /**
   * Read into this buffer rather than a new one: the bytes returned are then a view of it, valid until the
   * next read into it. For a caller that reads file after file and keeps only what it decodes (a scan).
   */
  readonly into?: ReadBuffer;
}

const CHUNK = 64 * 1024;

/**
 * One buffer a scan thread reads every file into. A new buffer per file was memory the kernel mapped and
 * zeroed again for each large file, then freed by the next GC: about a third of the CPU spent reading the
 * real-world corpus (80 MiB), most of it system time.
 */
export class ReadBuffer {
  private bytes = Buffer.alloc(0);

  /** At least `size` bytes, whose contents are undefined; it may be the buffer the last call returned. */
  take(size: number): Buffer {
    if (this.bytes.length < size) this.bytes = Buffer.allocUnsafe(Math.max(size, 2 * this.bytes.length));
    return this.bytes;
  }
}

export function readRegularFile(file: string, options: RegularFileOptions): RawRead {
  if (options.listedAsFile === true && options.followSymlinks) {
    const listed = readRegularFile(file, { ...options, followSymlinks: false });
    return listed.kind === 'not-regular' && listed.what === 'a symbolic link' ? readRegularFile(file, { maxBytes: options.maxBytes, followSymlinks: true }) : listed;
  }
  let fd: number | undefined;
  try {
    if (!(options.listedAsFile === true && !options.followSymlinks)) {
      const before = options.followSymlinks ? fs.statSync(file) : fs.lstatSync(file);
      if (!before.isFile()) return { kind: 'not-regular', what: describeType(before) };
      if (before.size > options.maxBytes) return { kind: 'too-large', size: before.size };
    }
    const noFollow = options.followSymlinks ? 0 : (fs.constants.O_NOFOLLOW ?? 0);
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | noFollow);
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return { kind: 'not-regular', what: describeType(opened) };
    if (opened.size > options.maxBytes) return { kind: 'too-large', size: opened.size };
    return readAtMost(fd, options.maxBytes, opened.size, options.into);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
    // O_NOFOLLOW on a link that appeared after lstat.
    if (code === 'ELOOP' && !options.followSymlinks) return { kind: 'not-regular', what: 'a symbolic link' };
    return { kind: 'unreadable', reason: code };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function readAtMost(fd: number, maxBytes: number, expectedSize: number, into: ReadBuffer | undefined): RawRead {
  const chunks: Buffer[] = [];
  let total = 0;
  // The size the file had when opened, plus one byte to see that it ended there: one read into one buffer,
  // no copy. A file that grew meanwhile goes on in chunks below.
  if (expectedSize > 0 && expectedSize <= maxBytes) {
    const whole = into ? into.take(expectedSize + 1).subarray(0, expectedSize + 1) : Buffer.allocUnsafe(expectedSize + 1);
    let n = 0;
    for (let r = -1; r !== 0 && n < whole.length; n += r) r = fs.readSync(fd, whole, n, whole.length - n, null);
    if (n <= expectedSize) return { kind: 'bytes', bytes: whole.subarray(0, n) };
    chunks.push(whole.subarray(0, n));
    total = n;
    if (total > maxBytes) return { kind: 'too-large', size: Math.max(total, fs.fstatSync(fd).size) };
  }
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) return { kind: 'too-large', size: Math.max(total, fs.fstatSync(fd).size) };
  }
  return { kind: 'bytes', bytes: Buffer.concat(chunks, total) };
}

/** How a non-regular file is named in a notice. */
export function describeType(stat: fs.Stats | fs.Dirent): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export function errorCode(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.message : String(err);
}
