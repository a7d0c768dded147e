import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRegularFile } from '../../../server/src/node/regular-file';
import { readSourceFile } from '../../../server/src/node/source-file';
import { collectFiles } from '../../../server/src/cli/scan-files';
import { makeFifo } from '../../support/hostile-files';

// A file a folder's walk listed as regular is read without a stat first (the CLI's scan loop): it must
// read what the stat-first path reads, and a link that replaced the listed file must still be seen.

describe('reading files a folder walk listed', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-listed-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const both = (file: string, maxBytes: number) => [
    readRegularFile(file, { maxBytes, followSymlinks: true }),
    readRegularFile(file, { maxBytes, followSymlinks: true, listedAsFile: true }),
  ];

  it('reads a regular file, refuses one over the limit and reports a vanished one, as the stat-first path does', () => {
    const file = path.join(dir, 'a.env');
    fs.writeFileSync(file, 'TOKEN=abc\n');
    const [statFirst, listed] = both(file, 100);
    assert.deepEqual(listed, statFirst);
    assert.equal(listed.kind === 'bytes' && listed.bytes.toString('utf8'), 'TOKEN=abc\n');
    assert.deepEqual(both(file, 5)[1], { kind: 'too-large', size: 10 });
    assert.deepEqual(both(file, 5)[0], { kind: 'too-large', size: 10 });
    assert.deepEqual(both(path.join(dir, 'gone'), 100), [{ kind: 'absent' }, { kind: 'absent' }]);
    assert.deepEqual(readSourceFile(file, { maxBytes: 100, limitName: 'x', listedAsFile: true }), readSourceFile(file, { maxBytes: 100, limitName: 'x' }));
  });

  it('follows a link that replaced the listed file, to a file or to what is not one', function () {
    const target = path.join(dir, 'target.txt');
    fs.writeFileSync(target, 'through the link\n');
    const link = path.join(dir, 'swapped.txt');
    fs.symlinkSync(target, link);
    const [statFirst, listed] = both(link, 100);
    assert.deepEqual(listed, statFirst);
    assert.equal(listed.kind === 'bytes' && listed.bytes.toString('utf8'), 'through the link\n');
    fs.symlinkSync(dir, path.join(dir, 'to-folder'));
    assert.deepEqual(both(path.join(dir, 'to-folder'), 100), [
      { kind: 'not-regular', what: 'a folder' },
      { kind: 'not-regular', what: 'a folder' },
    ]);
    makeFifo(this, path.join(dir, 'fifo'));
    fs.symlinkSync(path.join(dir, 'fifo'), path.join(dir, 'to-fifo'));
    assert.deepEqual(both(path.join(dir, 'to-fifo'), 100)[1], { kind: 'not-regular', what: 'a FIFO (named pipe)' });
  });

  it('names files given on the command line apart from those a folder walk found', () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.yaml'), 'a: 1\n');
    fs.writeFileSync(path.join(dir, 'c.env'), 'X=1\n');
    fs.symlinkSync(path.join(dir, 'c.env'), path.join(dir, 'link.env'));
    const collected = collectFiles(['sub', 'link.env'], [], dir);
    assert.deepEqual(collected.files, [path.join(dir, 'sub', 'b.yaml'), path.join(dir, 'link.env')]);
    assert.deepEqual([...collected.givenFiles], [path.join(dir, 'link.env')]);
  });
});
