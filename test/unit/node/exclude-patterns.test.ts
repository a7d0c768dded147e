import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { excludeMatcher } from '../../../server/src/node/exclude-patterns';

// `--exclude` and `bulwark.exclude` share this matcher: .gitignore rules from a base folder.

describe('excludeMatcher: .gitignore rules for --exclude and bulwark.exclude', function () {
  const base = path.resolve('/work/repo');
  const at = (rel: string) => path.join(base, rel);

  it('a bare name matches a file or folder of that name at any depth, and what is inside it', () => {
    const excluded = excludeMatcher(['k8s'], base);
    assert.equal(excluded(at('k8s'), true), true);
    assert.equal(excluded(at('k8s/deploy.yaml')), true);
    assert.equal(excluded(at('apps/web/k8s/service.yaml')), true);
    assert.equal(excluded(at('k8s.yaml')), false);
    assert.equal(excluded(at('apps/k8s-tools/Dockerfile')), false);
  });

  it('a trailing slash matches folders only', () => {
    const excluded = excludeMatcher(['k8s/'], base);
    assert.equal(excluded(at('k8s'), true), true);
    assert.equal(excluded(at('apps/k8s/a.yaml')), true);
    assert.equal(excluded(at('apps/k8s')), false, 'a file named k8s is not a folder');
  });

  it('a slash inside anchors the pattern at the base; a leading slash too', () => {
    for (const pattern of ['k8s/**', '/k8s']) {
      const excluded = excludeMatcher([pattern], base);
      assert.equal(excluded(at('k8s/deploy.yaml')), true, pattern);
      assert.equal(excluded(at('apps/k8s/deploy.yaml')), false, pattern);
    }
  });

  it('wildcards, ** and negation follow .gitignore', () => {
    const excluded = excludeMatcher(['*.yaml', '!chart.yaml', '**/testdata/**'], base);
    assert.equal(excluded(at('a/b/x.yaml')), true);
    assert.equal(excluded(at('a/chart.yaml')), false);
    assert.equal(excluded(at('x/testdata/Dockerfile')), true);
    assert.equal(excluded(at('x/testdata.Dockerfile')), false);
    assert.equal(excluded(at('Dockerfile')), false);
  });

  it('relative paths are taken from the base', () => {
    const excluded = excludeMatcher(['*.yaml'], base);
    assert.equal(excluded('k8s/a.yaml'), true);
    assert.equal(excluded('Dockerfile'), false);
  });

  it('an absolute path inside the base is anchored there', () => {
    const excluded = excludeMatcher([`${at('k8s').split(path.sep).join('/')}/`], base);
    assert.equal(excluded(at('k8s/deploy.yaml')), true);
    assert.equal(excluded(at('apps/k8s/deploy.yaml')), false);
  });

  it('a file outside the base is matched by its absolute path', () => {
    const outside = path.resolve('/elsewhere/k8s/deploy.yaml');
    assert.equal(excludeMatcher(['k8s/'], base)(outside), true);
    assert.equal(excludeMatcher(['*.yaml'], base)(outside), true);
    assert.equal(excludeMatcher(['/elsewhere/k8s/**'], base)(outside), true);
    assert.equal(excludeMatcher(['/other/**'], base)(outside), false);
  });

  it('no pattern excludes nothing, and the base itself is never excluded', () => {
    assert.equal(excludeMatcher([], base)(at('a.yaml')), false);
    assert.equal(excludeMatcher(['*'], base)(base, true), false);
  });
});
