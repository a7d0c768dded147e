import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReadBuffer } from '../../../server/src/node/regular-file';
import { decodeSource, encodeSource, readSourceFile } from '../../../server/src/node/source-file';

// Decoding the bytes of a file on disk, shared by the CLI and Scan workspace: BOMs removed (and put
// back on write), UTF-16 with a BOM decoded, NUL characters still mean binary.

describe('source file decoding', () => {
  it('decodes UTF-8 with a BOM, replaces invalid bytes, and round-trips', () => {
    const withBom = decodeSource(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]));
    assert.deepEqual(withBom, { kind: 'text', text: 'a\r\n', encoding: 'utf-8-bom', lossless: true });
    assert.deepEqual(encodeSource('a\r\n', 'utf-8-bom'), Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]));
    const invalid = decodeSource(Buffer.from([0x61, 0xff, 0x62]));
    assert.deepEqual(invalid, { kind: 'text', text: 'a\uFFFDb', encoding: 'utf-8', lossless: false });
    assert.equal(decodeSource(Buffer.from([0x61, 0x00])).kind, 'skipped');
  });

  it('reads ASCII, UTF-8 and files at the size limit whole, and refuses one byte more', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-source-file-'));
    try {
      const write = (name: string, content: string) => {
        fs.writeFileSync(path.join(dir, name), content);
        return path.join(dir, name);
      };
      const ascii = 'KEY=value\r\n'.repeat(10_000);
      assert.deepEqual(readSourceFile(write('ascii.env', ascii), { maxBytes: 1 << 20, limitName: 'x' }), { kind: 'text', text: ascii, encoding: 'utf-8', lossless: true });
      const utf8 = 'caf\u00e9 \u{1f600}\n';
      assert.deepEqual(readSourceFile(write('utf8.txt', utf8), { maxBytes: 1 << 20, limitName: 'x' }), { kind: 'text', text: utf8, encoding: 'utf-8', lossless: true });
      const exact = write('exact.txt', 'a'.repeat(100));
      assert.equal(readSourceFile(exact, { maxBytes: 100, limitName: 'x' }).kind, 'text');
      assert.deepEqual(readSourceFile(exact, { maxBytes: 99, limitName: 'x' }).kind, 'skipped');
      assert.deepEqual(readSourceFile(write('empty.txt', ''), { maxBytes: 100, limitName: 'x' }), { kind: 'text', text: '', encoding: 'utf-8', lossless: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads file after file into one buffer, each text its own (shorter, longer, UTF-16, binary in turn)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-source-file-'));
    try {
      const into = new ReadBuffer();
      const read = (name: string, content: string | Buffer) => {
        fs.writeFileSync(path.join(dir, name), content);
        return readSourceFile(path.join(dir, name), { maxBytes: 1 << 20, limitName: 'x', into });
      };
      const long = 'PASSWORD=first-file-value\n'.repeat(2_000);
      const first = read('long.env', long);
      const short = read('short.env', 'TOKEN=second\n');
      const utf16 = read('utf16.txt', Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62, 0x00]));
      const binary = read('binary.bin', Buffer.from([0x61, 0x00, 0x62]));
      const longer = read('longer.txt', 'caf\u00e9 '.repeat(20_000));
      assert.deepEqual(first, { kind: 'text', text: long, encoding: 'utf-8', lossless: true });
      assert.deepEqual(short, { kind: 'text', text: 'TOKEN=second\n', encoding: 'utf-8', lossless: true });
      assert.deepEqual(utf16, { kind: 'text', text: 'ab', encoding: 'utf-16le', lossless: true });
      assert.equal(binary.kind, 'skipped');
      assert.deepEqual(longer, { kind: 'text', text: 'caf\u00e9 '.repeat(20_000), encoding: 'utf-8', lossless: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('decodes UTF-16 LE and BE with a BOM, and writes them back byte for byte', () => {
    const text = 'KEY=ghp_x\r\né😀\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    assert.deepEqual(decodeSource(le), { kind: 'text', text, encoding: 'utf-16le', lossless: true });
    assert.deepEqual(decodeSource(be), { kind: 'text', text, encoding: 'utf-16be', lossless: true });
    assert.deepEqual(encodeSource(text, 'utf-16le'), le);
    assert.deepEqual(encodeSource(text, 'utf-16be'), be);
  });

  it('still calls a UTF-16 file with NUL characters (or UTF-32) binary, and marks broken UTF-16 lossy', () => {
    assert.equal(decodeSource(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00])).kind, 'skipped');
    assert.equal(decodeSource(Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00])).kind, 'skipped', 'UTF-32 LE');
    // A lone high surrogate, then an odd trailing byte.
    const broken = decodeSource(Buffer.from([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00, 0x42]));
    assert.equal(broken.kind, 'text');
    assert.equal(broken.kind === 'text' && broken.lossless, false);
  });
});
