import * as assert from 'node:assert/strict';
import { addSource } from '../../../../server/src/engine/templates/dockerfile/add-source';
import { MALFORMED, runnerFor } from './helpers';

// dockerfile-add-source: which ADD sources are local files or remote URLs, and when ADD→COPY is safe.

describe('template dockerfile-add-source', () => {
  describe('sources: local', () => {
    const run = runnerFor(addSource, { sources: 'local' });
    const cases: { name: string; line: string; underlined: string[]; fixed?: string }[] = [
      { name: 'plain file', line: 'ADD app.jar /app.jar', underlined: ['ADD'], fixed: 'COPY app.jar /app.jar' },
      { name: 'flags COPY accepts, lower case', line: 'add --chown=1:1 --link a/ /b/', underlined: ['add'], fixed: 'copy --chown=1:1 --link a/ /b/' },
      { name: 'JSON form with a space in a name', line: 'ADD ["my dir/", "/srv/"]', underlined: ['ADD'], fixed: 'COPY ["my dir/", "/srv/"]' },
      { name: 'zip is not unpacked by ADD', line: 'ADD release.zip /opt/', underlined: ['ADD'], fixed: 'COPY release.zip /opt/' },
      { name: 'ONBUILD', line: 'ONBUILD ADD . /src', underlined: ['ADD'], fixed: 'ONBUILD COPY . /src' },
      { name: 'tar archive', line: 'ADD rootfs.tar.xz /', underlined: [] },
      { name: 'compressed tar, quoted', line: 'ADD "vendor.tgz" /opt/', underlined: [] },
      { name: 'archive and file together: no fix', line: 'ADD a.tar.gz b.txt /opt/', underlined: ['ADD'] },
      { name: 'ADD-only flag: no fix', line: 'ADD --checksum=sha256:abc a.txt /a.txt', underlined: ['ADD'] },
      { name: 'URL', line: 'ADD https://example.com/a.txt /a.txt', underlined: [] },
      { name: 'git', line: 'ADD git@github.com:a/b.git /src', underlined: [] },
      { name: 'variable', line: 'ADD ${SRC} /opt/', underlined: [] },
      { name: 'heredoc', line: 'ADD <<EOF /etc/motd\nhi\nEOF', underlined: [] },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const outcome = run(`FROM a\n${c.line}\n`);
        assert.deepEqual(outcome.underlined, c.underlined);
        assert.equal(outcome.reports.some((r) => (r.fixes ?? []).length > 0), c.fixed !== undefined);
        if (c.fixed !== undefined) assert.equal(outcome.fixed, `FROM a\n${c.fixed}\n`);
      });
    }
  });

  describe('sources: remote', () => {
    const run = runnerFor(addSource, { sources: 'remote' });
    it('flags each URL without --checksum, on the URL', () => {
      const outcome = run('FROM a\nADD https://x/a ftp://x/b /opt/\nADD --checksum=sha256:abc https://x/c /c\nADD ["http://x/d", "/d"]\n');
      assert.deepEqual(outcome.underlined, ['https://x/a', 'ftp://x/b', '"http://x/d"']);
    });
    it('never shows credentials of a URL', () => {
      const [report] = run('FROM a\nADD https://user:t0ken@x.example/a /a\n').reports;
      assert.equal(report.data?.source, 'https://…@x.example/a');
    });
    it('skips git repositories', () => assert.deepEqual(run('FROM a\nADD https://github.com/a/b.git#v1 /src\n').underlined, []));
  });

  it('survives malformed Dockerfiles', () => {
    for (const sources of ['local', 'remote']) {
      const run = runnerFor(addSource, { sources });
      for (const text of MALFORMED) assert.doesNotThrow(() => run(text), JSON.stringify(text.slice(0, 40)));
    }
  });
});
