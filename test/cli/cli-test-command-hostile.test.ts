import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeGolden } from '../../server/src/node/rule-fixtures';
import { OUTSIDE_SECRET, PackBuilder, outsideFile, ruleYaml } from '../support/hostile-packs';
import { ensureCliBuilt, removeDir, runCli } from './cli-harness';

// `bulwark test` reads fixtures and writes goldens of a pack someone else wrote: nothing outside the
// pack is read or written, whatever links the pack holds, and what it cannot check is an error.

const FIXTURE = '# expect: pin-rule@11-17\nFROM node:latest\n';

describe('bulwark test with a hostile pack', function () {
  this.timeout(60_000);
  let outside: { dir: string; file: string };
  let pack: PackBuilder;

  before(() => ensureCliBuilt());
  beforeEach(() => {
    outside = outsideFile(`${OUTSIDE_SECRET}\n`);
    pack = new PackBuilder('fixtures').rule('pin-rule', ruleYaml('pin-rule'));
  });
  afterEach(() => {
    pack.remove();
    removeDir(outside.dir);
  });
  const tests = (rel = '') => `dockerfile/pin-rule/tests${rel}`;
  const outsideUnchanged = () => {
    assert.deepEqual(fs.readdirSync(outside.dir), ['outside.txt']);
    assert.equal(fs.readFileSync(outside.file, 'utf8'), `${OUTSIDE_SECRET}\n`);
  };

  it('passes a plain fixture (the pack itself is fine)', () => {
    pack.file(tests('/pin.dockerfile'), FIXTURE);
    const run = runCli(['test', pack.root]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✔ pin-rule pin\.dockerfile/);
  });

  it('refuses a fixture that is a link to a file outside the pack, and prints nothing of it', () => {
    pack.file(tests('/pin.dockerfile'), FIXTURE).link(tests('/leak.dockerfile'), outside.file);
    const run = runCli(['test', pack.root]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /is invalid:\n {2}\S*dockerfile\/pin-rule\/tests\/leak\.dockerfile: is a symbolic link/);
    assert.ok(!(run.stdout + run.stderr).includes(OUTSIDE_SECRET));
  });

  it('--update-goldens never writes through a golden that links outside the pack', () => {
    pack.file(tests('/pin.dockerfile'), FIXTURE).link(tests('/pin.fixed.dockerfile'), outside.file);
    const run = runCli(['test', pack.root, '--update-goldens']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /pin\.fixed\.dockerfile: is a symbolic link/);
    outsideUnchanged();
  });

  it('--update-goldens never writes into a tests folder that links outside the pack', () => {
    pack.link(tests(), outside.dir);
    fs.writeFileSync(path.join(outside.dir, 'pin.dockerfile'), FIXTURE);
    const run = runCli(['test', pack.root, '--update-goldens']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /dockerfile\/pin-rule\/tests: is a symbolic link/);
    assert.deepEqual(fs.readdirSync(outside.dir).sort(), ['outside.txt', 'pin.dockerfile']);
  });

  it('writeGolden refuses a folder reached through a link, and replaces a planted link instead of following it', () => {
    pack.file(tests('/pin.dockerfile'), FIXTURE);
    const linkedDir = path.join(pack.root, 'dockerfile', 'elsewhere');
    fs.symlinkSync(outside.dir, linkedDir);
    assert.throws(() => writeGolden(pack.root, path.join(linkedDir, 'x.fixed'), 'x'), /a symbolic link on its path leads elsewhere/);
    assert.throws(() => writeGolden(pack.root, path.join(pack.root, '..', 'escape.fixed'), 'x'), /outside the pack/);
    const golden = path.join(pack.root, ...tests('/pin.fixed.dockerfile').split('/'));
    fs.symlinkSync(outside.file, golden);
    writeGolden(pack.root, golden, 'FROM node:1\n');
    assert.equal(fs.lstatSync(golden).isSymbolicLink(), false);
    assert.equal(fs.readFileSync(golden, 'utf8'), 'FROM node:1\n');
    outsideUnchanged();
  });

  it('a fixture over 5 MiB is an error (exit 2), not a pass without analysis', () => {
    pack.file(tests('/huge.dockerfile'), FIXTURE).grow(tests('/huge.dockerfile'), 5 * 1024 * 1024 + 1);
    const run = runCli(['test', pack.root]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /tests\/huge\.dockerfile: the file is too large \(5,242,881 bytes; the limit is 5,242,880\)/);
  });

  it('a fixture the analyser skips (binary) fails instead of passing', () => {
    pack.file(tests('/binary.dockerfile'), `${FIXTURE}\u0000\n`);
    const run = runCli(['test', pack.root]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /✘ pin-rule binary\.dockerfile\n {4}binary\.dockerfile: Not analysed: the file looks binary\./);
  });

  it('a FIFO among the fixtures is an error, not a hang', () => {
    pack.file(tests('/pin.dockerfile'), FIXTURE).fifo(tests('/pipe.dockerfile'));
    const run = runCli(['test', pack.root]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /tests\/pipe\.dockerfile: is not a regular file or folder/);
  });
});
