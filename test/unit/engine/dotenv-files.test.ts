import * as assert from 'node:assert/strict';
import { gitignoreAddition, gitignoreEntry, isDotenvFile, trackedDotenvAdvice } from '../../../server/src/engine/dotenv-files';

// Which files count as `.env` files, and the .gitignore line that ignores exactly one of them.

describe('dotenv files and their .gitignore entry', () => {
  it('recognises .env files by their last segment, not the templates meant to be committed', () => {
    for (const name of ['.env', 'app/.env.local', 'file:///w/app/.env.production', 'C:\\w\\prod.env', 'deploy/staging.env']) assert.ok(isDotenvFile(name), name);
    for (const name of ['.env.example', 'app/.env.sample', '.env.template', 'dev.env.dist', '.envrc', 'env.ts', '.env/config', 'environment.yaml', 'settings.py']) assert.ok(!isDotenvFile(name), name);
  });

  it('anchors the entry at the repository root and escapes what .gitignore reads as patterns', () => {
    assert.equal(gitignoreEntry('app/.env'), '/app/.env');
    assert.equal(gitignoreEntry('a[1]/#x!.env'), '/a\\[1\\]/\\#x\\!.env');
    assert.equal(gitignoreEntry('odd/name.env '), '/odd/name.env\\ ');
  });

  it('appends after the last line, keeping the file\'s line endings, and adds nothing twice', () => {
    assert.deepEqual(gitignoreAddition(undefined, 'app/.env'), { offset: 0, text: '# Secrets: keep out of git (tracked files also need: git rm --cached app/.env)\n/app/.env\n' });
    const crlf = gitignoreAddition('dist\r\nnode_modules', '.env');
    assert.deepEqual(crlf, { offset: 18, text: '\r\n# Secrets: keep out of git (tracked files also need: git rm --cached .env)\r\n/.env\r\n' });
    assert.equal(gitignoreAddition('dist\n/app/.env\n', 'app/.env'), undefined);
    assert.equal(gitignoreAddition('dist\napp/.env\n', 'app/.env'), undefined, 'the unanchored form names the same file');
    assert.ok(gitignoreAddition('dist\n.env\n', 'app/.env'), 'a different line (.env anywhere) does not count: the file is tracked despite it');
  });

  it('advises ignoring, untracking and rotating', () => {
    assert.equal(trackedDotenvAdvice('app/.env'), 'app/.env is tracked by git: add it to .gitignore, stop tracking it (git rm --cached app/.env) and rotate its secrets, which stay in git history.');
  });
});
