import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// What `npm run package` puts in the .vsix, read with `vsce ls` (the same file selection vsce package
// uses, honouring .vscodeignore): the three bundles, the built-in rules without their test fixtures,
// the snippets and the docs the README links to; never sources, node_modules or source maps.

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function packagedFiles(): string[] {
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return out.split('\n').map((l) => l.trim()).filter(Boolean);
}

describe('.vsix contents', function () {
  this.timeout(60_000);
  let files: string[];
  before(() => (files = packagedFiles()));

  it('ships the bundles, package metadata, snippets and docs', () => {
    for (const f of ['dist/extension.js', 'dist/server.js', 'dist/server-bundle.js', 'dist/cli.js', 'dist/cli-bundle.js', 'dist/scan-worker.js', 'dist/validated-packs.json', 'package.json', 'README.md', 'LICENSE', 'snippets/dockerfile.json', 'snippets/kubernetes.json', 'docs/editor.md', 'docs/cli.md']) {
      assert.ok(files.includes(f), `${f} is missing from the .vsix`);
    }
  });

  it('ships every built-in rule with its docs, and no fixtures', () => {
    const ruleFolders = ['dockerfile', 'kubernetes', 'secrets', 'meta'].flatMap((lang) => {
      const dir = path.join(REPO_ROOT, 'rules', 'core', lang);
      return fs.existsSync(dir) ? fs.readdirSync(dir).map((id) => `rules/core/${lang}/${id}`) : [];
    });
    assert.ok(ruleFolders.length > 10);
    assert.ok(files.includes('rules/core/pack.yaml'));
    for (const folder of ruleFolders) {
      assert.ok(files.includes(`${folder}/rule.yaml`), `${folder}/rule.yaml is missing`);
      assert.ok(files.includes(`${folder}/README.md`), `${folder}/README.md is missing`);
    }
    assert.deepEqual(files.filter((f) => f.includes('/tests/')), []);
  });

  it('ships no sources, dependencies or source maps', () => {
    assert.deepEqual(files.filter((f) => /^(node_modules|server|client\/src|test)\//.test(f) || /\.(ts|map)$/.test(f)), []);
  });
});
