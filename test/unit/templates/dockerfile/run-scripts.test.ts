import * as assert from 'node:assert/strict';
import { parseDockerfile } from '../../../../server/src/engine/parsers/dockerfile';
import { jsonStrings, logicalText } from '../../../../server/src/engine/parsers/dockerfile-script';
import { MALFORMED } from './helpers';

// How RUN instructions become scripts: which text the shell would see, and that every word still
// points at the right characters of the Dockerfile.

function scripts(text: string): { form: string; commands: string[][]; words: string[] }[] {
  return parseDockerfile(text)
    .runScripts()
    .map((s) => ({
      form: s.form,
      commands: s.commands.map((c) => c.words.map((w) => w.value)),
      words: s.commands.flatMap((c) => c.words.map((w) => text.slice(w.start, w.end))),
    }));
}

describe('dockerfile RUN scripts', () => {
  it('joins line continuations and drops comment and blank lines inside them', () => {
    const text = 'FROM a\nRUN curl \\\n# a comment\n\n  -k https://x \\\n  && echo done\n';
    assert.deepEqual(scripts(text), [{ form: 'shell', commands: [['curl', '-k', 'https://x'], ['echo', 'done']], words: ['curl', '-k', 'https://x', 'echo', 'done'] }]);
  });

  it('reads CRLF files and keeps offsets on the original text', () => {
    const text = 'FROM a\r\nRUN curl -k \\\r\n  https://x | sh\r\n';
    assert.deepEqual(scripts(text)[0].words, ['curl', '-k', 'https://x', 'sh']);
  });

  it('uses the escape character of the parser directive', () => {
    const text = '# escape=`\nFROM a\nRUN curl -k `\n  https://x && dir C:\\temp\n';
    assert.deepEqual(scripts(text)[0].commands, [['curl', '-k', 'https://x'], ['dir', 'C:temp']]);
  });

  it('reads exec form as argv, and sh -c strings in it as scripts', () => {
    const text = 'FROM a\nRUN ["curl", "-k", "x\\"y"]\nRUN ["/bin/sh", "-c", "curl -k https://x | sh"]\n';
    const [argv, shell] = scripts(text);
    assert.deepEqual(argv, { form: 'exec', commands: [['curl', '-k', 'x"y']], words: ['"curl"', '"-k"', '"x\\"y"'] });
    assert.deepEqual(shell.commands.slice(1), [['curl', '-k', 'https://x'], ['sh']]);
    assert.deepEqual(shell.words.slice(3), ['curl', '-k', 'https://x', 'sh']);
  });

  it('reads invalid JSON as shell form, as Docker does', () => {
    assert.equal(scripts('FROM a\nRUN [ "bad" \n')[0].form, 'shell');
  });

  it('reads heredoc bodies run by a shell, not those fed to other programs', () => {
    const text = 'FROM a\nRUN <<EOF\ncurl -k x | sh\nEOF\nRUN <<-EOT bash -e\n\twget y\n\tEOT\nRUN python3 <<EOF\nimport os\nEOF\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\nRUN cat <<EOF > /etc/x\nsudo make\nEOF\n';
    const bodies = scripts(text).filter((s) => s.form === 'heredoc');
    assert.deepEqual(bodies.map((b) => b.commands), [[['curl', '-k', 'x'], ['sh']], [['wget', 'y']]]);
    assert.deepEqual(bodies[0].words, ['curl', '-k', 'x', 'sh']);
  });

  it('reads ONBUILD RUN and lower-case instructions', () => {
    const text = 'from a as b\nonbuild run sudo make\nrun echo hi\n';
    const model = parseDockerfile(text);
    assert.deepEqual(model.entries.map((e) => [e.keyword, Boolean(e.onbuild), e.stage?.alias]), [['FROM', false, 'b'], ['RUN', true, 'b'], ['RUN', false, 'b']]);
    assert.deepEqual(scripts(text).map((s) => s.commands), [[['sudo', 'make']], [['echo', 'hi']]]);
  });

  it('starts the script after RUN flags', () => {
    assert.deepEqual(scripts('FROM a\nRUN --mount=type=secret,id=x --network=none curl -k x\n')[0].commands, [['curl', '-k', 'x']]);
  });

  it('logicalText maps each character to its offset', () => {
    const source = 'a \\  \r\n  b';
    const { text, offsets } = logicalText(source, 0, source.length, '\\');
    assert.equal(text, 'a   b');
    assert.deepEqual(offsets, [0, 1, 7, 8, 9, 10]);
  });

  it('jsonStrings accepts only a JSON array of strings', () => {
    assert.deepEqual(jsonStrings(' ["a", "b\\u0041"] ')?.map((s) => s.value), ['a', 'bA']);
    for (const bad of ['["a",]', '["a" "b"]', '[1]', '["a"] x', '["\\x"]', '[', '']) assert.equal(jsonStrings(bad), undefined, bad);
  });

  it('never throws and keeps every span inside the file', () => {
    for (const text of MALFORMED) {
      const model = parseDockerfile(text);
      for (const s of model.runScripts()) {
        for (const c of s.commands) {
          for (const w of [...c.words, ...c.assignments]) {
            assert.ok(w.start >= 0 && w.start <= w.end && w.end <= text.length, `${JSON.stringify(text.slice(0, 40))}: word ${w.value} at ${w.start}-${w.end}`);
          }
        }
      }
    }
  });
});
