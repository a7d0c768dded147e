// An independent, permissive tar writer for tests: it writes whatever it is told (absolute names,
// `..`, links, devices, lying sizes), which the product's writer refuses to do.

export interface RawEntry {
  readonly name: string;
  /** ustar typeflag: '0' file, '1' hard link, '2' symlink, '3' char device, '4' block device, '5' dir, '6' FIFO, 'x' pax. */
  readonly type?: string;
  readonly content?: Buffer | string;
  readonly linkname?: string;
  /** Header size field when it must differ from the content (a lying header). */
  readonly size?: number;
}

export function rawTar(entries: readonly RawEntry[], { end = true } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const content = Buffer.from(e.content ?? '');
    const h = Buffer.alloc(512);
    h.write(e.name, 0, 100, 'utf8');
    h.write('0000644\0', 100, 'ascii');
    h.write('0000000\0', 108, 'ascii');
    h.write('0000000\0', 116, 'ascii');
    h.write((e.size ?? content.length).toString(8).padStart(11, '0') + '\0', 124, 'ascii');
    h.write('00000000000\0', 136, 'ascii');
    h.write(e.type ?? '0', 156, 'ascii');
    if (e.linkname) h.write(e.linkname, 157, 100, 'utf8');
    h.write('ustar\0', 257, 'ascii');
    h.write('00', 263, 'ascii');
    h.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of h) sum += byte;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
    parts.push(h, content, Buffer.alloc((512 - (content.length % 512)) % 512));
  }
  if (end) parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let n = body.length + 2;
  while (String(n).length + body.length !== n) n = String(n).length + body.length;
  return `${n}${body}`;
}
