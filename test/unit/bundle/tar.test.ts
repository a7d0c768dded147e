import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { BundleError, deterministicGzip, extractTree, readTar, writeTar, DEFAULT_TAR_LIMITS } from '../../../server/src/node/bundle';
import { skipUnlessRequired } from '../../support/real-client';
import { paxRecord, rawTar } from './hostile-tar';

// The tar reader is the first thing an artifact from a registry meets: it must refuse everything
// that could write outside the folder or exhaust the machine, and say which entry and why.

function refuses(tar: Buffer, code: string, message: RegExp, limits = DEFAULT_TAR_LIMITS): void {
  assert.throws(
    () => readTar(tar, limits),
    (err: unknown) => err instanceof BundleError && err.code === code && message.test(err.message),
  );
}

describe('tar writer', () => {
  it('writes sorted entries with mtime 0, uid/gid 0, empty owner names and mode 0644, which GNU tar reads back', function () {
    const tar = writeTar(new Map([['b.txt', Buffer.from('bee\n')], ['a/z.yaml', Buffer.from('zed\n')], ['a/long/' + 'x'.repeat(120) + '.yaml', Buffer.from('long\n')]]));
    const back = readTar(tar);
    assert.deepEqual([...back.keys()], ['a/long/' + 'x'.repeat(120) + '.yaml', 'a/z.yaml', 'b.txt']);
    assert.equal(back.get('b.txt')?.toString(), 'bee\n');
    const listing = spawnSync('tar', ['--numeric-owner', '-tvf', '-'], { input: tar, encoding: 'utf8' });
    if (listing.error) return skipUnlessRequired(this, 'GNU tar is not installed');
    assert.equal(listing.status, 0, listing.stderr);
    assert.deepEqual(
      listing.stdout.trim().split('\n').map((l) => l.replace(/\s+/g, ' ')),
      [
        `-rw-r--r-- 0/0 5 1970-01-01 00:00 a/long/${'x'.repeat(120)}.yaml`,
        '-rw-r--r-- 0/0 4 1970-01-01 00:00 a/z.yaml',
        '-rw-r--r-- 0/0 4 1970-01-01 00:00 b.txt',
      ],
    );
    // uname and gname (bytes 265–328 of each header) are empty.
    assert.ok(tar.subarray(265, 329).every((b) => b === 0));
  });

  it('is byte-identical whatever order the files were added in', () => {
    const a = writeTar(new Map([['x', Buffer.from('1')], ['y', Buffer.from('2')]]));
    const b = writeTar(new Map([['y', Buffer.from('2')], ['x', Buffer.from('1')]]));
    assert.deepEqual(a, b);
  });

  it('gzips with a fixed header: no name, mtime 0, XFL 2, OS 255', () => {
    const gz = deterministicGzip(Buffer.from('hello'));
    assert.deepEqual([...gz.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff]);
    assert.equal(zlib.gunzipSync(gz).toString(), 'hello');
  });
});

describe('tar reader refuses hostile archives', () => {
  it('an entry that climbs out with ..', () => refuses(rawTar([{ name: 'packs/../../etc/passwd', content: 'x' }]), 'unsafe', /"packs\/\.\.\/\.\.\/etc\/passwd" climbs out/));
  it('an absolute path', () => refuses(rawTar([{ name: '/etc/cron.d/x', content: 'x' }]), 'unsafe', /"\/etc\/cron\.d\/x" has an absolute path/));
  it('a .. hidden in a pax path', () => refuses(rawTar([{ name: 'PaxHeader', type: 'x', content: paxRecord('path', '../escape.yaml') }, { name: 'fine.yaml', content: 'x' }]), 'unsafe', /"\.\.\/escape\.yaml" climbs out/));
  it('a symbolic link', () => refuses(rawTar([{ name: 'policy.yaml', type: '2', linkname: '/etc/shadow' }]), 'unsafe', /"policy\.yaml" is a symbolic link/));
  it('a hard link', () => refuses(rawTar([{ name: 'a.yaml', content: 'x' }, { name: 'b.yaml', type: '1', linkname: 'a.yaml' }]), 'unsafe', /"b\.yaml" is a hard link/));
  it('a character device', () => refuses(rawTar([{ name: 'null', type: '3' }]), 'unsafe', /"null" is a character device/));
  it('a block device', () => refuses(rawTar([{ name: 'sda', type: '4' }]), 'unsafe', /"sda" is a block device/));
  it('a FIFO', () => refuses(rawTar([{ name: 'pipe', type: '6' }]), 'unsafe', /"pipe" is a FIFO/));
  it('a duplicate entry (a second copy could replace a checked file)', () => refuses(rawTar([{ name: 'a.yaml', content: '1' }, { name: 'a.yaml', content: '2' }]), 'unsafe', /"a\.yaml" appears twice/));
  it('a file that is also a folder', () => refuses(rawTar([{ name: 'a', content: '1' }, { name: 'a/b', content: '2' }]), 'unsafe', /"a" is both a file and a folder/));
  it('an entry over the per-file cap, before reading it', () => refuses(rawTar([{ name: 'huge.bin', size: 9 * 1024 * 1024 }], { end: false }), 'too-large', /"huge\.bin" is 9437184 bytes, over the 8388608-byte limit/));
  it('more bytes in total than the cap', () =>
    refuses(rawTar([{ name: 'a', content: Buffer.alloc(600) }, { name: 'b', content: Buffer.alloc(600) }]), 'too-large', /more than 1000 bytes/, { maxEntries: 10, maxFileBytes: 1000, maxTotalBytes: 1000 }));
  it('too many entries', () => refuses(rawTar(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, content: 'x' }))), 'too-large', /more than 10 entries/, { ...DEFAULT_TAR_LIMITS, maxEntries: 10 }));
  it('a truncated entry', () => refuses(rawTar([{ name: 'a', size: 4096, content: 'short' }], { end: false }), 'unsafe', /"a" is truncated/));
  it('a corrupt header', () => {
    const tar = rawTar([{ name: 'a', content: 'x' }]);
    tar[0] = 'b'.charCodeAt(0);
    refuses(tar, 'unsafe', /bad header checksum/);
  });

  it('real symlinks and hard links made by GNU tar', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tar-'));
    try {
      fs.writeFileSync(path.join(dir, 'policy.yaml'), 'name: a\n');
      fs.symlinkSync('/etc/passwd', path.join(dir, 'link.yaml'));
      fs.linkSync(path.join(dir, 'policy.yaml'), path.join(dir, 'hard.yaml'));
      const made = spawnSync('tar', ['-cf', '-', '-C', dir, 'link.yaml'], { maxBuffer: 1 << 20 });
      if (made.error) return skipUnlessRequired(this, 'GNU tar is not installed');
      refuses(made.stdout, 'unsafe', /"link\.yaml" is a symbolic link/);
      const hard = spawnSync('tar', ['-cf', '-', '-C', dir, 'policy.yaml', 'hard.yaml']);
      refuses(hard.stdout, 'unsafe', /"hard\.yaml" is a hard link/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('extraction', () => {
  let base: string;
  beforeEach(() => (base = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-extract-'))));
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('writes into a fresh folder in one rename and leaves nothing else behind', () => {
    const dest = path.join(base, 'bundle');
    extractTree(new Map([['policy.yaml', Buffer.from('name: a\n')], ['packs/p/pack.yaml', Buffer.from('id: p\n')]]), dest);
    assert.equal(fs.readFileSync(path.join(dest, 'packs/p/pack.yaml'), 'utf8'), 'id: p\n');
    assert.deepEqual(fs.readdirSync(base), ['bundle']);
    assert.equal(fs.statSync(path.join(dest, 'policy.yaml')).mode & 0o777, 0o644 & ~process.umask());
  });

  it('refuses an existing destination and an unsafe path, leaving no partial folder', () => {
    const dest = path.join(base, 'bundle');
    fs.mkdirSync(dest);
    assert.throws(() => extractTree(new Map([['a', Buffer.from('')]]), dest), /already exists/);
    const other = path.join(base, 'other');
    assert.throws(() => extractTree(new Map([['ok.yaml', Buffer.from('1')], ['../x', Buffer.from('2')]]), other), /climbs out/);
    assert.deepEqual(fs.readdirSync(base).sort(), ['bundle']);
    assert.equal(fs.existsSync(path.join(base, 'x')), false);
  });
});
