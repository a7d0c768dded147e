import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { displayPath } from '../../server/src/cli/scan-files';

// Report paths: a plain prefix is taken for normalised files under the current directory (no
// path.relative per file); everything else goes the long way. Both must name a file alike.

function byRelative(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  const outside = relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative);
  return (outside ? file : relative).split(path.sep).join('/');
}

describe('displayPath', () => {
  const cwd = path.resolve('/work/project');
  const cases = [
    path.join(cwd, 'a.yaml'),
    path.join(cwd, 'k8s', 'deploy.yaml'),
    cwd,
    cwd + path.sep,
    `${cwd}${path.sep}..${path.sep}other${path.sep}x.env`,
    `${cwd}${path.sep}.${path.sep}y.env`,
    `${cwd}${path.sep}${path.sep}z.env`,
    `${cwd}-sibling${path.sep}a.env`,
    path.resolve('/elsewhere/file.env'),
    path.join(cwd, '..dots', 'a.env'),
    path.join(cwd, 'a..b', '.env'),
  ];
  for (const file of cases) {
    it(`names ${JSON.stringify(file)} as path.relative would`, () => {
      assert.equal(displayPath(file, cwd), byRelative(file, cwd));
    });
  }

  it('takes the long way for a current directory that is not normalised', () => {
    const odd = `${cwd}${path.sep}sub${path.sep}..`;
    assert.equal(displayPath(path.join(cwd, 'a.env'), odd), byRelative(path.join(cwd, 'a.env'), odd));
    assert.equal(displayPath(path.join(cwd, 'a.env'), odd), 'a.env');
    const under = `${odd}${path.sep}b.env`;
    assert.equal(displayPath(under, odd), byRelative(under, odd));
  });
});
