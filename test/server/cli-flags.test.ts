import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, ensureServerBuilt } from './support/build';

describe('bulwark-server command line', () => {
  let server: string;
  before(() => {
    server = ensureServerBuilt();
  });

  it('--version prints the package version and exits', () => {
    const run = spawnSync(process.execPath, [server, '--version'], { encoding: 'utf8', timeout: 10_000 });
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run.status, 0);
    assert.equal(run.stdout.trim(), version);
  });

  it('--help prints usage and exits', () => {
    const run = spawnSync(process.execPath, [server, '--help'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /Usage: bulwark-server --stdio \| --node-ipc/);
  });

  it('refuses to start without a transport', () => {
    const run = spawnSync(process.execPath, [server], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Usage:/);
  });

  it('starts with a shebang so npm can link it as bin', () => {
    assert.ok(fs.readFileSync(server, 'utf8').startsWith('#!/usr/bin/env node'));
  });
});
