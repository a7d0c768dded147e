import * as assert from 'node:assert/strict';
import { decodeSource, encodeSource } from '../../../server/src/node/source-file';

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
